// The one door into the engine for both transports: checks the method, parses the input, runs the
// handler against the open workspace, and turns every outcome into a Reply.
import type { z } from 'zod';
import { contract, type EventName, type EventPayload, type Method, type Reply } from '../../shared/api/contract';
import { TidysetError, fileSystemError } from '../core/errors';
import { Workspace } from '../core/workspace';
import { recoverAbandoned } from '../core/clean/writer';
import { resumeErasures } from '../core/protect/erase/erase';
import { appHandlers } from './app';
import { cleanHandlers } from './clean';
import { clusterHandlers } from './cluster';
import { datasetHandlers } from './datasets';
import { detectHandlers } from './detect';
import { eraseHandlers } from './erase';
import { dedupeHandlers } from './dedupe';
import { exportHandlers } from './export';
import { fsHandlers } from './fs';
import { jobHandlers } from './jobs';
import { profileHandlers } from './profile';
import { JobManager } from './jobManager';
import { DataRoots } from './paths';
import { Reader } from './reader';
import { protectHandlers } from './protect';
import { rowHandlers } from './rows';
import { sourceHandlers } from './sources';
import { splitHandlers } from './split';
import type { Face, HandlerContext, Handlers } from './types';

/** Every method's handler; a missing or extra method is a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...datasetHandlers,
  ...sourceHandlers,
  ...fsHandlers,
  ...jobHandlers,
  ...exportHandlers,
  ...rowHandlers,
  ...cleanHandlers,
  ...eraseHandlers,
  ...splitHandlers,
  ...protectHandlers,
  ...detectHandlers,
  ...clusterHandlers,
  ...dedupeHandlers,
  ...profileHandlers,
};

/** An event as transports forward it: the contract's event name and its payload. */
export interface ApiEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

/** True if `m` names a contract method (own keys only: "constructor" or "__proto__" are not methods). */
export function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.prototype.hasOwnProperty.call(contract, m);
}

/** A zod error as one line a person can read: `offset: Too small…; limit: …`. */
export function describeIssues(err: z.ZodError): string {
  return err.issues
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(input)'}: ${i.message}`)
    .join('; ');
}

export interface DispatcherOptions {
  workspaceDir: string;
  face: Face;
  /** Folders file access is confined to (default: the current folder); each must exist. */
  roots?: readonly string[];
  /** A native folder dialog (desktop); its picks become data roots through fs.pickFolder. */
  pickFolder?: () => Promise<string | null>;
}

/** Holds one open workspace and a job manager, and answers calls from any transport. */
export class Dispatcher {
  readonly ws: Workspace;
  readonly jobs: JobManager;
  /** The data roots this dispatcher confines file access to. */
  get roots(): string[] {
    return this.ctx.paths.list();
  }
  private readonly listeners = new Set<(e: ApiEvent) => void>();
  private readonly ctx: HandlerContext;
  private readonly reader: Reader;
  private closed = false;

  constructor(opts: DispatcherOptions) {
    const hint = opts.pickFolder ? '; choose the folder with "Choose folder…" to allow it' : '; start `tidyset serve --root DIR` to allow another folder';
    const paths = new DataRoots(opts.roots ?? [process.cwd()], hint);
    this.ws = Workspace.open(opts.workspaceDir);
    // History steps a killed writer left half done, on datasets nobody is writing now.
    recoverAbandoned(this.ws);
    // An erasure a killed process left is finished before anything else reads the data. If a writer
    // holds one of its datasets, or the purge fails, the app still opens: the audit screen and the
    // next erasure finish it (and say why it is not finished).
    try {
      resumeErasures(this.ws);
    } catch (e) {
      if (!(e instanceof TidysetError && e.code === 'DATASET_BUSY')) process.stderr.write(`tidyset: an unfinished erasure could not be finished yet: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    this.jobs = new JobManager(this.ws.dir);
    this.reader = new Reader(this.ws.dir);
    // The app and serve mode start the reader thread at once; tests start it on first use.
    if (opts.face !== 'test') this.reader.warm();
    this.jobs.onEvent((e) => this.emit(e as ApiEvent));
    this.ctx = {
      ws: this.ws,
      jobs: this.jobs,
      face: opts.face,
      paths,
      reader: this.reader,
      pickFolder: opts.pickFolder,
      datasetsChanged: (dataset) => this.emit({ name: 'datasets.changed', payload: { dataset } }),
    };
  }

  /** Calls `method` with `input`; never throws: every failure comes back as `{ ok: false, error }`. */
  async dispatch(method: unknown, input: unknown): Promise<Reply<unknown>> {
    if (!isMethod(method)) {
      const shown = typeof method === 'string' ? JSON.stringify(method.slice(0, 100)) : typeof method;
      return fail('UNKNOWN_METHOD', `unknown method ${shown}`);
    }
    if (this.closed) return fail('INTERNAL', 'the workspace is closed');
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) return fail('VALIDATION', `${method}: ${describeIssues(parsed.error)}`);
    try {
      const handler = handlers[method] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, this.ctx) };
    } catch (e) {
      if (e instanceof TidysetError) return fail(e.code, e.message);
      const fsErr = fileSystemError(e);
      if (fsErr) return fail(fsErr.code, fsErr.message);
      // A fault of ours: the stack goes to the server's log (stderr) only, never into the reply.
      process.stderr.write(`tidyset: internal error in ${method}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      return fail('INTERNAL', `internal error in ${method}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Subscribes to events (job.progress, job.end, datasets.changed); returns the unsubscribe function. */
  onEvent(fn: (e: ApiEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Cancels running jobs, waits for them to end, and closes the workspace. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.jobs.cancelAll(), this.reader.close()]);
    this.listeners.clear();
    this.ws.close();
  }

  private emit(e: ApiEvent): void {
    for (const fn of this.listeners) {
      try {
        fn(e);
      } catch (err) {
        process.stderr.write(`tidyset: event listener failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      }
    }
  }
}

function fail(code: string, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
