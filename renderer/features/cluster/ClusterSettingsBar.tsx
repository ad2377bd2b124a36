// The method picker of the dialog, with the radius (Levenshtein) or threshold (Jaro-Winkler) beside it.
import type { ClusterMethod } from '../../../shared/api/cluster';
import { METHODS, methodInfo } from './methods';
import type { ClusterSettings } from './useClustering';

interface Props {
  settings: ClusterSettings;
  onChange: (s: ClusterSettings) => void;
}

const FAMILIES = ['Key collision', 'Nearest neighbour'] as const;

export function ClusterSettingsBar({ settings, onChange }: Props) {
  const info = methodInfo(settings.method);
  return (
    <div className="cluster-settings">
      <label className="cluster-field">
        <span className="field-label">Method</span>
        <select className="input" value={settings.method} onChange={(e) => onChange({ ...settings, method: e.target.value as ClusterMethod })} data-testid="cluster-method" data-autofocus>
          {FAMILIES.map((f) => (
            <optgroup key={f} label={f}>
              {METHODS.filter((m) => m.family === f).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {settings.method === 'levenshtein' ? (
        <label className="cluster-field">
          <span className="field-label">Radius (edits)</span>
          <select className="input" value={settings.radius} onChange={(e) => onChange({ ...settings, radius: Number(e.target.value) })} data-testid="cluster-radius">
            {[1, 2, 3, 4].map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {settings.method === 'jaro-winkler' ? (
        <label className="cluster-field">
          <span className="field-label">Threshold</span>
          <select className="input" value={settings.threshold} onChange={(e) => onChange({ ...settings, threshold: Number(e.target.value) })} data-testid="cluster-threshold">
            {[0.8, 0.85, 0.88, 0.9, 0.92, 0.95, 0.97].map((t) => (
              <option key={t} value={t}>
                {t.toFixed(2)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <p className="cluster-hint muted">
        <strong>{info.family}.</strong> {info.hint}
      </p>
    </div>
  );
}
