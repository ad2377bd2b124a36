// `tidyset verify DIR/manifest.json`: re-hashes every file a split manifest lists; with `rebuild`,
// imports the source files into a scratch workspace, replays the recipe, splits again with the same
// settings and compares the rebuilt files' hashes too.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VerifyResult } from '../../../shared/api/split';
import type { ImportFormat } from '../ingest/importFile';
import { applyRecipe } from '../clean/recipes';
import { TidysetError } from '../errors';
import { TEMP_PREFIX } from '../export/exportUnit';
import { importFile } from '../ingest/importFile';
import { quietContext, type JobContext } from '../jobs/context';
import { sha256File } from '../scan/hash';
import { Workspace } from '../workspace';
import { readSplitManifest, SPLIT_MANIFEST, type SplitManifest } from './manifest';
import { PdCategorySchema, PdKindSchema, parsePdAction } from '../../../shared/api/personal';
import { TagsRepo } from '../db/repos/tags';
import { splitDataset } from './splitDataset';

async function hashOrNull(file: string): Promise<string | null> {
  try {
    return await sha256File(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Checks the files of a split folder against its manifest (and, with `rebuild`, against a fresh rebuild). */
export async function verifySplit(manifestFile: string, rebuild: boolean, ctx: JobContext = quietContext): Promise<VerifyResult> {
  const file = path.resolve(manifestFile);
  const m = readSplitManifest(file);
  const dir = path.dirname(file);
  const files: VerifyResult['files'] = [];
  for (const f of m.files) {
    const actual = await hashOrNull(path.join(dir, f.path));
    files.push({ path: f.path, status: actual === null ? 'missing' : actual === f.sha256 ? 'ok' : 'differs', expected: f.sha256, actual });
  }
  const listed = new Set([...m.files.map((f) => f.path), SPLIT_MANIFEST]);
  const unlisted = readdirSync(dir).filter((n) => !listed.has(n) && !n.startsWith(TEMP_PREFIX) && !n.startsWith('.tidyset-export')).sort();
  const result: VerifyResult = { ok: files.every((f) => f.status === 'ok'), manifest: file, files, unlisted, rebuild: null };
  if (rebuild) {
    result.rebuild = await rebuildSplit(m, ctx);
    result.ok &&= result.rebuild.ok;
  }
  return result;
}

/** Replays the manifest's source, recipe and split in a scratch workspace and compares the hashes. */
async function rebuildSplit(m: SplitManifest, ctx: JobContext): Promise<NonNullable<VerifyResult['rebuild']>> {
  if (m.sources.length !== 1) throw new TidysetError('BAD_INPUT', `--rebuild needs the one source file of dataset ${JSON.stringify(m.dataset.name)}; the manifest lists ${m.sources.length}`);
  const src = m.sources[0]!;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tidyset-rebuild-'));
  try {
    const ws = Workspace.open(path.join(scratch, 'ws'));
    try {
      const actual = await hashOrNull(src.path);
      if (actual === null) throw new TidysetError('NOT_FOUND', `source file ${src.path} is missing; --rebuild needs it`, { file: src.path });
      if (src.sha256 && actual !== src.sha256) throw new TidysetError('BAD_INPUT', `source file ${src.path} has changed since the split (SHA-256 ${actual}, the manifest says ${src.sha256})`, { file: src.path });
      const ds = (await importFile(ws, src.path, {
        name: m.dataset.name, format: src.format as ImportFormat, encoding: (src.encoding ?? undefined) as never,
        delimiter: src.delimiter ?? undefined, quote: src.quote, header: src.header ?? undefined, onError: 'skip',
      }, ctx)).dataset;
      applyRecipe(ws, ds.name, m.recipe);
      restoreTags(ws, ds.name, m);
      const s = m.split;
      const out = path.join(scratch, 'out');
      const r = await splitDataset(ws, {
        dataset: ds.name, parts: s.shares.map((p) => ({ name: p.part, share: p.share })), unit: s.unit, folds: s.folds ?? undefined, seed: s.seed,
        stratify: s.stratify ?? undefined, group: s.group ?? undefined, time: s.time ?? undefined, gap: s.gap ?? undefined,
        format: s.format, out, force: false, allowDirect: m.protection.allowDirect,
      }, ctx);
      const rebuilt = new Map(r.manifest.files.map((f) => [f.path, f.sha256]));
      const files = m.files.map((f) => ({ path: f.path, status: (rebuilt.has(f.path) ? (rebuilt.get(f.path) === f.sha256 ? 'ok' : 'differs') : 'missing') as 'ok' | 'differs' | 'missing' }));
      return { ok: files.every((f) => f.status === 'ok'), files };
    } finally {
      ws.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Tags the rebuilt dataset's columns as the split's were, so the same export actions apply. A
 * pseudonymised column needs the original workspace's secret, which never leaves it: refused.
 */
function restoreTags(ws: Workspace, dataset: string, m: SplitManifest): void {
  const tagged = m.protection.columns.filter((t) => t.kind !== null && t.category !== null);
  const hashed = tagged.filter((t) => parsePdAction(t.action)?.action === 'hash');
  if (hashed.length) {
    throw new TidysetError('BAD_INPUT', `the split pseudonymises ${hashed.map((t) => JSON.stringify(t.column)).join(', ')} with its workspace's secret, which a rebuild elsewhere cannot use; verify without --rebuild`);
  }
  const ds = ws.datasets.get(dataset);
  const tags = new TagsRepo(ws.catalog);
  for (const t of tagged) {
    const c = ds.columns.find((x) => x.name === t.column);
    if (!c) throw new TidysetError('BAD_INPUT', `the recipe replayed on the source has no column ${JSON.stringify(t.column)}, which the split tagged as personal data`);
    tags.upsert(ds.id, {
      physical: c.physical, kind: PdKindSchema.parse(t.kind), category: PdCategorySchema.parse(t.category), confidence: 1,
      evidence: null, status: 'confirmed', action: parsePdAction(t.action),
    });
  }
}
