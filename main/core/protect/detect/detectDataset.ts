// Detection over a whole dataset: sample once, judge every column, and store the findings as
// suggested tags — a tag the user confirmed is never replaced.
import type { Finding } from '../../../../shared/api/detect';
import type { StoredDataset } from '../../db/repos/datasets';
import type { JobContext } from '../../jobs/context';
import { TidysetError } from '../../errors';
import type { Workspace } from '../../workspace';
import { detectColumn } from './detectColumn';
import { sampleDataset } from './sample';
import { tagsOf } from '../tagStore';

export interface DetectResult {
  dataset: string;
  findings: Finding[];
  /** Columns whose confirmed tag was left as it was. */
  kept: string[];
}

/** Findings for every column of a dataset, without storing them. */
export function findPersonalData(ws: Workspace, ds: StoredDataset, ctx?: JobContext, now: Date = new Date()): Finding[] {
  const samples = sampleDataset(ws, ds);
  const out: Finding[] = [];
  ds.columns.forEach((c, i) => {
    if (ctx?.isCancelled()) throw new TidysetError('CANCELLED', 'detection cancelled');
    out.push(detectColumn(c.name, samples[i]!, now));
    ctx?.progress(i + 1, ds.columns.length, c.name);
  });
  return out;
}

/** Detects and stores suggestions for `dataset` (the body of the `detect` job). */
export async function detectDataset(ws: Workspace, params: { dataset: string }, ctx: JobContext): Promise<DetectResult> {
  const ds = ws.datasets.get(params.dataset);
  const findings = findPersonalData(ws, ds, ctx);
  const repo = tagsOf(ws);
  const kept: string[] = [];
  ws.catalog.transaction(() => {
    const existing = new Map(repo.list(ds.id).map((t) => [t.physical, t]));
    ds.columns.forEach((c, i) => {
      const f = findings[i]!;
      if (existing.get(c.physical)?.status === 'confirmed') {
        kept.push(c.name);
        return;
      }
      repo.upsert(ds.id, { physical: c.physical, kind: f.kind, category: f.category, confidence: f.confidence, evidence: f.evidence, status: 'suggested', action: null });
    });
  })();
  return { dataset: ds.name, findings, kept };
}
