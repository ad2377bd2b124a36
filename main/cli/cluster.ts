// `tidyset cluster`: spelling clusters of one column, with progress on a terminal and Ctrl-C to cancel;
// --merge applies every cluster's suggested value as one massEdit history step.
import { Option, type Command } from 'commander';
import { CLUSTER_METHODS, ClusterParamsSchema, type ClusterMethod } from '../../shared/api/cluster';
import { applyOp } from '../core/clean/engine';
import { readClusterResult } from '../core/dedupe/spelling/cluster';
import { mergeOp } from '../core/dedupe/spelling/merge';
import { TidysetError } from '../core/errors';
import { startKindJob } from '../core/jobs/kinds';
import { awaitJob } from './jobProgress';
import type { CliKit } from './clean';
import { ProgressView, textTable } from './output';

type Common = { workspace?: string; json?: boolean };
interface ClusterOptions extends Common {
  column: string;
  method: ClusterMethod;
  radius?: string;
  threshold?: string;
  ngram?: string;
  merge?: boolean;
  limit: string;
}

function num(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new TidysetError('BAD_INPUT', `${flag} takes a number, got ${JSON.stringify(v)}`);
  return n;
}

/** The job parameters, checked by the contract's schema so the CLI refuses what the API refuses. */
function params(dataset: string, o: ClusterOptions) {
  const r = ClusterParamsSchema.safeParse({ dataset, column: o.column, method: o.method, radius: num(o.radius, '--radius'), threshold: num(o.threshold, '--threshold'), ngram: num(o.ngram, '--ngram') });
  if (!r.success) {
    const flag: Record<string, string> = { radius: '--radius (a whole number from 1 to 4)', threshold: '--threshold (from 0.7 to 0.99)', ngram: '--ngram (a whole number from 1 to 6)' };
    throw new TidysetError('BAD_INPUT', r.error.issues.map((i) => `${flag[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join('; '));
  }
  return r.data;
}

/** Adds `cluster` to the program. */
export function registerClusterCommand<O extends Common>(program: Command, kit: CliKit<O>): void {
  const { common, withWorkspace, print, workspaceDir } = kit;
  common(program.command('cluster'))
    .description('find values of a column spelled differently that may mean the same (cluster and edit)')
    .argument('<dataset>', 'dataset name')
    .requiredOption('--column <name>', 'the column to cluster')
    .addOption(new Option('--method <method>', 'key collision (fingerprint, ngram, metaphone, cologne) or nearest neighbour (levenshtein, jaro-winkler)').choices(CLUSTER_METHODS).default('fingerprint'))
    .option('--radius <n>', 'levenshtein: largest edit distance in a cluster (1–4, default 1)')
    .option('--threshold <t>', 'jaro-winkler: smallest similarity in a cluster (0.7–0.99, default 0.9)')
    .option('--ngram <n>', 'ngram: n-gram size (1–6, default 2)')
    .option('--merge', "replace every cluster's values by its suggested (most frequent) value, as one history step")
    .option('--limit <n>', 'clusters to show as text (--json prints all)', '50')
    .action(async (dataset: string, o: O & ClusterOptions) => {
      const p = params(dataset, o);
      // Fail fast, before a worker starts, on a dataset or column that does not exist.
      withWorkspace(o, (ws) => {
        const ds = ws.datasets.get(dataset);
        if (!ds.columns.some((c) => c.name === o.column)) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(o.column)}`);
      });
      const label = 'cluster';
      const job = startKindJob('cluster', p, workspaceDir(o), `Cluster ${dataset}.${o.column}`);
      const view = new ProgressView(label, process.stderr, !o.json || process.stderr.isTTY === true);
      job.on('progress', (i: { done: number; total: number; message: string }) => view.update(i.done, i.total, i.message, 'items'));
      const summary = await awaitJob(job, label, view, 'cancelling…');
      const { clusters } = withWorkspace(o, (ws) => readClusterResult(ws, dataset, o.column, summary.id));
      const merged = o.merge && clusters.length
        ? withWorkspace(o, (ws) => applyOp(ws, dataset, mergeOp(o.column, clusters.map((c) => ({ values: c.values.map((v) => v.value), to: c.suggested })))))
        : null;
      const json = merged ? { clusters, merged: { seq: merged.seq, description: merged.description, changed: merged.detail.changed } } : { clusters };
      print(o, json, () => {
        const limit = Math.max(0, Number(o.limit) || 0);
        const head = `${summary.clusters} cluster${summary.clusters === 1 ? '' : 's'} of ${summary.values} values in ${summary.clusteredRows} rows ` +
          `(${summary.distinct} distinct values, method ${p.method}, ${summary.seconds.toFixed(2)} s)`;
        const notes = summary.notes.map((n) => `note: ${n}`);
        const rows = clusters.slice(0, limit).flatMap((c, i) => c.values.map((v, j) => [j === 0 ? String(i + 1) : '', v.value, v.count, j === 0 ? `→ ${c.suggested}` : '']));
        const more = clusters.length > limit ? [`(${clusters.length - limit} more; --limit N or --json to see them)`] : [];
        const done = merged ? [`merged: step ${merged.seq}: ${merged.description} — ${merged.detail.changed} cells changed`] : [];
        const empty = clusters.length ? [] : [`no clusters found with method ${p.method}`];
        return [head, ...notes, ...empty, ...(rows.length ? [textTable(['#', 'value', 'rows', 'suggested'], rows, 60)] : []), ...more, ...done].join('\n');
      });
    });
}
