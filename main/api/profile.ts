// Handlers for profiles, quality rules and drift: profiling and drift run as jobs, rule reports in
// a worker the call waits for, so the request thread never scans a dataset.
import { TidysetError } from '../core/errors';
import { cachedProfile } from '../core/profile/profile';
import { addRules, listRules, removeRule, setRuleSeverity } from '../core/profile/rules';
import { suggestRules } from '../core/profile/suggest';
import type { Handlers } from './types';

export const profileHandlers: Pick<Handlers, 'jobs.profile' | 'profile.get' | 'rules.list' | 'rules.add' | 'rules.remove' | 'rules.update' | 'rules.suggest' | 'rules.run' | 'jobs.drift'> = {
  'jobs.profile': async ({ dataset, fresh }, { ws, jobs }) => {
    const ds = ws.datasets.get(dataset);
    return jobs.start('profile', { dataset: ds.name, fresh }, `Profile ${ds.name}`);
  },
  'profile.get': async ({ dataset, offset, limit, columns }, { ws }) => {
    const p = cachedProfile(ws, dataset);
    if (!p) return null;
    const cols = columns?.length ? p.columns.filter((c) => columns.includes(c.column)) : p.columns;
    return { ...p, totalColumns: cols.length, columns: cols.slice(offset, offset + limit) };
  },
  'rules.list': async ({ dataset }, { ws }) => listRules(ws, dataset),
  'rules.add': async ({ dataset, rules }, { ws, datasetsChanged }) => {
    const out = addRules(ws, dataset, rules);
    datasetsChanged(dataset);
    return out;
  },
  'rules.remove': async ({ dataset, id }, { ws }) => {
    removeRule(ws, dataset, id);
    return { ok: true as const };
  },
  'rules.update': async ({ dataset, id, severity }, { ws }) => setRuleSeverity(ws, dataset, id, severity),
  'rules.suggest': async ({ dataset }, { ws }) => {
    const p = cachedProfile(ws, dataset);
    if (!p) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(dataset)} has no current profile; profile it first`);
    return suggestRules(p, listRules(ws, dataset).map((r) => r.rule));
  },
  'rules.run': async ({ dataset, rules }, { ws, jobs }) => {
    const ds = ws.datasets.get(dataset);
    return jobs.run('check', { dataset: ds.name, rules }, `Check rules of ${ds.name}`);
  },
  'jobs.drift': async ({ a, b, columns }, { ws, jobs }) => {
    const da = ws.datasets.get(a);
    const db = ws.datasets.get(b);
    return jobs.start('drift', { a: da.name, b: db.name, columns }, `Drift ${da.name} → ${db.name}`);
  },
};
