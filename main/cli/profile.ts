// CLI commands of profiles, quality rules and drift: `tidyset profile`, `rules`, `check` (exit 1
// when a blocking rule fails) and `drift`, with the JSON shapes of the issue under --json.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { TidysetError } from '../core/errors';
import type { JobContext } from '../core/jobs/context';
import { datasetSide, driftBetween } from '../core/profile/drift';
import { profileDataset } from '../core/profile/profile';
import { profileInParallel } from '../core/profile/parallel';
import { addRules, listRules, removeRule, runRules, storedRulesToRun } from '../core/profile/rules';
import { suggestRules } from '../core/profile/suggest';
import { Workspace } from '../core/workspace';
import type { ColumnProfile } from '../../shared/api/profile';
import { parseRules } from '../../shared/rules/schema';
import type { CliKit } from './clean';
import { ProgressView, textTable } from './output';

type Common = { workspace?: string; json?: boolean };
const list = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

/** Progress of in-process work on stderr (a bar on a terminal; quiet under --json unless stderr is one). */
function progressContext(o: Common, label: string): { ctx: JobContext; view: ProgressView } {
  const view = new ProgressView(label, process.stderr, !o.json || process.stderr.isTTY === true);
  return { view, ctx: { progress: (d, t, m) => view.update(d, t, m, 'items'), isCancelled: () => false } };
}

function parseJsonArg(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TidysetError('BAD_INPUT', `${what} is not valid JSON: ${(e as Error).message}`);
  }
}

const num = (v: number | string | null, digits = 4) => (v === null ? '' : typeof v === 'number' ? String(+v.toFixed(digits)) : v);

function profileText(cols: ColumnProfile[], rows: number): string {
  const table = textTable(['column', 'type', 'count', 'missing', 'empty', 'distinct', 'fits type', 'min', 'p50', 'max', 'mean', 'top value'],
    cols.map((c) => [c.column, c.type, c.count, c.missing, c.empty, c.distinct, c.conforming, num(c.min), c.quantiles ? num(c.quantiles.p50) : '', num(c.max), num(c.mean),
      c.top[0] ? `${c.top[0].value} (${c.top[0].count})` : '']), 28);
  return `${table}\n${rows} rows, ${cols.length} columns`;
}

