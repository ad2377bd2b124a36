// One column in the Personal data panel: its finding and evidence, and Confirm / Not personal / Change.
import { useState } from 'react';
import { DEFAULT_CATEGORY, type ColumnTagRow } from '../../../shared/api/detect';
import { PD_KINDS, type PdCategory, type PdKind } from '../../../shared/api/personal';
import { CATEGORY_LABELS, findingLabel, kindLabel } from './labels';

interface Props {
  row: ColumnTagRow;
  onSave(kind: PdKind, category: PdCategory): Promise<void>;
}

const CATEGORIES: PdCategory[] = ['direct', 'quasi', 'special', 'none'];

export function PdRow({ row, onSave }: Props) {
  const tag = row.tag;
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState<PdKind>(tag?.kind ?? 'none');
  const [category, setCategory] = useState<PdCategory>(tag?.category ?? 'none');
  const [saving, setSaving] = useState(false);
  const run = async (k: PdKind, c: PdCategory) => {
    setSaving(true);
    try {
      await onSave(k, c);
      setEditing(false);
    } finally {
      setSaving(false);
    }
  };
  const ev = tag?.evidence;
  const personal = tag !== null && tag.category !== 'none';
  return (
    <li className={`pd-row${personal ? ` pd-row-${tag.category}` : ''}`} data-testid="pd-row" data-column={row.column} data-kind={tag?.kind ?? ''} data-status={tag?.status ?? ''}>
      <div className="pd-row-head">
        <span className="pd-col" title={row.column}>{row.column}</span>
        {tag ? (
          <span className={`pd-status ${tag.status}`}>{tag.status === 'confirmed' ? 'Confirmed' : `Suggested · ${Math.round(tag.confidence * 100)}%`}</span>
        ) : (
          <span className="pd-status">Not checked</span>
        )}
      </div>
      {tag ? (
        <div className="pd-finding">
          <span className="pd-kind">{findingLabel(tag.kind, tag.category)}</span>
          {tag.category !== 'none' ? <span className={`pd-cat pd-${tag.category}`}>{CATEGORY_LABELS[tag.category]}</span> : null}
        </div>
      ) : null}
      {ev && (ev.header || ev.passed > 0 || ev.note) ? (
        <div className="pd-evidence" data-testid="pd-evidence">
          {ev.header ? <span>header “{ev.header}”</span> : null}
          {ev.sampled > 0 && ev.passed > 0 ? <span>{ev.passed} of {ev.sampled} sampled values pass</span> : null}
          {ev.examples.length ? <span className="pd-examples">{ev.examples.join('  ')}</span> : null}
          {ev.note ? <span className="pd-note">{ev.note}</span> : null}
        </div>
      ) : null}
      {editing ? (
        <div className="pd-edit">
          <label>
            Kind
            <select value={kind} onChange={(e) => { const k = e.target.value as PdKind; setKind(k); setCategory(DEFAULT_CATEGORY[k]); }} data-testid="pd-kind-select">
              {PD_KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
            </select>
          </label>
          <label>
            Category
            <select value={category} onChange={(e) => setCategory(e.target.value as PdCategory)} data-testid="pd-category-select">
              {CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}
            </select>
          </label>
          <div className="pd-actions">
            <button type="button" className="button button-primary" disabled={saving} onClick={() => void run(kind, category)} data-testid="pd-save">Save</button>
            <button type="button" className="button button-secondary" disabled={saving} onClick={() => setEditing(false)}>Cancel</button>
          </div>
        </div>
      ) : (
        <div className="pd-actions">
          {tag && tag.status === 'suggested' ? (
            <button type="button" className="button button-secondary" disabled={saving} onClick={() => void run(tag.kind, tag.category)} data-testid="pd-confirm">
              Confirm
            </button>
          ) : null}
          {tag && tag.category !== 'none' ? (
            <button type="button" className="button button-secondary" disabled={saving} onClick={() => void run('none', 'none')} data-testid="pd-not-personal">
              Not personal
            </button>
          ) : null}
          <button type="button" className="button button-secondary" disabled={saving} onClick={() => { setKind(tag?.kind ?? 'none'); setCategory(tag?.category ?? 'none'); setEditing(true); }} data-testid="pd-change">
            Change…
          </button>
        </div>
      )}
    </li>
  );
}
