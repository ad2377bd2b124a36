// A workspace folder: the catalog database plus one SQLite file per dataset under data/.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from './db/open';
import { migrate } from './db/migrate';
import { catalogMigrations } from './db/migrations';
import { DatasetsRepo } from './db/repos/datasets';
import { SourcesRepo } from './db/repos/sources';
import { recoverHistory } from './clean/engine';

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
    this.datasets = new DatasetsRepo(this.catalog);
    this.sources = new SourcesRepo(this.catalog);
    if (maintenance) {
      this.removeOrphans();
      recoverHistory(this);
    }
  }

  /**
   * Opens (creating if needed) the workspace in `dir` and migrates its catalog. Unless `maintenance`
   * is false, it also clears what killed processes left (temp files, orphaned dataset files, history
   * steps caught mid-change); job worker threads skip that, their process has done it already.
   */
  static open(dir: string, opts: { maintenance?: boolean } = {}): Workspace {
    return new Workspace(path.resolve(dir), opts.maintenance ?? true);
  }

  /** Absolute path of a dataset file given its catalog-relative name. */
  dataPath(file: string): string {
    return path.join(this.dataDir, file);
  }

  /** A fresh temporary path for a dataset being written by this process. */
  tempPathFor(file: string): string {
    return path.join(this.dataDir, `${file}.importing-${process.pid}.tmp`);
  }

  /** Whether a dataset file exists on disk. */
  hasFile(file: string): boolean {
    return existsSync(this.dataPath(file));
  }

  close(): void {
    if (this.catalog.open) this.catalog.close();
  }

  /**
   * Deletes dataset files the catalog does not know: an import killed between renaming its file into
   * place and recording it. Only files older than a minute, so that an import finishing right now in
   * another process keeps its file.
   */
  private removeOrphans(): void {
    const known = new Set(this.datasets.list().map((d) => d.file));
    const cutoff = Date.now() - 60_000;
    for (const name of readdirSync(this.dataDir)) {
      if (!/^ds-[0-9a-f-]+\.sqlite$/.test(name) || known.has(name)) continue;
      const file = path.join(this.dataDir, name);
      try {
        if (statSync(file).mtimeMs < cutoff) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      } catch {
        /* gone already */
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