export function registerProfileCommands(program: Command, kit: CliKit<Common>): void {
  const { common, withWorkspace, print } = kit;

  common(program.command('profile'))
    .description('profile every column: counts, missing, distinct, top values, type conformance, quantiles, histograms, lengths, shapes')
    .argument('<dataset>', 'dataset name')
    .option('--columns <names>', 'only these columns, comma-separated (repeatable)', list)
    .option('--fresh', 'recompute even if the cached profile is current')
    .action(async (name: string, o: Common & { columns?: string[]; fresh?: boolean }) => {
      // Opened here rather than with withWorkspace, which closes it before an async body ends.
      const ws = Workspace.open(kit.workspaceDir(o));
      try {
        const { ctx, view } = progressContext(o, 'profile');
        const p = await profileInParallel(ws, name, { columns: o.columns, fresh: o.fresh }, ctx);
        view.done();
        print(o, { dataset: p.dataset, rows: p.rows, columns: p.columns }, () => profileText(p.columns, p.rows));
      } finally {
        ws.close();
      }
    });

  common(program.command('rules'))
    .description('list, add or suggest the quality rules kept with a dataset')
    .argument('<dataset>', 'dataset name')
    .option('--add <json>', 'store a rule ({"rule":"notNull","column":"id"}) or a rules file ({"tidysetRules":1,"rules":[…]})')
    .option('--suggest', 'rules suggested from the profile (profiled now unless the cached profile is current)')
    .option('--list', 'the stored rules (the default)')
    .option('--remove <id>', 'remove the stored rule with this id')
    .action((name: string, o: Common & { add?: string; suggest?: boolean; list?: boolean; remove?: string }) => {
      withWorkspace(o, (ws) => {
        if (o.add !== undefined) {
          const parsed = parseRules(parseJsonArg(o.add, '--add'));
          if (!parsed.ok) throw new TidysetError('BAD_INPUT', `--add: ${parsed.message}`);
          const added = addRules(ws, name, parsed.rules);
          print(o, { added }, () => added.map((r) => `added rule ${r.id}: ${r.description}${r.rule.severity === 'block' ? ' (blocks export)' : ''}`).join('\n'));
          return;
        }
        if (o.remove !== undefined) {
          const id = Number(o.remove);
          if (!Number.isInteger(id)) throw new TidysetError('BAD_INPUT', `--remove needs a rule id, got ${JSON.stringify(o.remove)}`);
          removeRule(ws, name, id);
          print(o, { removed: id }, () => `removed rule ${id}`);
          return;
        }
        if (o.suggest) {
          const { ctx, view } = progressContext(o, 'profile');
          const p = profileDataset(ws, name, {}, ctx);
          view.done();
          const s = suggestRules(p, listRules(ws, name).map((r) => r.rule));
          print(o, { suggestions: s }, () => s.length ? s.map((x) => `${x.description}\n    tidyset rules ${JSON.stringify(name)} --add '${JSON.stringify(x.rule)}'`).join('\n') : 'no suggestions');
          return;
        }
        const rules = listRules(ws, name);
        print(o, { rules }, () => rules.length
          ? textTable(['id', 'rule', 'severity', 'problem'], rules.map((r) => [r.id, r.description, r.rule.severity ?? 'warn', r.problem ?? '']), 70)
          : `dataset ${JSON.stringify(name)} has no rules yet — tidyset rules ${JSON.stringify(name)} --suggest`);
      });
    });

  common(program.command('check'))
    .description('run the quality rules (stored, or those of --rules FILE); exits 1 when a rule of severity block fails')
    .argument('<dataset>', 'dataset name')
    .option('--rules <file>', 'a rules file {"tidysetRules":1,"rules":[…]} (default: the rules stored with the dataset)')
    .action((name: string, o: Common & { rules?: string }) => {
      const blocked = withWorkspace(o, (ws) => {
        let toRun = storedRulesToRun(ws, name);
        if (o.rules !== undefined) {
          let text: string;
          try {
            text = readFileSync(o.rules === '-' ? 0 : o.rules, 'utf8');
          } catch (e) {
            throw new TidysetError('BAD_INPUT', `${o.rules}: cannot read the rules file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
          }
          const parsed = parseRules(parseJsonArg(text, o.rules));
          if (!parsed.ok) throw new TidysetError('BAD_INPUT', `${o.rules}: ${parsed.message}`);
          toRun = parsed.rules.map((rule) => ({ rule, id: null, problem: null }));
        }
        const r = runRules(ws, name, toRun);
        print(o, { dataset: r.dataset, rows: r.rows, blocked: r.blocked, rules: r.rules.map((x) => ({ rule: x.rule, passed: x.passed, failing: x.failing, share: x.share, severity: x.severity, error: x.error })) }, () =>
          r.rules.length === 0 ? `dataset ${JSON.stringify(r.dataset)} has no rules to check`
            : `${textTable(['rule', 'result', 'failing', 'share', 'severity'], r.rules.map((x) => [x.description, x.error ? `error: ${x.error}` : x.passed ? 'passed' : 'FAILED', x.failing, `${(x.share * 100).toFixed(2)} %`, x.severity]), 70)}\n` +
              `${r.rules.filter((x) => x.passed).length} of ${r.rules.length} rules passed${r.blocked ? '; a blocking rule failed' : ''}`);
        return r.blocked;
      });
      if (blocked) process.exitCode = 1;
    });

  common(program.command('drift'))
    .description('compare the distribution of every column of dataset B against dataset A (KS and PSI for numbers and dates, Jensen–Shannon and PSI for categories)')
    .argument('<a>', 'reference dataset')
    .argument('<b>', 'dataset compared with it')
    .option('--columns <names>', 'only these columns, comma-separated (repeatable)', list)
    .action((a: string, b: string, o: Common & { columns?: string[] }) => {
      withWorkspace(o, (ws) => {
        const { ctx, view } = progressContext(o, 'drift');
        const sa = datasetSide(ws, a);
        const sb = datasetSide(ws, b);
        try {
          const r = driftBetween(sa, sb, { columns: o.columns }, ctx);
          view.done();
          print(o, {
            a: r.a, b: r.b,
            columns: r.columns.map((c) => ({ column: c.column, test: c.test, statistic: c.statistic, psi: c.psi, flag: c.flag, pValue: c.pValue, missingA: c.missingA, missingB: c.missingB, newInB: c.newInB, unseenInB: c.unseenInB })),
          }, () => `${textTable(['column', 'test', 'statistic', 'PSI', 'flag', 'missing A → B', 'new in B'],
            r.columns.map((c) => [c.column, c.test === 'ks' ? 'KS D' : 'JS dist', num(c.statistic), num(c.psi), c.flag, `${(c.missingA * 100).toFixed(1)} % → ${(c.missingB * 100).toFixed(1)} %`, c.newInB.slice(0, 3).join(', ')]), 40)}\n` +
            `${r.a.name} (${r.a.rows} rows) → ${r.b.name} (${r.b.rows} rows); flags: PSI ≥ 0.1 moderate, ≥ 0.25 major`);
        } finally {
          sa.close?.();
          sb.close?.();
        }
      });
    });
}
