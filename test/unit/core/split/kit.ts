// Shared set-up of the split tests: a temp folder, workspaces in it, CSV files, and a split run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SplitJobInSchema, type SplitJobIn } from '../../../../shared/api/split';
import { applyOp } from '../../../../main/core/clean/engine';
import { importFile } from '../../../../main/core/ingest/importFile';
import { quietContext, type JobContext } from '../../../../main/core/jobs/context';
import { splitDataset } from '../../../../main/core/split/splitDataset';
import { Workspace } from '../../../../main/core/workspace';

export const DATA = process.env.TIDYSET_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');

export class SplitKit {
  readonly tmp = mkdtempSync(path.join(os.tmpdir(), 'tidyset-split-'));
  private spaces: Workspace[] = [];
  private outs = 0;

  workspace(name = `ws-${this.spaces.length}`): Workspace {
    const ws = Workspace.open(path.join(this.tmp, name));
    this.spaces.push(ws);
    return ws;
  }

  file(name: string, text: string): string {
    const f = path.join(this.tmp, name);
    writeFileSync(f, text);
    return f;
  }

  async importCsv(ws: Workspace, file: string, name: string): Promise<string> {
    return (await importFile(ws, file, { name, header: true }, quietContext)).dataset.name;
  }

  op(ws: Workspace, dataset: string, op: unknown): void {
    applyOp(ws, dataset, op);
  }

  out(): string {
    return path.join(this.tmp, `out-${++this.outs}`);
  }

  split(ws: Workspace, spec: Partial<SplitJobIn> & { dataset: string }, ctx: JobContext = quietContext) {
    return splitDataset(ws, SplitJobInSchema.parse({ out: this.out(), ...spec }), ctx);
  }

  read(dir: string, file: string): Buffer {
    return readFileSync(path.join(dir, file));
  }

  close(): void {
    for (const ws of this.spaces) ws.close();
    rmSync(this.tmp, { recursive: true, force: true });
  }
}
