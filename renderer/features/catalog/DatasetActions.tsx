// Delete… and Re-import… for one dataset: two buttons in a catalog row, one "Dataset" menu in the narrower dataset toolbar.
import { useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { navigate } from '../../app/useRoute';
import { Menu } from '../../components/Menu';
import { DeleteDatasetDialog } from './DeleteDatasetDialog';
import { ReimportDialog } from './ReimportDialog';

interface Props {
  dataset: Dataset;
  /** 'row': two small buttons (catalog table); 'menu': one button with a menu (dataset toolbar). */
  variant?: 'row' | 'menu';
  disabled?: boolean;
}

export function DatasetActions({ dataset, variant = 'row', disabled = false }: Props) {
  const [open, setOpen] = useState<'delete' | 'reimport' | null>(null);
  const [menuAt, setMenuAt] = useState<{ left: number; top: number; bottom: number } | null>(null);
  const dialogs = (
    <>
      {open === 'delete' ? <DeleteDatasetDialog dataset={dataset} onClose={() => setOpen(null)} /> : null}
      {open === 'reimport' ? <ReimportDialog dataset={dataset} onClose={() => setOpen(null)} /> : null}
    </>
  );
  if (variant === 'menu') {
    return (
      <>
        <button
          type="button"
          className="button button-secondary"
          disabled={disabled}
          aria-haspopup="menu"
          aria-expanded={menuAt !== null}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            setMenuAt({ left: r.left, top: r.top, bottom: r.bottom });
          }}
          data-testid="dataset-menu"
        >
          Dataset ▾
        </button>
        {menuAt ? (
          <Menu
            label={`${dataset.name} actions`}
            anchor={menuAt}
            entries={[
              { kind: 'item', id: 'duplicates', label: 'Find duplicates…' },
              { kind: 'item', id: 'link', label: 'Link with another dataset…' },
              { kind: 'item', id: 'reimport', label: 'Re-import with other options…', disabled: !dataset.source.path },
              { kind: 'item', id: 'delete', label: 'Delete dataset…' },
            ]}
            onSelect={(id) => {
              setMenuAt(null);
              if (id === 'duplicates' || id === 'link') navigate({ name: 'dedupe', dataset: dataset.name, mode: id });
              else setOpen(id === 'delete' ? 'delete' : 'reimport');
            }}
            onClose={() => setMenuAt(null)}
          />
        ) : null}
        {dialogs}
      </>
    );
  }
  const size = ' button-xs';
  return (
    // Clicks and keys here must not open the catalog row they sit in.
    <span className="dataset-actions" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      {dataset.source.path ? (
        <button
          type="button"
          className={`button button-secondary${size}`}
          disabled={disabled}
          title="Import the source file again with other options (encoding, delimiter, quote, header); replaces this dataset on success"
          aria-label={`Re-import ${dataset.name} with other options`}
          onClick={() => setOpen('reimport')}
          data-testid="reimport-dataset"
        >
          Re-import…
        </button>
      ) : null}
      <button
        type="button"
        className={`button button-danger-quiet${size}`}
        disabled={disabled}
        aria-label={`Delete ${dataset.name}`}
        title="Delete this dataset (its rows and history)"
        onClick={() => setOpen('delete')}
        data-testid="delete-dataset"
      >
        Delete…
      </button>
      {dialogs}
    </span>
  );
}
