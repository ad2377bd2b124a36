// The profile of a large dataset on two threads: columns are independent, so a helper thread
// profiles every other column while this one profiles the rest, each reading the dataset file on
// its own connection; the halves are put back in column order and cached as one profile.
import type { MessagePort } from 'node:worker_threads';
import type { ColumnProfile, Profile } from '../../../shared/api/profile';
import { ProfileCacheRepo } from '../db/repos/rules';
import { TidysetError, type ErrorCode } from '../errors';
import { quietContext, type JobContext } from '../jobs/context';
import { spawnWorker } from '../jobs/spawn';
import { Workspace } from '../workspace';
import { cachedProfile, datasetVersion, pickColumns, profileDataset, type ProfileOptions } from './profile';

/** Below this many rows one thread is quicker than starting a second. */
export const PARALLEL_ROWS = 100_000;

export interface ProfilePartParams {
  role: 'profile-part';
  workspaceDir: string;
  dataset: string;
  columns: string[];
  cancel: SharedArrayBuffer;
}

type PartMessage = { t: 'done'; columns: ColumnProfile[] } | { t: 'fail'; code: ErrorCode; message: string };

/** The helper thread's side: profiles its columns and posts them (or the error) to `port`. */
export function runProfilePart(p: ProfilePartParams, port: MessagePort): void {
  const flag = new Int32Array(p.cancel);
  let ws: Workspace | null = null;
  try {
    ws = Workspace.open(p.workspaceDir, { maintenance: false });
    const r = profileDataset(ws, p.dataset, { columns: p.columns, fresh: true }, { progress: () => {}, isCancelled: () => Atomics.load(flag, 0) === 1 });
    port.postMessage({ t: 'done', columns: r.columns } satisfies PartMessage);
  } catch (e) {
    port.postMessage({ t: 'fail', code: e instanceof TidysetError ? e.code : 'INTERNAL', message: e instanceof Error ? e.message : String(e) } satisfies PartMessage);
  } finally {
    ws?.close();
  }
}

/**
 * profileDataset, on two threads when the dataset has at least PARALLEL_ROWS rows and two columns
 * to profile (and `opts` asks for no page of columns). Progress is this thread's half.
 */
export async function profileInParallel(ws: Workspace, dataset: string, opts: ProfileOptions = {}, ctx: JobContext = quietContext, minRows = PARALLEL_ROWS): Promise<Profile> {
  const ds = ws.datasets.get(dataset);
  if (!opts.fresh) {
    const hit = cachedProfile(ws, dataset);
    if (hit) return profileDataset(ws, dataset, opts, ctx);
  }
  const chosen = pickColumns(ds, opts.columns);
  if (chosen.length < 2 || ds.rows < minRows || opts.offset !== undefined || opts.limit !== undefined) return profileDataset(ws, dataset, opts, ctx);
  const t0 = performance.now();
  const mine = chosen.filter((_, i) => i % 2 === 0).map((c) => c.name);
  const theirs = chosen.filter((_, i) => i % 2 === 1).map((c) => c.name);
  const cancel = new SharedArrayBuffer(4);
  const worker = spawnWorker({ role: 'profile-part', workspaceDir: ws.dir, dataset: ds.name, columns: theirs, cancel } satisfies ProfilePartParams);
  const other = new Promise<ColumnProfile[]>((resolve, reject) => {
    worker.once('message', (m: PartMessage) => (m.t === 'done' ? resolve(m.columns) : reject(new TidysetError(m.code, m.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new TidysetError('INTERNAL', `the profile's helper thread exited with code ${code}`)));
  });
  other.catch(() => {});
  let first: Profile;
  try {
    first = profileDataset(ws, dataset, { columns: mine, fresh: true }, ctx);
  } catch (e) {
    Atomics.store(new Int32Array(cancel), 0, 1);
    await worker.terminate();
    throw e;
  }
  ctx.progress(1, 1, 'finishing the other columns');
  let rest: ColumnProfile[];
  try {
    rest = await other;
  } finally {
    await worker.terminate();
  }
  const byName = new Map([...first.columns, ...rest].map((c) => [c.column, c]));
  const profile: Profile = { ...first, ms: Math.round(performance.now() - t0), totalColumns: chosen.length, columns: chosen.map((c) => byName.get(c.name)!) };
  if (chosen.length === ds.columns.length) new ProfileCacheRepo(ws.catalog).put(ds.id, datasetVersion(ws, ds), profile);
  return profile;
}
