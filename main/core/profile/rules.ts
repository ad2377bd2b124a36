// Quality rules of a dataset: kept in the catalog by physical column name (a rename follows the
// column; a dropped column is named in the report), run as one SQL statement over the dataset, and
// checked before every export (a failing rule of severity block stops it).
import type { Filter } from '../../../shared/api/filters';
import type { RuleReport, RuleResult, StoredRuleInfo } from '../../../shared/api/profile';
import { describeRule, mapRuleColumns, ruleColumns, type Rule } from '../../../shared/rules/schema';
import type { StoredDataset } from '../db/repos/datasets';
import { RulesRepo, type StoredRuleRow } from '../db/repos/rules';
import { TidysetError } from '../errors';
import { openDataset } from '../rows/datasetDb';
import type { Workspace } from '../workspace';
import { registerFunctions } from '../rows/query';
import { ruleFailSql } from './ruleSql';

/** A rule to run: a stored one (with its id) or one given on the command line or in a file. */
export interface RuleToRun {
  rule: Rule;
  id: number | null;
  /** Why it cannot run (a dropped column). */
  problem: string | null;
}

/** The stored rules of a dataset in current display names, each with its problem if it cannot run. */
export function listRules(ws: Workspace, dataset: string): StoredRuleInfo[] {
  const ds = ws.datasets.get(dataset);
  return new RulesRepo(ws.catalog).list(ds.id).map((row) => toInfo(ds, row));
}

function toInfo(ds: StoredDataset, row: StoredRuleRow): StoredRuleInfo {
  const byPhysical = new Map(ds.columns.map((c) => [c.physical, c.name]));
  const dropped: string[] = [];
  const rule = mapRuleColumns(row.rule, (p) => {
    const name = byPhysical.get(p);
    if (name !== undefined) return name;
    dropped.push(row.names[p] ?? p);
    return row.names[p] ?? p;
  });
  const problem = dropped.length
    ? `column${dropped.length > 1 ? 's' : ''} ${dropped.map((d) => JSON.stringify(d)).join(', ')} of this rule ${dropped.length > 1 ? 'are' : 'is'} no longer in dataset ${JSON.stringify(ds.name)} (dropped or replaced); undo that step or remove the rule`
    : null;
  return { id: row.id, rule, description: describeRule(rule), problem };
}

