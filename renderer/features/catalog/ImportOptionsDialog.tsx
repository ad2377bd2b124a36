// Per-file import overrides for files the sniffer read wrong (dataset name, encoding, delimiter, quote, header row), with a live
// preview; for workbooks and databases, the sheet or table to import.
import { useId, useState } from 'react';
import type { Source } from '../../../shared/api/catalog';
import { Dialog } from '../../components/Dialog';
import { baseName, formatDelimiter } from '../../components/format';
import { ImportPreview } from './ImportPreview';
import { PartPicker } from './PartPicker';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the user changed; absent keys keep what the scan detected. */
export interface ImportOverrides {
  name?: string;
  encoding?: Encoding;
  delimiter?: string;
  /** Quote character, or null for no quoting. */
  quote?: string | null;
  header?: boolean;
  /** XLSX: the sheet to import. */
  sheet?: string;
  /** SQLite: the table or view to import. */
  table?: string;
}

const ENCODINGS: { value: Encoding; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-16le', label: 'UTF-16 LE' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'windows-1252', label: 'Windows-1252' },
];
const DELIMITERS: { value: string; label: string }[] = [
  { value: ',', label: 'Comma ( , )' },
  { value: ';', label: 'Semicolon ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe ( | )' },
  { value: '#', label: 'Hash ( # )' },
  { value: ' ', label: 'Space' },
];
const QUOTES: { value: string; label: string }[] = [
  { value: '"', label: 'Double ( " )' },
  { value: "'", label: "Single ( ' )" },
  { value: 'none', label: 'None — quotes are text' },
];
const OTHER = 'other';

export function hasOverrides(o: ImportOverrides | undefined): boolean {
  return !!o && Object.values(o).some((v) => v !== undefined);
}

/** A file name without its extension, as the importer names a dataset by default. */
function defaultName(p: string): string {
  return baseName(p).replace(/\.[^.]+$/, '') || 'dataset';
}

interface Props {
  source: Source;
  value: ImportOverrides | undefined;
  onSave: (o: ImportOverrides | undefined) => void;
  onClose: () => void;
  /** Re-import of a dataset: no name field, and Save starts the import. */
  reimport?: { dataset: string };
}

