// The fields of the operation dialog, per operation; operations with no options get a sentence instead.
import type { Column } from '../../../shared/api/catalog';
import type { Filter } from '../../../shared/api/contract';
import type { OpInput } from '../../../shared/ops/schema';
import { ChoiceField } from './fields/ChoiceField';
import { FillFields } from './fields/FillFields';
import { MassEditFields } from './fields/MassEditFields';
import { MergeFields } from './fields/MergeFields';
import { ReplaceFields } from './fields/ReplaceFields';
import { SplitFields } from './fields/SplitFields';
import { TextField } from './fields/TextField';
import { TokenListField } from './fields/TokenListField';

interface Props {
  op: OpInput;
  dataset: string;
  columns: readonly Column[];
  /** The rows the operation applies to (a mass edit lists their values). */
  where: Filter[];
  onChange: (op: OpInput) => void;
}

const CASES = [
  { value: 'upper', label: 'UPPER' },
  { value: 'lower', label: 'lower' },
  { value: 'title', label: 'Title Case' },
] as const;
const LOCALES = [
  { value: 'auto', label: 'Detect', hint: 'Each value decides: 1,234.5 and 1.234,5 both read as 1234.5, 1,5 as 1.5; an ambiguous 1,234 is left as it is.' },
  { value: 'dot', label: '1,234.5', hint: 'A dot is the decimal mark; commas group thousands.' },
  { value: 'comma', label: '1.234,5', hint: 'A comma is the decimal mark; dots and spaces group thousands.' },
] as const;
const ORDERS = [
  { value: 'dayFirst', label: 'Day first', hint: '05/02/2024 is 5 February 2024. Dates that can be read one way only (2024-06-15, 15/06/2024, 9 March 2024) are read as written.' },
  { value: 'monthFirst', label: 'Month first', hint: '05/02/2024 is May 2, 2024. Unambiguous dates (ISO, 06/15, March 9) are read as written.' },
] as const;
const FORMS = [
  { value: 'NFC', label: 'NFC', hint: 'Composes accents (e + ◌́ → é); changes nothing a reader can see.' },
  { value: 'NFKC', label: 'NFKC', hint: 'Also folds look-alikes: ﬁ → fi, full-width Ａ → A, ² → 2, non-breaking space → space.' },
] as const;

export function OpFields({ op, dataset, columns, where, onChange }: Props) {
  switch (op.op) {
    case 'trim':
      return (
        <label className="check-label field-check">
          <input type="checkbox" checked={op.collapse ?? true} onChange={(e) => onChange({ ...op, collapse: e.target.checked })} data-autofocus />
          Also collapse runs of spaces inside values into one
        </label>
      );
    case 'case':
      return <ChoiceField label="Change to" value={op.mode} choices={CASES} onChange={(mode) => onChange({ ...op, mode })} />;
    case 'replace':
      return <ReplaceFields op={op} onChange={onChange} />;
    case 'nullTokens':
      return <TokenListField tokens={op.tokens ?? []} onChange={(tokens) => onChange({ ...op, tokens })} />;
    case 'castNumber':
      return <ChoiceField label="Decimal mark" value={op.locale ?? 'auto'} choices={LOCALES} onChange={(locale) => onChange({ ...op, locale })} />;
    case 'castDate':
      return <ChoiceField label="Ambiguous dates like 05/02/2024" value={op.order ?? 'dayFirst'} choices={ORDERS} onChange={(order) => onChange({ ...op, order })} />;
    case 'unicode':
      return <ChoiceField label="Normal form" value={op.form ?? 'NFC'} choices={FORMS} onChange={(form) => onChange({ ...op, form })} />;
    case 'castBoolean':
      return <p className="op-note">true/false, t/f, yes/no, y/n, ja/nej/nein, 1/0 and on/off, in any case, become true or false. Anything else stays as it is.</p>;
    case 'stripHtml':
      return <p className="op-note">Tags are removed, scripts and styles with their content, and entities like &amp;amp; are decoded. Block elements become line breaks.</p>;
    case 'fixMojibake':
      return <p className="op-note">Text decoded with the wrong encoding (Ã© for é, â€™ for ’) is repaired; text that reads correctly is left alone.</p>;
    case 'massEdit':
      return <MassEditFields op={op} dataset={dataset} where={where} onChange={onChange} />;
    case 'fill':
      return <FillFields op={op} onChange={onChange} />;
    case 'split':
      return <SplitFields op={op} onChange={onChange} />;
    case 'merge':
      return <MergeFields op={op} columns={columns} onChange={onChange} />;
    case 'rename':
      return <TextField label="New name" value={op.to} onChange={(to) => onChange({ ...op, to })} autoFocus testId="rename-to" />;
    case 'duplicate':
      return <TextField label="Name of the copy" value={op.name} onChange={(name) => onChange({ ...op, name })} autoFocus />;
    case 'drop':
      return <p className="op-note">The column disappears from the dataset. Its values are kept in the history: undo brings it back.</p>;
    default:
      return null;
  }
}
