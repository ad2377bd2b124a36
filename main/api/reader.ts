// Keeps heavy reads off the request thread: a worker thread with its own read-only connections
// answers grid pages that scan or sort, facets and previews, while cheap calls answer at once.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StoredDataset } from '../core/db/repos/datasets';
import { TidysetError, type ErrorCode } from '../core/errors';

/** A read the worker can run; `ds` is the caller's catalog entry (the worker reads no catalog for it). */
export type ReaderCall =
  | { kind: 'rows.page'; ds: StoredDataset; input: unknown }
  | { kind: 'facets.text' | 'facets.numeric' | 'facets.blank' | 'facets.type'; ds: StoredDataset; input: unknown }
  | { kind: 'ops.preview'; dataset: string; input: unknown }
  | { kind: 'erase.search'; input: unknown }
  | { kind: 'split.preview' | 'split.leakage'; dataset: string; input: unknown }
  | { kind: 'protect.kanon'; dataset: string; input: unknown };

/** Messages to the worker: a call, or "forget this dataset file" (before it is deleted). */
export type ReaderRequest = { id: number; call: ReaderCall } | { id: number; close: string };
export type ReaderReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; code: ErrorCode; message: string };

export interface ReaderData {
  workspaceDir: string;
}

/** Starts the reader script: the bundled reader.js next to the bundle, or readerWorker.ts through tsx. */
function spawnReader(workerData: ReaderData): Worker {
  if (process.env.TIDYSET_BUNDLED === '1') return new Worker(path.join(__dirname, 'reader.js'), { workerData });
  const source = path.join(__dirname, 'readerWorker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true, workerData });
}

/**
 * One reader worker per dispatcher, started on first use. Calls queue in the worker (one at a time,
 * as SQLite reads on one connection would); a crash fails the calls in flight and the next call
 * starts a fresh worker.
 */
export class Reader {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private closed = false;

  constructor(private readonly workspaceDir: string) {}

  /** Runs a read in the worker; rejects with the TidysetError it raised. */
  run<T>(call: ReaderCall): Promise<T> {
    return this.send({ id: 0, call }) as Promise<T>;
  }

  /** Starts the worker now (it loads in the background), so the first heavy read does not wait for it. */
  warm(): void {
    if (this.closed) return;
    const w = this.ensure();
    if (this.pending.size === 0) w.unref();
  }

  /** Closes the worker's connection to a dataset file (call before deleting the file). */
  async closeDataset(file: string): Promise<void> {
    if (!this.worker) return;
    await this.send({ id: 0, close: file });
  }

  /** Stops the worker; calls in flight fail. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    // An unref'd worker does not keep the loop alive until terminate() settles: without the ref, the
    // caller could be left waiting on a loop that has nothing left to run (seen in the contract suite).
    w.ref();
    await w.terminate();
  }

  private send(req: ReaderRequest): Promise<unknown> {
    if (this.closed) return Promise.reject(new TidysetError('INTERNAL', 'the workspace is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const w = this.ensure();
      w.ref();
      w.postMessage({ ...req, id });
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = spawnReader({ workspaceDir: this.workspaceDir });
    w.on('message', (m: ReaderReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      // An idle reader must not keep the process alive; one with calls in flight must, and so must one
      // being terminated (close() waits for its exit).
      if (this.pending.size === 0 && !this.closed) w.unref();
      if (m.ok) p.resolve(m.value);
      else p.reject(new TidysetError(m.code, m.message));
    });
    const fail = (why: string) => {
      if (this.worker === w) this.worker = null;
      for (const [, p] of this.pending) p.reject(new TidysetError('INTERNAL', why));
      this.pending.clear();
    };
    w.on('error', (e) => {
      process.stderr.write(`tidyset: the reader thread failed: ${e.stack ?? e.message}\n`);
      fail(`the reader thread failed: ${e.message}`);
    });
    w.on('exit', (code) => fail(`the reader thread exited (code ${code})`));
    this.worker = w;
    return w;
  }
}
