// CLI commands of cleaning: apply an operation or a recipe, show the history, undo, redo, save a recipe.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { applyOp, jumpTo, listHistory, redo, undo } from '../core/clean/engine';
import { exportRecipe } from '../core/clean/recipes';
import { TidysetError } from '../core/errors';
import { OpSchema } from '../../shared/ops/schema';
import type { Workspace } from '../core/workspace';
import type { CleanAction } from '../core/clean/actions';
import { startKindJob, type JobResult } from '../core/jobs/kinds';
import { awaitJob } from './jobProgress';
import { ProgressView, textTable } from './output';

export interface CliKit<O> {
  common: (cmd: Command) => Command;
  /** The workspace folder the options name (a recipe runs in a job worker that opens it itself). */
  workspaceDir: (o: O) => string;
  withWorkspace: <T>(o: O, fn: (ws: Workspace) => T) => T;
  print: (o: O, json: unknown, text: () => string) => void;
}

type Common = { workspace?: string; json?: boolean };

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    throw new TidysetError('BAD_INPUT', `${file}: cannot read the ${what} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TidysetError('BAD_INPUT', `${file}: the ${what} is not valid JSON: ${(e as Error).message}`);
  }
}

function parseMap(pairs: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0) throw new TidysetError('BAD_INPUT', `--map takes old=new, got ${JSON.stringify(p)}`);
    map[p.slice(0, i)] = p.slice(i + 1);
  }
  return map;
}

/**
 * Replays a recipe in a job worker: "step n of N" with a bar on a terminal, one plain line per step
 * otherwise (none with --json off a terminal); Ctrl-C cancels and the dataset stays as it was.
 */
async function runRecipeJob(dir: string, action: Extract<CleanAction, { action: 'recipe' }>, json: boolean): Promise<JobResult<'clean'>> {
  const label = 'apply';
  const job = startKindJob('clean', action, dir, `Apply recipe — ${action.dataset}`);
  const tty = process.stderr.isTTY === true;
  const bar = new ProgressView(label, process.stderr, tty);
  let lastMessage = '';
  job.on('progress', (i: { done: number; total: number; message: string }) => {
    if (tty) bar.update(i.done, i.total, i.message, 'items');
    else if (!json && i.message !== lastMessage && i.done < i.total) process.stderr.write(`${label}: ${i.message}\n`);
    lastMessage = i.message;
  });
  return awaitJob(job, label, bar, 'cancelling; the steps applied so far are taken back…');
}

/** Every operation name the recipe format knows, read from the schema so that a new operation is listed at once. */
export function operationNames(): string[] {
  const names: string[] = [];
  const walk = (schema: unknown): void => {
    const s = schema as { options?: unknown[]; shape?: { op?: { value?: unknown } } };
    if (Array.isArray(s.options)) s.options.forEach(walk);
    else if (typeof s.shape?.op?.value === 'string') names.push(s.shape.op.value);
  };
  walk(OpSchema);
  return names;
}

/** A missing or unknown `op` name is refused with the valid names, before the schema's generic message. */
function checkOpName(op: unknown): void {
  const names = operationNames();
  const name = op && typeof op === 'object' ? (op as { op?: unknown }).op : undefined;
  if (typeof name === 'string' && names.includes(name)) return;
  const near = typeof name === 'string' ? names.filter((n) => n.toLowerCase().startsWith(name.toLowerCase().slice(0, 3))) : [];
  throw new TidysetError('BAD_INPUT', `${name === undefined ? 'the operation has no "op" name' : `unknown operation ${JSON.stringify(name)}`}` +
    `${near.length ? ` (did you mean ${near.map((n) => JSON.stringify(n)).join(' or ')}?)` : ''}; valid operations: ${names.join(', ')}`);
}

/** Adds apply, op, history, recipe, undo and redo to the program. */
export function registerCleanCommands<O extends Common>(program: Command, kit: CliKit<O>): void {
  const { common, withWorkspace, print, workspaceDir } = kit;

  common(program.command('apply'))
    .description('replay a recipe (saved history) on a dataset; all or nothing')
    .argument('<recipe>', 'recipe JSON file (- for standard input)')
    .requiredOption('-d, --dataset <name>', 'dataset to apply it to')
    .option('--map <old=new...>', 'use column new where the recipe says old', [])
    .action(async (file: string, o: O & { dataset: string; map: string[] }) => {
      const recipe = readJson(file, 'recipe');
      // Fail fast, before a worker starts, on a dataset that does not exist.
      withWorkspace(o, (ws) => ws.datasets.get(o.dataset));
      const out = (await runRecipeJob(workspaceDir(o), { action: 'recipe', dataset: o.dataset, recipe, map: parseMap(o.map) }, o.json === true)).steps;
      print(o, { applied: out }, () => out.map((r) => `${String(r.seq).padStart(4)}  ${r.description}  (${r.detail.changed} changed${r.detail.failed ? `, ${r.detail.failed} not converted` : ''})`).join('\n') || 'the recipe has no operations');
    });

  common(program.command('op'))
    .description('apply one operation, given as JSON, e.g. \'{"op":"trim","column":"name"}\'')
    .argument('<dataset>', 'dataset name')
    .argument('<operation>', 'the operation as JSON')
    .action((dataset: string, json: string, o: O) => {
      let op: unknown;
      try {
        op = JSON.parse(json);
      } catch (e) {
        throw new TidysetError('BAD_INPUT', `the operation is not valid JSON: ${(e as Error).message}`);
      }
      checkOpName(op);
      withWorkspace(o, (ws) => {
        const r = applyOp(ws, dataset, op);
        print(o, r, () => `${r.seq}: ${r.description} — ${r.detail.changed} changed${r.detail.failed ? `, ${r.detail.failed} could not be converted and were left as they were` : ''}`);
      });
    });

  common(program.command('history'))
    .description("list a dataset's operations (applied and undone)")
    .argument('<dataset>', 'dataset name')
    .action((dataset: string, o: O) => {
      withWorkspace(o, (ws) => {
        const h = listHistory(ws, dataset);
        print(o, { history: h.map((e) => ({ seq: e.seq, state: e.state, description: e.description, op: e.op, detail: e.detail, createdAt: e.createdAt })) }, () =>
          h.length ? textTable(['#', 'state', 'operation', 'changed', 'when'], h.map((e) => [e.seq, e.state, e.description, e.detail?.changed ?? '', e.createdAt.replace('T', ' ').slice(0, 19)]), 70)
            : `dataset "${dataset}" has no history yet`);
      });
    });

  common(program.command('recipe'))
    .description("print a dataset's applied history as a recipe (JSON) to replay with `tidyset apply`")
    .argument('<dataset>', 'dataset name')
    .option('--row-key <column>', 'column that identifies rows, so that cell edits replay on other datasets')
    .action((dataset: string, o: O & { rowKey?: string }) => {
      withWorkspace(o, (ws) => process.stdout.write(JSON.stringify(exportRecipe(ws, dataset, o.rowKey), null, 2) + '\n'));
    });

  for (const [name, fn, verb] of [['undo', undo, 'undid'], ['redo', redo, 'redid']] as const) {
    common(program.command(name))
      .description(`${name} the ${name === 'undo' ? 'last applied' : 'next undone'} operation (--to N: ${name === 'undo' ? 'back' : 'forward'} to step N)`)
      .argument('<dataset>', 'dataset name')
      .option('--to <seq>', 'the step to end at (0 = before every operation)')
      .action((dataset: string, o: O & { to?: string }) => {
        withWorkspace(o, (ws) => {
          if (o.to !== undefined) {
            const seq = Number(o.to);
            if (!Number.isInteger(seq) || seq < 0) throw new TidysetError('BAD_INPUT', `--to takes a step number ≥ 0, got ${JSON.stringify(o.to)}`);
            jumpTo(ws, dataset, seq);
            print(o, { at: seq }, () => `dataset "${dataset}" is now at step ${seq}`);
            return;
          }
          const e = fn(ws, dataset);
          print(o, { entry: e && { seq: e.seq, description: e.description } }, () => (e ? `${verb} ${e.seq}: ${e.description}` : `nothing to ${name}`));
        });
      });
  }
}
