// The live parse preview of the import options dialog: the first rows split as the chosen options read them.
import { useEffect, useState } from 'react';
import type { Out } from '../../../shared/api/contract';
import { api, errorMessage } from '../../api';
import type { ImportOverrides } from './ImportOptionsDialog';

type Preview = Out<'sources.preview'>;

/** Asks for a preview whenever the options change (the latest answer wins; a short pause coalesces typing). */
function usePreview(path: string, options: Omit<ImportOverrides, 'name'>): { preview: Preview | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ preview: Preview | null; error: string | null; loading: boolean }>({ preview: null, error: null, loading: true });
  const key = JSON.stringify(options);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const t = setTimeout(() => {
      api['sources.preview']({ path, options: JSON.parse(key) as Omit<ImportOverrides, 'name'> }).then(
        (preview) => live && setState({ preview, error: null, loading: false }),
        (e) => live && setState({ preview: null, error: errorMessage(e), loading: false }),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [path, key]);
  return state;
}

export function ImportPreview({ path, options }: { path: string; options: Omit<ImportOverrides, 'name'> }) {
  const { preview, error, loading } = usePreview(path, options);
  return (
    <section className="import-preview" aria-label="Preview" data-testid="import-preview" data-loading={loading} data-columns={preview?.columns.length ?? 0}>
      <div className="import-preview-head">
        Preview{preview ? ` · ${preview.columns.length} column${preview.columns.length === 1 ? '' : 's'}, first ${preview.rows.length} row${preview.rows.length === 1 ? '' : 's'}` : ''}
        {loading ? <span className="muted"> · reading…</span> : null}
      </div>
      {error ? (
        <div className="field-hint warn-text" role="alert">
          {error}
        </div>
      ) : null}
      {preview ? (
        <>
          <div className="import-preview-wrap">
            <table className="table import-preview-table">
              <thead>
                <tr>
                  {preview.columns.map((c, i) => (
                    <th key={i} title={c}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((v, j) => (
                      <td key={j} title={v ?? 'missing'} className={v === null ? 'missing' : ''}>
                        {v === null ? '∅' : v.replace(/\r\n|\r|\n/g, '↵')}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.notes.map((n) => (
            <div key={n} className="field-hint warn-text" data-testid="preview-note">
              {n}
            </div>
          ))}
        </>
      ) : null}
    </section>
  );
}
