// The value viewer: one cell's whole value, read-only, with its length and line count and a Copy button;
// for values too long to read in a cell. Opened with Shift+F2 or a double-click on a cut value.
import { createStore, useStore } from '../../app/store';
import { Dialog } from '../../components/Dialog';
import { formatCount } from '../../components/format';
import { toast } from '../../components/toastStore';
import { copyText } from './clipboard';

export interface ViewedValue {
  column: string;
  /** 1-based row number as shown in the grid. */
  row: number;
  value: string | null;
  /** Starts editing the cell (the viewer closes first). */
  edit?: () => void;
}

const viewerStore = createStore<ViewedValue | null>(null);

export function openValueViewer(v: ViewedValue): void {
  viewerStore.set(v);
}

export function closeValueViewer(): void {
  viewerStore.set(null);
}

export function ValueViewer() {
  const viewed = useStore(viewerStore);
  if (!viewed) return null;
  const value = viewed.value ?? '';
  const lines = value === '' ? 0 : value.split(/\r\n|\r|\n/).length;
  const copy = () =>
    void copyText(value).then((ok) => toast(ok ? 'info' : 'error', ok ? `Copied ${formatCount(value.length)} characters` : 'Could not copy to the clipboard'));
  return (
    <Dialog
      title={`${viewed.column}, row ${formatCount(viewed.row)}`}
      onClose={closeValueViewer}
      size="lg"
      testId="value-viewer"
      footer={
        <>
          <span className="muted small grow" data-testid="value-viewer-stats">
            {viewed.value === null ? 'missing value' : `${formatCount(value.length)} characters · ${formatCount(lines)} ${lines === 1 ? 'line' : 'lines'}`}
          </span>
          {viewed.edit ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                const edit = viewed.edit;
                closeValueViewer();
                edit?.();
              }}
            >
              Edit
            </button>
          ) : null}
          <button type="button" className="button button-primary" onClick={copy} data-testid="value-viewer-copy" data-autofocus>
            Copy
          </button>
        </>
      }
    >
      <textarea className="input mono value-viewer-text" readOnly value={value} aria-label="Value" data-testid="value-viewer-text" />
    </Dialog>
  );
}