/** Stores rules (display names checked and mapped to physical ones); returns them as stored. */
export function addRules(ws: Workspace, dataset: string, rules: Rule[]): StoredRuleInfo[] {
  const ds = ws.datasets.get(dataset);
  const toStore = rules.map((r) => {
    const names: Record<string, string> = {};
    const rule = mapRuleColumns(r, (n) => {
      const c = ds.columns.find((x) => x.name === n);
      if (!c) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(n)} (rule ${describeRule(r)})`);
      names[c.physical] = c.name;
      return c.physical;
    });
    return { rule, names };
  });
  const repo = new RulesRepo(ws.catalog);
  const ids = new Set(repo.add(ds.id, toStore));
  return repo.list(ds.id).filter((r) => ids.has(r.id)).map((r) => toInfo(ds, r));
}

export function removeRule(ws: Workspace, dataset: string, id: number): void {
  const ds = ws.datasets.get(dataset);
  if (!new RulesRepo(ws.catalog).remove(ds.id, id)) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no rule ${id}`);
}

/** Changes the severity of a stored rule. */
export function setRuleSeverity(ws: Workspace, dataset: string, id: number, severity: 'warn' | 'block'): StoredRuleInfo {
  const ds = ws.datasets.get(dataset);
  const repo = new RulesRepo(ws.catalog);
  const row = repo.list(ds.id).find((r) => r.id === id);
  if (!row) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no rule ${id}`);
  repo.update(ds.id, id, { ...row.rule, severity });
  return toInfo(ds, { ...row, rule: { ...row.rule, severity } });
}

/** The stored rules, ready to run. */
export function storedRulesToRun(ws: Workspace, dataset: string): RuleToRun[] {
  return listRules(ws, dataset).map((r) => ({ rule: r.rule, id: r.id, problem: r.problem }));
}

/** The condition of a stored rule's failing rows, for the grid (NOT_FOUND / BAD_INPUT with the reason). */
export function storedRule(ws: Workspace, dataset: string, id: number): StoredRuleInfo {
  const r = listRules(ws, dataset).find((x) => x.id === id);
  if (!r) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(dataset)} has no rule ${id}`);
  return r;
}

/**
 * Runs rules over the dataset (or the rows `where` selects: an export's filters) and reports each one
 * in the order given: passed, failing rows and their share. One statement counts every value rule.
 */
export function runRules(ws: Workspace, dataset: string, rules: RuleToRun[], where: { sql: string; params: unknown[] } = { sql: '1', params: [] }): RuleReport {
  const t0 = performance.now();
  const ds = ws.datasets.get(dataset);
  const names = new Set(ds.columns.map((c) => c.name));
  const prepared = rules.map((r) => {
    const missing = ruleColumns(r.rule).filter((n) => !names.has(n));
    const problem = r.problem ?? (missing.length ? `dataset ${JSON.stringify(ds.name)} has no column ${missing.map((m) => JSON.stringify(m)).join(', ')}` : null);
    return { ...r, problem, cond: problem ? null : ruleFailSql(ds, r.rule) };
  });
  const db = openDataset(ws, ds);
  let counts: number[];
  let rows: number;
  try {
    registerFunctions(db);
    const live = prepared.filter((p) => p.cond && p.rule.rule !== 'rows');
    const sql = `SELECT count(*)${live.map((p) => `, ifnull(sum(${p.cond!.sql}), 0)`).join('')} FROM rows WHERE ${where.sql}`;
    const params = [...live.flatMap((p) => p.cond!.params), ...where.params];
    const out = db.prepare(sql).raw(true).get(...params) as number[];
    rows = out[0]!;
    counts = out.slice(1);
  } finally {
    db.close();
  }
  let k = 0;
  const results: RuleResult[] = prepared.map((p) => {
    const severity = p.rule.severity ?? 'warn';
    const base = { rule: p.rule, severity, description: describeRule(p.rule), id: p.id, filterable: p.rule.rule !== 'rows' && !p.problem };
    if (p.problem) return { ...base, passed: false, failing: 0, share: 0, error: p.problem };
    if (p.rule.rule === 'rows') {
      const lo = p.rule.min ?? 0;
      const hi = p.rule.max ?? Infinity;
      const failing = rows < lo ? lo - rows : rows > hi ? rows - hi : 0;
      return { ...base, passed: failing === 0, failing, share: rows ? failing / rows : 0, error: null };
    }
    const failing = counts[k++]!;
    const share = rows ? failing / rows : 0;
    const passed = p.rule.rule === 'missingShare' ? share <= p.rule.max : failing === 0;
    return { ...base, passed, failing, share, error: null };
  });
  return { dataset: ds.name, rows, rules: results, blocked: results.some((r) => !r.passed && r.severity === 'block'), ms: Math.round(performance.now() - t0) };
}

/**
 * Runs the dataset's stored rules on the rows an export writes; throws RULES_FAILED naming every
 * failing rule of severity block. Returns the report (warnings included), or null without rules.
 */
export function checkBeforeExport(ws: Workspace, dataset: string, where: { sql: string; params: unknown[] }): RuleReport | null {
  const rules = storedRulesToRun(ws, dataset);
  if (!rules.length) return null;
  const report = runRules(ws, dataset, rules, where);
  if (report.blocked) {
    const failed = report.rules.filter((r) => !r.passed && r.severity === 'block');
    throw new TidysetError('RULES_FAILED', `export of ${JSON.stringify(report.dataset)} blocked by ${failed.length} failing rule${failed.length > 1 ? 's' : ''}: ` +
      failed.map((r) => `${r.description} (${r.error ?? `${r.failing} rows, ${(r.share * 100).toFixed(2)} %`})`).join('; '));
  }
  return report;
}

/** The grid filter of a rule's failing rows. */
export function failingRowsFilter(r: Rule): Filter {
  return { kind: 'rule', column: ruleColumns(r)[0] ?? '', rule: r };
}
