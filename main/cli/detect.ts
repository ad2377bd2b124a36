// CLI commands of personal data: `detect DATASET` (findings per column, stored as suggested tags) and
// `tag DATASET COLUMN` (the user's tag and export action).
import type { Command } from 'commander';
import { DEFAULT_CATEGORY } from '../../shared/api/detect';
import { PD_KINDS, PdCategorySchema, PdKindSchema, formatPdAction, parsePdAction, type PdAction, type PdCategory, type PdKind } from '../../shared/api/personal';
import { TidysetError } from '../core/errors';
import { detectDataset } from '../core/protect/detect/detectDataset';
import { getTag, setTag, setTagAction } from '../core/protect/tagStore';
import { quietContext } from '../core/jobs/context';
import type { Workspace } from '../core/workspace';
import { textTable } from './output';

type Common = { workspace?: string; json?: boolean };

export interface DetectKit<O> {
  common: (cmd: Command) => Command;
  withWorkspace: <T>(o: O, fn: (ws: Workspace) => T) => T;
  print: (o: O, json: unknown, text: () => string) => void;
}

function parseKind(v: string): PdKind {
  const r = PdKindSchema.safeParse(v);
  if (!r.success) throw new TidysetError('BAD_INPUT', `--kind must be one of ${PD_KINDS.join(', ')}; got ${JSON.stringify(v)}`);
  return r.data;
}

function parseCategory(v: string): PdCategory {
  const r = PdCategorySchema.safeParse(v);
  if (!r.success) throw new TidysetError('BAD_INPUT', `--category must be direct, quasi, special or none; got ${JSON.stringify(v)}`);
  return r.data;
}

function parseAction(v: string): PdAction {
  const a = parsePdAction(v);
  if (!a) throw new TidysetError('BAD_INPUT', `--action must be keep, drop, hash, suppress, mask:N or generalise:year|month|band5|band10|prefix:N|round:N; got ${JSON.stringify(v)}`);
  return a;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Adds detect and tag to the program. */
export function registerDetectCommands<O extends Common>(program: Command, kit: DetectKit<O>): void {
  const { common, withWorkspace, print } = kit;

  common(program.command('detect'))
    .description('detect personal data in every column from its header and its values; findings are stored as suggested tags (a confirmed tag is kept)')
    .argument('<dataset>', 'dataset name')
    .action(async (name: string, o: O) => {
      const r = await withWorkspace(o, (ws) => detectDataset(ws, { dataset: name }, quietContext));
      const columns = r.findings.map((f) => ({ column: f.column, kind: f.kind, category: f.category, confidence: f.confidence, evidence: f.evidence }));
      print(o, { columns }, () => {
        const rows = columns.map((c) => [
          c.column, c.kind, c.category, pct(c.confidence),
          c.evidence.header ? `header "${c.evidence.header}"` : '',
          c.evidence.sampled ? `${c.evidence.passed}/${c.evidence.sampled} values` : '',
          [c.evidence.examples.join(' '), c.evidence.note ?? '', r.kept.includes(c.column) ? '(confirmed tag kept)' : ''].filter(Boolean).join(' '),
        ]);
        return textTable(['column', 'kind', 'category', 'conf', 'header', 'values', 'examples / note'], rows, 50);
      });
    });

  common(program.command('tag'))
    .description("set a column's personal-data tag (confirmed) and/or its export action")
    .argument('<dataset>', 'dataset name')
    .argument('<column>', 'column name')
    .option('--kind <kind>', `kind: ${PD_KINDS.join(', ')}`)
    .option('--category <category>', 'direct, quasi, special or none (default: the usual one of the kind)')
    .option('--action <action>', 'export action: keep, drop, hash, suppress, mask:N, generalise:year|month|band5|band10|prefix:N|round:N')
    .action((name: string, column: string, o: O & { kind?: string; category?: string; action?: string }) => {
      const action = o.action === undefined ? undefined : parseAction(o.action);
      const tag = withWorkspace(o, (ws) => {
        if (o.kind === undefined) {
          if (o.category !== undefined) throw new TidysetError('BAD_INPUT', '--category needs --kind');
          if (action === undefined) throw new TidysetError('BAD_INPUT', 'give --kind (and --category), --action, or both');
          if (!getTag(ws, name, column)) ws.datasets.get(name);
          return setTagAction(ws, name, column, action);
        }
        const kind = parseKind(o.kind);
        const category = o.category === undefined ? DEFAULT_CATEGORY[kind] : parseCategory(o.category);
        return setTag(ws, name, column, kind, category, action);
      });
      print(o, tag, () => `${column}: ${tag.kind} (${tag.category}), ${tag.status}${tag.action ? `; export action ${formatPdAction(tag.action)}` : ''}`);
    });
}
