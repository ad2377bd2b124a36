// Starts background jobs for the API, remembers their state and outcome, and tells subscribers about them.
import type { JobInfo as ApiJobInfo } from '../../shared/api/contract';
import { TidysetError } from '../core/errors';
import { startKindJob, type JobKind, type JobParams, type JobResult, type KindJob } from '../core/jobs/kinds';

/** At most this many progress events per second per job (the last state always follows with job.end). */
const PROGRESS_PER_SECOND = 10;
/** Finished jobs kept for jobs.list; running ones are always kept. */
const KEEP_FINISHED = 100;

/** Events the manager emits; the dispatcher forwards them to the transports. */
export type JobEvent =
  | { name: 'job.progress'; payload: ApiJobInfo }
  | { name: 'job.end'; payload: ApiJobInfo }
  | { name: 'datasets.changed'; payload: { dataset: string | null } };

interface Entry {
  job: KindJob;
  outcome: Record<string, unknown> | null;
  lastProgress: number;
  pending: NodeJS.Timeout | undefined;
  /** Settles (never rejects) once job.end has been emitted. */
  ended: Promise<void>;
  /** Whether Cancel can stop it: index builds and single history steps run as one statement to their end. */
  cancellable: boolean;
}

function isCancellable<K extends JobKind>(kind: K, params: JobParams<K>): boolean {
  if (kind === 'index') return false;
  if (kind === 'clean') return (params as JobParams<'clean'>).action === 'recipe';
  return true;
}

/** Derives a job's outcome (what the UI follows up on) from its result. */
function outcomeOf(kind: JobKind, result: unknown): Record<string, unknown> {
  switch (kind) {
    case 'import':
      return { dataset: (result as JobResult<'import'>).dataset.name, warnings: (result as JobResult<'import'>).warnings };
    case 'scan': {
      const r = result as JobResult<'scan'>;
      return { root: r.root, counts: r.counts };
    }
    case 'index':
      return { ...(result as JobResult<'index'>) };
    case 'clean': {
      const r = result as JobResult<'clean'>;
      return { steps: r.steps.map((s) => s.description), entry: r.entry?.description ?? null };
    }
    case 'export': {
      const r = result as JobResult<'export'>;
      return { manifest: r.manifest, files: r.files, entry: r.entry };
    }
    case 'detect': {
      const r = result as JobResult<'detect'>;
      return { dataset: r.dataset, personal: r.findings.filter((f) => f.category !== 'none').length, kept: r.kept };
    }
  }
}

/** Runs jobs in worker threads against one workspace folder and keeps their JobInfo. */
export class JobManager {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(e: JobEvent) => void>();

  /** Whether a finished import starts a `detect` job on its dataset (tests with a fake runner turn it off). */
  detectAfterImport: boolean;

  /** `start` runs a job in a worker; tests pass a fake with the same shape. */
  constructor(
    private readonly workspaceDir: string,
    private readonly start_: typeof startKindJob = startKindJob,
  ) {
    this.detectAfterImport = start_ === startKindJob;
  }

  /** Subscribes to job events; returns the unsubscribe function. */
  onEvent(fn: (e: JobEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Starts a job and returns its info as the API shows it. */
  start<K extends JobKind>(kind: K, params: JobParams<K>, title: string): ApiJobInfo {
    const job = this.start_(kind, params, this.workspaceDir, title);
    const entry: Entry = { job, outcome: null, lastProgress: 0, pending: undefined, ended: Promise.resolve(), cancellable: isCancellable(kind, params) };
    this.entries.set(job.info.id, entry);
    job.on('progress', () => this.progress(entry));
    entry.ended = job.result.then(
      (result) => {
        entry.outcome = outcomeOf(kind, result);
        this.finish(entry);
        if (kind === 'import') {
          const dataset = (result as JobResult<'import'>).dataset.name;
          this.emit({ name: 'datasets.changed', payload: { dataset } });
          // Personal-data detection follows every import in its own job, so the import never waits for it.
          if (this.detectAfterImport) this.start('detect', { dataset }, `Detect personal data in ${dataset}`);
        }
        if (kind === 'detect') this.emit({ name: 'datasets.changed', payload: { dataset: (result as JobResult<'detect'>).dataset } });
      },
      () => this.finish(entry),
    );
    this.prune();
    return this.info(entry);
  }

  /** Starts a job and resolves with its result (or rejects with its error), for handlers that answer with it. */
  run<K extends JobKind>(kind: K, params: JobParams<K>, title: string): Promise<JobResult<K>> {
    const info = this.start(kind, params, title);
    return this.entries.get(info.id)!.job.result as Promise<JobResult<K>>;
  }

  /** Every job this process started (running ones and the most recent finished), newest first. */
  list(): ApiJobInfo[] {
    return [...this.entries.values()].reverse().map((e) => this.info(e));
  }

  /** Asks a job to stop; a finished job is left as it is. NOT_FOUND for an unknown id. */
  cancel(id: string): void {
    const e = this.entries.get(id);
    if (!e) throw new TidysetError('NOT_FOUND', `no job with id ${JSON.stringify(id)}`);
    if (e.job.info.state === 'running') e.job.cancel();
  }

  /** Cancels every running job and resolves once all have ended (for shutdown). */
  async cancelAll(): Promise<void> {
    const running = [...this.entries.values()].filter((e) => e.job.info.state === 'running');
    for (const e of running) e.job.cancel();
    await Promise.all(running.map((e) => e.ended));
  }

  /** Resolves when the job has ended and job.end has been emitted (tests and callers that must wait). */
  async settled(id: string): Promise<ApiJobInfo> {
    const e = this.entries.get(id);
    if (!e) throw new TidysetError('NOT_FOUND', `no job with id ${JSON.stringify(id)}`);
    await e.ended;
    return this.info(e);
  }

  private info(e: Entry): ApiJobInfo {
    return { ...e.job.info, error: e.job.info.error ? { ...e.job.info.error } : null, outcome: e.outcome, cancellable: e.cancellable };
  }

  private progress(e: Entry): void {
    if (e.pending) return;
    const wait = e.lastProgress + 1000 / PROGRESS_PER_SECOND - Date.now();
    const send = () => {
      e.pending = undefined;
      if (e.job.info.state !== 'running') return;
      e.lastProgress = Date.now();
      this.emit({ name: 'job.progress', payload: this.info(e) });
    };
    if (wait <= 0) send();
    else e.pending = setTimeout(send, wait);
  }

  private finish(e: Entry): void {
    if (e.pending) clearTimeout(e.pending);
    e.pending = undefined;
    this.emit({ name: 'job.end', payload: this.info(e) });
  }

  private emit(event: JobEvent): void {
    for (const fn of this.listeners) {
      try {
        fn(event);
      } catch (err) {
        // A broken subscriber (a closed socket, say) must not stop the others or the job.
        process.stderr.write(`tidyset: event listener failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      }
    }
  }

  private prune(): void {
    const finished = [...this.entries.entries()].filter(([, e]) => e.job.info.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.entries.delete(id);
  }
}
