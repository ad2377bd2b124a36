// Worker-thread entry: opens the workspace, runs one job, reports progress, result or error.
import { parentPort, workerData } from 'node:worker_threads';
import { TidysetError } from '../errors';
import { Workspace } from '../workspace';
import { jobHandlers } from './kinds';
import { runCsvParser, type CsvParseParams } from '../ingest/csvParseWorker';
import type { WorkerData, WorkerMessage } from './runner';

const data = workerData as WorkerData;
const cancelFlag = new Int32Array(data.cancel ?? new SharedArrayBuffer(4));
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

let lastSent = 0;
async function main(): Promise<void> {
  const ws = Workspace.open(data.workspaceDir, { maintenance: false });
  try {
    const handler = jobHandlers[data.kind as keyof typeof jobHandlers] as (ws: Workspace, params: unknown, ctx: import('./context').JobContext) => Promise<unknown>;
    const value = await handler(ws, data.params, {
      progress(done, total, message) {
        // At most ~20 progress messages a second, plus the last one.
        const now = Date.now();
        if (now - lastSent < 50 && done < total) return;
        lastSent = now;
        post({ type: 'progress', done, total, message });
      },
      isCancelled: () => Atomics.load(cancelFlag, 0) === 1,
    });
    post({ type: 'result', value });
  } finally {
    ws.close();
  }
}

if ((workerData as { role?: string }).role === 'csv-parse') {
  void runCsvParser(workerData as CsvParseParams, parentPort!);
} else {
  main().catch(report);
}

function report(e: unknown): void {
  if (e instanceof TidysetError) post({ type: 'error', code: e.code, message: e.message, position: e.position });
  else post({ type: 'error', code: 'INTERNAL', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
