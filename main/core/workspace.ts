// A workspace folder: the catalog database plus one SQLite file per dataset under data/.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from './db/open';
import { migrate } from './db/migrate';
import { catalogMigrations } from './db/migrations';
import { DatasetsRepo } from './db/repos/datasets';
import { SourcesRepo } from './db/repos/sources';
import { tryLease, type Lease } from './lock/lease';

/** The default workspace: TIDYSET_WORKSPACE, else Tidyset's folder in the platform's user-data location. */
export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.TIDYSET_WORKSPACE) return path.resolve(env.TIDYSET_WORKSPACE);
  const home = os.homedir();
  // The same folders Electron's app.getPath('userData') uses, so the CLI and the app share a workspace.
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, 'Tidyset', 'workspace');
}

/** Temporary files of in-flight imports carry the writer's pid, so a later open can tell abandoned ones. */
const TEMP_RE = /\.importing-(\d+)\.tmp(-wal|-shm|-journal)?$/;

/** Whether a process with this id is running (EPERM: it is, under another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class Workspace {
  readonly catalog: Db;
  readonly datasets: DatasetsRepo;
  readonly sources: SourcesRepo;
  readonly dataDir: string;
  /** Dataset files this workspace is writing (imports), claimed until it closes: see tempPathFor. */
  private readonly claims: Array<{ lease: Lease; file: string }> = [];

  private constructor(readonly dir: string, maintenance: boolean) {
    this.dataDir = path.join(dir, 'data');
    mkdirSync(this.dataDir, { recursive: true });
    if (maintenance) this.removeAbandonedTemps();
    this.catalog = openDb(path.join(dir, 'catalog.sqlite'));
    try {
      migrate(this.catalog, catalogMigrations, `workspace catalog ${path.join(dir, 'catalog.sqlite')}`);
    } catch (e) {
      this.catalog.close();
      throw e;
    }
    this.datasets = new DatasetsRepo(this.catalog, (file) => this.endClaim(file));
    this.sources = new SourcesRepo(this.catalog);
    if (maintenance) this.removeOrphans();
  }

  /**
   * Opens (creating if needed) the workspace in `dir` and migrates its catalog. Unless `maintenance`
   * is false, it also clears what killed processes left (temp files, orphaned dataset files); job
   * worker threads skip that, their process has done it already. History steps caught mid-change
   * are the history's business (clean/writer.ts), recovered when a writer takes the dataset's lease.
   */
  static open(dir: string, opts: { maintenance?: boolean } = {}): Workspace {
    return new Workspace(path.resolve(dir), opts.maintenance ?? true);
  }

  /** Absolute path of a dataset file given its catalog-relative name. */
  dataPath(file: string): string {
    return path.join(this.dataDir, file);
  }

  /** The lease file of a dataset file: its one writer holds it (main/core/lock/lease.ts). */
  lockPath(file: string): string {
    return path.join(this.dir, 'locks', `${file}.lock`);
  }

  /**
   * A fresh temporary path for a dataset being written by this process. The final file name is
   * claimed (its lease held) until this workspace closes, so that another process's orphan clean-up
   * leaves the file alone between its rename into place and its catalog entry.
   */
  tempPathFor(file: string): string {
    const temp = path.join(this.dataDir, `${file}.importing-${process.pid}.tmp`);
    const lease = tryLease(this.lockPath(file), 'importing a new dataset', 0);
    if (lease) this.claims.push({ lease, file });
    return temp;
  }

  /** Whether a dataset file exists on disk. */
  hasFile(file: string): boolean {
    return existsSync(this.dataPath(file));
  }

  /** Ends the claim on a dataset file once the catalog records it (failed imports' claims end at close). */
  private endClaim(file: string): void {
    const i = this.claims.findIndex((c) => c.file === file);
    if (i < 0) return;
    this.claims[i]!.lease.release();
    this.claims.splice(i, 1);
  }

  close(): void {
    for (const c of this.claims.splice(0)) c.lease.release();
    if (this.catalog.open) this.catalog.close();
  }

  /**
   * Deletes dataset files the catalog does not know: an import killed between renaming its file into
   * place and recording it. (It used to keep files younger than a minute, for fear of an import
   * finishing in another process, so a reopen right after the kill kept the orphan.) An importer
   * holds the file's lease from before the rename until after its catalog entry; so a file whose
   * lease is free and that the catalog still does not know once the lease is held is an orphan.
   */
  private removeOrphans(): void {
    const known = new Set(this.datasets.list().map((d) => d.file));
    for (const name of readdirSync(this.dataDir)) {
      if (!/^ds-[0-9a-f-]+\.sqlite$/.test(name) || known.has(name)) continue;
      const lease = tryLease(this.lockPath(name), 'removing an orphaned dataset file', 0);
      if (!lease) continue;
      try {
        if (this.datasets.list().some((d) => d.file === name)) continue;
        const file = path.join(this.dataDir, name);
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      } finally {
        lease.release();
      }
    }
  }

  /** Deletes temporary files left by imports whose process is gone (killed mid-import). */
  private removeAbandonedTemps(): void {
    for (const name of readdirSync(this.dataDir)) {
      const m = TEMP_RE.exec(name);
      if (m && !pidAlive(Number(m[1]))) rmSync(path.join(this.dataDir, name), { force: true });
    }
  }
}
