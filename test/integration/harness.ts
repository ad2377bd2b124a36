// Test harnesses for the contract suite: the in-process dispatcher and real loopback HTTP, each with a
// way to call a method and to wait for a job's job.end event (no polling, no sleeps).
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobInfo, Reply } from '../../shared/api/contract';
import { Dispatcher, type ApiEvent } from '../../main/api/dispatch';
import { startServer, type RunningServer } from '../../main/server/server';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'api');
/** The data roots the harnesses confine file access to: the fixtures and the temp folder tests write into. */
export const TEST_ROOTS = [path.join(__dirname, '..', 'fixtures'), os.tmpdir()];

/** A face under test: call a method, wait for events, shut down. */
export interface Harness {
  name: string;
  workspace: string;
  call(method: string, input?: unknown): Promise<Reply<unknown>>;
  /** Resolves with the first event matching `pred`, including ones already seen since the harness started. */
  waitFor(pred: (e: ApiEvent) => boolean): Promise<ApiEvent>;
  close(): Promise<void>;
}

/** A fresh temporary folder; removed by the returned cleanup. */
export function tempDir(prefix = 'tidyset-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Collects events and lets callers wait for one, whether it came before or after the wait began. */
export class EventLog {
  readonly seen: ApiEvent[] = [];
  private waiters: Array<{ pred: (e: ApiEvent) => boolean; resolve: (e: ApiEvent) => void }> = [];

  push(e: ApiEvent): void {
    this.seen.push(e);
    this.waiters = this.waiters.filter((w) => {
      if (!w.pred(e)) return true;
      w.resolve(e);
      return false;
    });
  }

  waitFor(pred: (e: ApiEvent) => boolean): Promise<ApiEvent> {
    const hit = this.seen.find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }
}

/**
 * Unwrapping helpers over a harness (made lazily, for suites whose harness starts in a before hook):
 * `call` resolves with a reply's value or throws an Error carrying its code; `finished` waits for a job's end.
 */
export function replies(h: () => Harness) {
  return {
    call: async <T>(method: string, input: unknown): Promise<T> => {
      const r = (await h().call(method, input)) as Reply<T>;
      if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
      return r.value;
    },
    finished: async (job: JobInfo) => (await h().waitFor(jobEnded(job.id))).payload as JobInfo,
    /** Waits for the personal-data detection every import starts on `dataset` to end (its tags are then stored). */
    detected: async (dataset: string) => (await h().waitFor(detectEnded(dataset))).payload as JobInfo,
  };
}

/** The predicate for "the detection job on `dataset` ended" (outcome.dataset names it). */
export const detectEnded = (dataset: string) => (e: ApiEvent) => {
  const j = e.payload as JobInfo;
  return e.name === 'job.end' && j.kind === 'detect' && (j.outcome as { dataset?: string } | null)?.dataset === dataset;
};

/** The predicate for "job `id` ended". */
export const jobEnded = (id: string) => (e: ApiEvent) => e.name === 'job.end' && (e.payload as JobInfo).id === id;

export async function inProcessHarness(): Promise<Harness> {
  const workspace = tempDir();
  const d = new Dispatcher({ workspaceDir: workspace, face: 'test', roots: TEST_ROOTS });
  const log = new EventLog();
  d.onEvent((e) => log.push(e));
  return {
    name: 'in-process dispatch',
    workspace,
    call: (method, input = {}) => d.dispatch(method, input),
    waitFor: (pred) => log.waitFor(pred),
    close: async () => {
      await d.close();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/** One raw HTTP request; resolves with status, headers and body text. */
export function request(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; host?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: opts.host ?? '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Opens /api/events and feeds parsed events into `log`; resolves once the stream is open. */
export function openEventStream(port: number, headers: Record<string, string>, log: EventLog): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`/api/events answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buf = '';
      let opened = false;
      res.on('data', (chunk: string) => {
        buf += chunk;
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          if (!opened) {
            opened = true;
            resolve(() => req.destroy());
          }
          let name = '';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) name = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (name) log.push({ name, payload: JSON.parse(data) } as ApiEvent);
        }
      });
    });
    req.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(e);
    });
  });
}

export interface ServerHarness extends Harness {
  server: RunningServer;
}

export async function httpHarness(opts: { staticDir?: string } = {}): Promise<ServerHarness> {
  const workspace = tempDir();
  const server = await startServer({ workspaceDir: workspace, port: 0, staticDir: opts.staticDir, roots: TEST_ROOTS });
  const auth = { Authorization: `Bearer ${server.token}` };
  const log = new EventLog();
  const stop = await openEventStream(server.port, auth, log);
  return {
    name: 'loopback HTTP',
    workspace,
    server,
    call: async (method, input = {}) => {
      const res = await request(server.port, {
        method: 'POST',
        path: `/api/call/${encodeURIComponent(method)}`,
        headers: { ...auth, 'Content-Type': 'application/json', 'X-Tidyset': '1' },
        body: JSON.stringify(input),
      });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body}`);
      if (!String(res.headers['content-type']).startsWith('application/json')) throw new Error(`not JSON: ${res.headers['content-type']}`);
      return JSON.parse(res.body) as Reply<unknown>;
    },
    waitFor: (pred) => log.waitFor(pred),
    close: async () => {
      stop();
      await server.close();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
