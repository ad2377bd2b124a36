// What a value operation would do, before it is applied: how many cells change, how many values a cast
// could not convert, and the first changes as before → after.
import { formatCount } from '../../components/format';
import { ValueText } from '../../components/ValueText';
import { plural } from './opText';
import { PREVIEW_ROWS, type Preview, type PreviewState } from './usePreview';

interface Props {
  state: PreviewState;
  /** Casts report values they cannot convert. */
  isCast: boolean;
}

export function PreviewPane({ state, isCast }: Props) {
  const result: Preview | null = state.status === 'ready' ? state.result : state.status === 'loading' ? state.last : null;
  const loading = state.status === 'loading';
  return (
    <section className={`preview${loading ? ' preview-loading' : ''}`} data-testid="preview" data-state={state.status} aria-busy={loading} aria-label="Preview">
      <header className="preview-head">
        <h3>Preview</h3>
        {loading ? <span className="spinner" aria-hidden="true" /> : null}
        {result ? (
          <span className={result.changed ? 'preview-count' : 'muted'} data-testid="preview-changed" data-count={result.changed}>
            {result.changed ? `${plural(result.changed, 'cell')} will change` : 'No cell would change'}
          </span>
        ) : null}
      </header>
      {state.status === 'error' ? (
        <div className="error-panel" role="alert" data-testid="preview-error">
          {state.message}
        </div>
      ) : null}
      {result && isCast && result.failed > 0 ? (
        <div className="preview-failed" role="status" data-testid="preview-failed" data-count={result.failed}>
          {result.failed === 1 ? '1 value could not be converted and stays as it is' : `${formatCount(result.failed)} values could not be converted and stay as they are`}
          <span className="muted"> — the “Values that don’t fit the type” facet finds them afterwards.</span>
        </div>
      ) : null}
      <div className="preview-table table-wrap">
        {result && result.samples.length ? (
          <table className="table">
            <thead>
              <tr>
                <th className="num">Row</th>
                <th>Before</th>
                <th aria-hidden="true" />
                <th>After</th>
              </tr>
            </thead>
            <tbody>
              {result.samples.map((s) => (
                <tr key={s.rid} data-testid="preview-row" data-rid={s.rid}>
                  <td className="num muted">{s.rid}</td>
                  <td className="preview-before" data-testid="preview-before">
                    <ValueText value={s.before} />
                  </td>
                  <td className="preview-arrow" aria-hidden="true">
                    →
                  </td>
                  <td className="preview-after" data-testid="preview-after">
                    <ValueText value={s.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="preview-empty muted">{result ? 'Nothing to show: no value would change.' : state.status === 'idle' ? 'Fill in the fields to see the changes.' : ''}</div>
        )}
      </div>
      {result && result.changed > result.samples.length ? (
        <div className="preview-more muted small">
          The first {Math.min(PREVIEW_ROWS, result.samples.length)} of {formatCount(result.changed)} changes.
        </div>
      ) : null}
    </section>
  );
}
