// A temp folder per test file for import tests: fresh workspaces, files written into it, and the
// TidysetError an import that must fail ends with.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { importFile, type ImportOptions } from '../../main/core/ingest/importFile';
import { quietContext } from '../../main/core/jobs/context';
import { TidysetError } from '../../main/core/errors';
import { Workspace } from '../../main/core/workspace';

export interface ImportKit {
  /** A new, empty workspace. */
  ws(): Workspace;
  /** Writes a file into the temp folder and returns its path. */
  write(name: string, content: string | Buffer): string;
  /** Imports `file`, which must fail, and returns the error. */
  failure(w: Workspace, file: string, opts?: ImportOptions): Promise<TidysetError>;
}

/** Registers before/after hooks that make and remove the folder; call at the top of a test file. */
export function importKit(prefix: string): ImportKit {
  let tmp = '';
  let n = 0;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));
  return {
    ws: () => Workspace.open(path.join(tmp, `ws-${++n}`)),
    write(name, content) {
      const file = path.join(tmp, name);
      writeFileSync(file, content);
      return file;
    },
    async failure(w, file, opts = {}) {
      try {
        await importFile(w, file, opts, quietContext);
      } catch (e) {
        assert.ok(e instanceof TidysetError, String(e));
        return e;
      }
      assert.fail('the import should have failed');
    },
  };
}
