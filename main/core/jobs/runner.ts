// Runs long work (scan, import, export, index builds) in worker threads with progress and cancel.
// The runner is handed its kinds (jobs/kinds.ts types them and the worker entry runs them); it
// imports none of them, so the work it runs may itself start workers without an import circle.
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { TidysetError, type ErrorCode, type FilePosition } from '../errors';
import { spawnWorker } from './spawn';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** What the UI and CLI see of a job. */
export interface JobInfo {
  id: string;
  kind: string;
  title: string;
  state: JobState;
  done: number;
  total: number;
  message: string;
  startedAt: string;
  endedAt: string | null;
  error: { code: ErrorCode; message: string } | null;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; message?: string }
  | { type: 'result'; value: unknown }
  | { type: 'error'; code: ErrorCode; message: string; position?: FilePosition };

export interface WorkerData {
  kind: string;
  params: unknown;
  workspaceDir: string;
  cancel: SharedArrayBuffer;
}

let nextId = 1;

/** A job in flight: its info, a promise of its result, and cancel(). */
export class Job<K extends string = string, R = unknown> extends EventEmitter {
  readonly info: JobInfo & { kind: K };
  readonly result: Promise<R>;
  private readonly flag: Int32Array;
  private worker: Worker | undefined;

  constructor(kind: K, params: unknown, workspaceDir: string, title: string) {
    super();
    const cancel = new SharedArrayBuffer(4);
    this.flag = new Int32Array(cancel);
    this.info = {
      id: `job-${process.pid}-${nextId++}`,
      kind,
      title,
      state: 'running',
      done: 0,
      total: 0,
      message: '',
      startedAt: new Date().toISOString(),
      endedAt: null,
      error: null,
    };
    const data: WorkerData = { kind, params, workspaceDir, cancel };
    this.result = new Promise<R>((resolve, reject) => {
      const w = spawnWorker(data);
      this.worker = w;
      let settled = false;
      const end = (state: JobState, error: JobInfo['error']) => {
        settled = true;
        this.info.state = state;
        this.info.endedAt = new Date().toISOString();
        this.info.error = error;
        this.emit('end', this.info);
      };
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          this.info.done = m.done;
          this.info.total = m.total;
          if (m.message !== undefined) this.info.message = m.message;
          this.emit('progress', this.info);
        } else if (m.type === 'result') {
          end('done', null);
          resolve(m.value as R);
        } else {
          const cancelled = m.code === 'CANCELLED';
          end(cancelled ? 'cancelled' : 'failed', { code: m.code, message: m.message });
          reject(new TidysetError(m.code, m.message, m.position));
        }
      });
      w.on('error', (e) => {
        if (settled) return;
        end('failed', { code: 'INTERNAL', message: e.message });
        reject(e);
      });
      w.on('exit', (code) => {
        if (settled) return;
        const message = `job worker exited with code ${code} before finishing`;
        end('failed', { code: 'INTERNAL', message });
        reject(new TidysetError('INTERNAL', message));
      });
    });
    // A caller that only listens to events must not crash the process on failure.
    this.result.catch(() => {});
  }

  /** Asks the job to stop; it cleans up and its result rejects with CANCELLED. */
  cancel(): void {
    Atomics.store(this.flag, 0, 1);
  }
}

/** Starts a job of the given kind in a worker thread (jobs/kinds.ts `startKindJob` types it). */
export function startJob<K extends string, R>(kind: K, params: unknown, workspaceDir: string, title: string): Job<K, R> {
  return new Job<K, R>(kind, params, workspaceDir, title);
}
