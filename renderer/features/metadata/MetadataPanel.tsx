// The metadata side panel of the dataset screen: rename, describe the dataset, describe each column.
import { useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { api, errorMessage } from '../../api';
import { upsertDataset } from '../../app/useDatasets';
import { navigate } from '../../app/useRoute';
import { formatBytes, formatDateTime, formatDelimiter, formatDuration, formatName } from '../../components/format';
import { toast } from '../../components/toastStore';
import { RejectsDialog } from '../catalog/RejectsDialog';
import { ColumnMeta } from './ColumnMeta';
import { EditableText } from './EditableText';
import './metadata.css';

export function MetadataPanel({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const [showRejects, setShowRejects] = useState(false);
  const save = async (fn: () => Promise<Dataset>, what: string, previousName?: string) => {
    try {
      const d = await fn();
      upsertDataset(d, previousName);
      if (previousName && d.name !== previousName) navigate({ name: 'dataset', dataset: d.name }, true);
    } catch (e) {
      toast('error', `${what} not saved: ${errorMessage(e)}`);
      throw e;
    }
  };
  const src = dataset.source;

  return (
    <aside className="metadata-panel" aria-label="Dataset details" data-testid="metadata-panel">
      <header className="panel-head">
        <h2>Details</h2>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="panel-body">
        <label className="field-label">Name</label>
        <EditableText
          label="Dataset name"
          value={dataset.name}
          required
          testId="dataset-name"
          onSave={(name) => save(() => api['datasets.update']({ dataset: dataset.name, name }), 'Name', dataset.name)}
        />
        <label className="field-label">Description</label>
        <EditableText
          label="Dataset description"
          value={dataset.description}
          multiline
          placeholder="What is in this dataset, where it came from, what it is for…"
          testId="dataset-description"
          onSave={(description) => save(() => api['datasets.update']({ dataset: dataset.name, description }), 'Description')}
        />
        <dl className="facts">
          <dt>Source</dt>
          <dd className="path" title={src.path ?? ''}>{src.path ?? '—'}</dd>
          <dt>Format</dt>
          <dd>
            {formatName(src.format, src.delimiter)}
            {src.encoding && !['parquet', 'xlsx', 'sqlite'].includes(src.format ?? '') ? ` · ${src.encoding}` : ''}
            {src.delimiter ? ` · ${formatDelimiter(src.delimiter)}-separated` : ''}
            {src.header === null ? '' : src.header ? ' · header' : ' · no header'}
          </dd>
          <dt>Size</dt>
          <dd>{formatBytes(src.size)}</dd>
          <dt>Imported</dt>
          <dd>
            {formatDateTime(dataset.createdAt)} in {formatDuration(dataset.importMs)}
          </dd>
          {dataset.rejects > 0 ? (
            <>
              <dt>Rejected</dt>
              <dd>
                {dataset.rejects.toLocaleString('en-US')} lines{' '}
                <button type="button" className="link-button" onClick={() => setShowRejects(true)}>
                  View
                </button>
              </dd>
            </>
          ) : null}
          {src.sha256 ? (
            <>
              <dt>SHA-256</dt>
              <dd className="mono small" title={src.sha256}>{src.sha256.slice(0, 16)}…</dd>
            </>
          ) : null}
        </dl>
        <h3 className="panel-section">Columns</h3>
        <ul className="column-meta-list">
          {dataset.columns.map((c) => (
            <ColumnMeta
              key={c.position}
              column={c}
              onSave={(patch) => save(() => api['columns.update']({ dataset: dataset.name, column: c.name, ...patch }), `${c.name}`)}
            />
          ))}
        </ul>
      </div>
      {showRejects ? <RejectsDialog dataset={dataset.name} onClose={() => setShowRejects(false)} /> : null}
    </aside>
  );
}