export function ImportOptionsDialog({ source, value, onSave, onClose, reimport }: Props) {
  const id = useId();
  const csv = source.format === 'csv';
  const tabular = source.format === 'xlsx' || source.format === 'sqlite' || source.format === 'parquet';
  const [part, setPart] = useState<string | undefined>(value?.sheet ?? value?.table);
  const [name, setName] = useState(value?.name ?? '');
  const [encoding, setEncoding] = useState<Encoding | ''>(value?.encoding ?? '');
  const known = value?.delimiter === undefined || DELIMITERS.some((d) => d.value === value.delimiter);
  const [delimiter, setDelimiter] = useState(value?.delimiter === undefined ? '' : known ? value.delimiter : OTHER);
  const [otherDelim, setOtherDelim] = useState(known ? '' : (value?.delimiter ?? ''));
  const [header, setHeader] = useState(value?.header === undefined ? '' : value.header ? 'yes' : 'no');
  const [quote, setQuote] = useState(value?.quote === undefined ? '' : value.quote === null ? 'none' : value.quote);

  const problem = csv && delimiter === OTHER && otherDelim.length !== 1 ? 'Type exactly one delimiter character.' : null;

  const reading = (): ImportOverrides => {
    const o: ImportOverrides = {};
    if (encoding) o.encoding = encoding;
    if (csv && delimiter && !(delimiter === OTHER && otherDelim.length !== 1)) o.delimiter = delimiter === OTHER ? otherDelim : delimiter;
    if (csv && quote) o.quote = quote === 'none' ? null : quote;
    if (csv && header) o.header = header === 'yes';
    if (part !== undefined && source.format === 'xlsx') o.sheet = part;
    if (part !== undefined && source.format === 'sqlite') o.table = part;
    return o;
  };

  const save = (e?: React.FormEvent) => {
    e?.preventDefault();
    if (problem) return;
    const o = reading();
    if (!reimport && name.trim()) o.name = name.trim();
    onSave(hasOverrides(o) ? o : undefined);
    onClose();
  };

  // Enter on a select saves too (text fields submit the form by themselves).
  const onKeyDown = (e: React.KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'SELECT') {
      e.preventDefault();
      save();
    }
  };

  const detected = (v: string | null | undefined) => `Detected${v ? ` (${v})` : ''}`;
  const sniffedHeader = source.header === null ? null : source.header ? 'yes' : 'no';

  return (
    <Dialog
      title={reimport ? `Re-import ${reimport.dataset} from ${baseName(source.path)}` : `Import options — ${baseName(source.path)}`}
      onClose={onClose}
      testId="import-options-dialog"
      size="lg"
      footer={
        <>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              onSave(undefined);
              onClose();
            }}
            disabled={!hasOverrides(value) || !!reimport}
            title="Forget the overrides and import as detected"
            data-testid="import-options-reset"
          >
            Reset
          </button>
          <div className="spacer" />
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={id} className="button button-primary" disabled={!!problem} data-testid="import-options-save">
            {reimport ? 'Re-import' : 'Save'}
            <kbd className="kbd-on-primary">Enter</kbd>
          </button>
        </>
      }
    >
      <form id={id} className="import-options" onSubmit={save} onKeyDown={onKeyDown}>
        {reimport ? (
          <p className="field-hint reimport-note">
            On success the new import replaces <strong>{reimport.dataset}</strong> and its history; if it fails, nothing changes.
          </p>
        ) : (
          <>
            <label className="field-label" htmlFor={`${id}-name`}>
              Dataset name
            </label>
            <input
              id={`${id}-name`}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={defaultName(source.path)}
              spellCheck={false}
              autoComplete="off"
              data-autofocus
            />
          </>
        )}
        {tabular ? <PartPicker path={source.path} value={part} onChange={setPart} /> : (
          <>
            <label className="field-label" htmlFor={`${id}-encoding`}>
              Encoding
            </label>
            <select id={`${id}-encoding`} className="input" value={encoding} onChange={(e) => setEncoding(e.target.value as Encoding | '')}>
              <option value="">{detected(source.encoding)}</option>
              {ENCODINGS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </>
        )}
        {csv ? (
          <>
            <div className="import-options-row">
              <div className="grow">
                <label className="field-label" htmlFor={`${id}-delimiter`}>
                  Delimiter
                </label>
                <select id={`${id}-delimiter`} className="input" value={delimiter} onChange={(e) => setDelimiter(e.target.value)}>
                  <option value="">{detected(source.delimiter === null ? null : formatDelimiter(source.delimiter))}</option>
                  {DELIMITERS.map((o) => (
                    <option key={o.label} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                  <option value={OTHER}>Other…</option>
                </select>
              </div>
              {delimiter === OTHER ? (
                <div className="other-delim">
                  <label className="field-label" htmlFor={`${id}-other`}>
                    Character
                  </label>
                  <input
                    id={`${id}-other`}
                    className="input mono"
                    value={otherDelim}
                    onChange={(e) => setOtherDelim(e.target.value)}
                    maxLength={1}
                    spellCheck={false}
                    autoComplete="off"
                    aria-invalid={!!problem}
                  />
                </div>
              ) : null}
            </div>
            <label className="field-label" htmlFor={`${id}-quote`}>
              Quote character
            </label>
            <select id={`${id}-quote`} className="input" value={quote} onChange={(e) => setQuote(e.target.value)}>
              <option value="">{detected(source.quote === null ? (source.delimiter === null ? null : 'none') : source.quote)}</option>
              {QUOTES.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <label className="field-label" htmlFor={`${id}-header`}>
              First line is a header row
            </label>
            <select id={`${id}-header`} className="input" value={header} onChange={(e) => setHeader(e.target.value)}>
              <option value="">{detected(sniffedHeader)}</option>
              <option value="yes">Yes — column names</option>
              <option value="no">No — data (columns named column_1, column_2…)</option>
            </select>
          </>
        ) : null}
        {problem ? (
          <div className="field-hint warn-text" role="alert">
            {problem}
          </div>
        ) : null}
        {tabular ? null : <ImportPreview path={source.path} options={reading()} />}
      </form>
    </Dialog>
  );
}
