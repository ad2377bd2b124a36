// The export action of one column: a choice of keep, drop, mask, pseudonymise, the generalisations
// and suppress, with the number an action takes (characters kept, digits, decimals).
import type { PdAction } from '../../../shared/api/personal';

type Choice = 'keep' | 'drop' | 'mask' | 'hash' | 'year' | 'month' | 'band5' | 'band10' | 'prefix' | 'round' | 'suppress';

const LABELS: Array<[Choice, string]> = [
  ['keep', 'Keep as is'],
  ['drop', 'Drop the column'],
  ['mask', 'Mask, keep last N'],
  ['hash', 'Pseudonymise (HMAC)'],
  ['year', 'Date → year'],
  ['month', 'Date → month'],
  ['band5', 'Age → 5-year bands'],
  ['band10', 'Age → 10-year bands'],
  ['prefix', 'Postal code → first N'],
  ['round', 'Coordinates → N decimals'],
  ['suppress', 'Suppress (empty)'],
];

const DEFAULT_N: Partial<Record<Choice, number>> = { mask: 4, prefix: 3, round: 2 };

function choiceOf(a: PdAction | null): { choice: Choice; n: number | null } {
  if (!a) return { choice: 'keep', n: null };
  if (a.action === 'mask') return { choice: 'mask', n: a.keep };
  if (a.action !== 'generalise') return { choice: a.action, n: null };
  const [how, arg] = a.to.split(':') as [Choice, string | undefined];
  return { choice: how, n: arg === undefined ? null : Number(arg) };
}

function actionOf(choice: Choice, n: number | null): PdAction {
  switch (choice) {
    case 'keep':
    case 'drop':
    case 'hash':
    case 'suppress':
      return { action: choice };
    case 'mask':
      return { action: 'mask', keep: n ?? 4 };
    case 'prefix':
    case 'round':
      return { action: 'generalise', to: `${choice}:${n ?? DEFAULT_N[choice]}` };
    default:
      return { action: 'generalise', to: choice };
  }
}

interface Props {
  column: string;
  action: PdAction | null;
  onChange: (a: PdAction) => void;
  disabled?: boolean;
}

export function ActionSelect({ column, action, onChange, disabled }: Props) {
  const { choice, n } = choiceOf(action);
  const max = choice === 'round' ? 9 : choice === 'prefix' ? 99 : 64;
  return (
    <span className="action-select">
      <select
        className="input action-choice"
        value={choice}
        disabled={disabled}
        aria-label={`Export action of ${column}`}
        onChange={(e) => {
          const c = e.target.value as Choice;
          onChange(actionOf(c, DEFAULT_N[c] ?? null));
        }}
        data-testid="action-select"
        data-column={column}
      >
        {LABELS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {n !== null ? (
        <input
          type="number"
          className="input action-n"
          min={0}
          max={max}
          value={n}
          disabled={disabled}
          aria-label={`N for ${column}`}
          onChange={(e) => {
            const v = Math.max(0, Math.min(max, Math.floor(Number(e.target.value) || 0)));
            onChange(actionOf(choice, v));
          }}
          data-testid="action-n"
        />
      ) : null}
    </span>
  );
}
