// Worker-thread entry: opens the workspace, runs one job, reports progress, result or error.
import { parentPort, workerData } from 'node:worker_threads';
import { TidysetError, fileSystemError } from '../errors';
import { Workspace } from '../workspace';
import { jobHandlers } from './kinds';
import { runCsvParser, type CsvParseParams } from '../ingest/csvParseWorker';
import { runParquetDecoder, type ParquetDecodeParams } from '../ingest/parquetDecodeWorker';
import { runProfilePart, type ProfilePartParams } from '../profile/parallel';
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
} else if ((workerData as { role?: string }).role === 'parquet-decode') {
  void runParquetDecoder(workerData as ParquetDecodeParams, parentPort!);
} else if ((workerData as { role?: string }).role === 'profile-part') {
  runProfilePart(workerData as ProfilePartParams, parentPort!);
} else {
  main().catch(report);
}

/** The file a job works on, to name in a file-system error that carries no path. */
function jobFile(): string | undefined {
  const p = data.params as { file?: unknown; root?: unknown; outDir?: unknown; out?: unknown } | null;
  const f = p?.file ?? p?.outDir ?? p?.out ?? p?.root;
  return typeof f === 'string' ? f : undefined;
}

function report(e: unknown): void {
  const fsErr = fileSystemError(e, jobFile());
  if (e instanceof TidysetError || fsErr) {
    const u = (e instanceof TidysetError ? e : fsErr)!;
    post({ type: 'error', code: u.code, message: u.message, position: u.position });
    return;
  }
  // A fault of ours: the stack goes to the log (stderr), the reply carries the message only.
  process.stderr.write(`tidyset: internal error in a ${data.kind} job: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  post({ type: 'error', code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) });
}
