// The rules panel of a dataset: the rules kept with it (severity warn or block), rules suggested from
// the profile to accept one by one, and a report per rule; a click on a failing count shows exactly
// the failing rows in the grid.
import { useCallback, useEffect, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { RuleReport, StoredRuleInfo } from '../../../shared/api/profile';
import { parseRules, type Rule } from '../../../shared/rules/schema';
import { api, errorMessage } from '../../api';
import { formatCount } from '../../components/format';
import { useDatasetUi } from '../clean/datasetUi';
import { filterBy } from './filterGrid';
import { startProfile } from './profileStore';
import './profile.css';

type Suggestion = { rule: Rule; description: string };

export function RulesPanel({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const [rules, setRules] = useState<StoredRuleInfo[] | null>(null);
  const [report, setReport] = useState<RuleReport | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const version = useDatasetUi(dataset.id, 'version');

  const reload = useCallback(() => api['rules.list']({ dataset: dataset.name }).then(setRules, (e) => setError(errorMessage(e))), [dataset.name]);
  useEffect(() => {
    void reload();
    setReport(null);
  }, [reload, version, dataset.columns]);

  const work = async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const run = () => work('Checking the rules…', async () => setReport(await api['rules.run']({ dataset: dataset.name })));
  const suggest = () => work('Suggesting rules from the profile…', async () => {
    const ask = () => api['rules.suggest']({ dataset: dataset.name });
    let s: Suggestion[];
    try {
      s = await ask();
    } catch {
      // No current profile: make one, then ask again.
      await startProfile(dataset.name);
      s = await ask();
    }
    setSuggestions(s);
  });
  const accept = (s: Suggestion) => work('Adding the rule…', async () => {
    await api['rules.add']({ dataset: dataset.name, rules: [s.rule] });
    setSuggestions((list) => list?.filter((x) => x !== s) ?? null);
    setReport(null);
    await reload();
  });
  const addDraft = () => work('Adding the rule…', async () => {
    let json: unknown;
    try {
      json = JSON.parse(draft);
    } catch (e) {
      throw new Error(`not JSON: ${(e as Error).message}`);
    }
    const parsed = parseRules(json);
    if (!parsed.ok) throw new Error(parsed.message);
    await api['rules.add']({ dataset: dataset.name, rules: parsed.rules });
    setDraft('');
    setReport(null);
    await reload();
  });
  const remove = (r: StoredRuleInfo) => work('Removing the rule…', async () => {
    await api['rules.remove']({ dataset: dataset.name, id: r.id });
    setReport(null);
    await reload();
  });
  const severity = (r: StoredRuleInfo, s: 'warn' | 'block') => work('Saving…', async () => {
    await api['rules.update']({ dataset: dataset.name, id: r.id, severity: s });
    await reload();
  });
  const result = (id: number) => report?.rules.find((x) => x.id === id) ?? null;
  const showFailing = (r: StoredRuleInfo) => filterBy(dataset.id, r.rule.rule === 'unique' ? r.rule.columns[0]! : 'column' in r.rule ? r.rule.column : r.rule.rule === 'compare' ? r.rule.left : '', { kind: 'rule', column: '', rule: r.rule }, `failing: ${r.description}`);

  return (
    <aside className="side-panel rules-panel" aria-label="Rules" data-testid="rules-panel">
      <header className="panel-head">
        <h2>Rules{rules?.length ? <span className="count">{rules.length}</span> : null}</h2>
        <div className="panel-tools">
          <button type="button" className="icon-button" aria-label="Close rules" onClick={onClose}>×</button>
        </div>
      </header>
      <div className="panel-body rules-body">
        <div className="rules-actions">
          <button type="button" className="button" onClick={run} disabled={!!busy || !rules?.length} data-testid="rules-run">Run rules</button>
          <button type="button" className="button button-secondary" onClick={suggest} disabled={!!busy} data-testid="rules-suggest">Suggest rules</button>
        </div>
        {busy ? <p className="small muted" role="status"><span className="spinner" aria-hidden="true" /> {busy}</p> : null}
        {error ? <p className="error-text small" role="alert">{error}</p> : null}
        {report ? (
          <p className={`small ${report.blocked ? 'error-text' : 'muted'}`} data-testid="rules-summary">
            {report.rules.filter((r) => r.passed).length} of {report.rules.length} passed on {formatCount(report.rows)} rows
            {report.blocked ? ' — a blocking rule failed: exports are refused' : ''}
          </p>
        ) : null}
        {rules && rules.length === 0 && !suggestions ? (
          <div className="panel-empty" data-testid="rules-empty">
            <p>No rules yet. Rules are checked before every export; a rule set to block stops an export that fails it.</p>
            <p className="muted small">Suggest rules from the profile and accept the ones that should always hold.</p>
          </div>
        ) : null}
        <ul className="rule-list" data-testid="rule-list">
          {(rules ?? []).map((r) => {
            const res = result(r.id);
            return (
              <li key={r.id} className={`rule${res ? (res.passed ? ' rule-pass' : ' rule-fail') : ''}`} data-testid="rule">
                <div className="rule-text">{r.description}</div>
                {r.problem ? <div className="error-text small">{r.problem}</div> : null}
                <div className="rule-row">
                  <select className="input input-small" value={r.rule.severity ?? 'warn'} onChange={(e) => void severity(r, e.target.value as 'warn' | 'block')} aria-label="Severity" data-testid="rule-severity">
                    <option value="warn">warn</option>
                    <option value="block">block export</option>
                  </select>
                  {res ? (
                    res.passed ? <span className="rule-ok small" data-testid="rule-result">✓ passed</span>
                      : res.filterable && res.failing > 0 ? (
                        <button type="button" className="link-button small rule-bad" onClick={() => showFailing(r)} data-testid="rule-failing" title="Show the failing rows in the grid">
                          ✗ {formatCount(res.failing)} rows ({(res.share * 100).toFixed(res.share < 0.001 ? 3 : 1)} %)
                        </button>
                      ) : <span className="rule-bad small" data-testid="rule-result">✗ {res.error ?? `${formatCount(res.failing)} rows`}</span>
                  ) : null}
                  <span className="spacer" />
                  <button type="button" className="icon-button" aria-label={`Remove the rule ${r.description}`} title="Remove rule" onClick={() => void remove(r)}>×</button>
                </div>
              </li>
            );
          })}
        </ul>
        {suggestions ? (
          <section className="suggestions" data-testid="suggestions">
            <h3>Suggested {suggestions.length ? '' : '— nothing new to suggest'}</h3>
            <ul className="rule-list">
              {suggestions.map((s) => (
                <li key={JSON.stringify(s.rule)} className="rule rule-suggested" data-testid="suggestion">
                  <div className="rule-text">{s.description}</div>
                  <div className="rule-row">
                    <span className="spacer" />
                    <button type="button" className="button button-small" onClick={() => void accept(s)} disabled={!!busy} data-testid="suggestion-accept">Accept</button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <details className="rule-add">
          <summary className="small">Add a rule as JSON</summary>
          <textarea className="input" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder='{"rule":"range","column":"age","min":0,"max":120,"severity":"block"}' aria-label="Rule JSON" />
          <button type="button" className="button button-small" onClick={() => void addDraft()} disabled={!draft.trim() || !!busy}>Add</button>
        </details>
      </div>
    </aside>
  );
}
