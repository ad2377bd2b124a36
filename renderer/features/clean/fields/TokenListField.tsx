// The editable list of missing-value tokens: each a removable chip, a field to add more, a reset.
import { useState } from 'react';
import { NULL_TOKENS_DEFAULT } from '../nullTokens';

interface Props {
  tokens: string[];
  onChange: (tokens: string[]) => void;
}

export function TokenListField({ tokens, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const t = draft;
    if (!tokens.includes(t)) onChange([...tokens, t]);
    setDraft('');
  };
  return (
    <div className="token-field">
      <div className="field-label">Cells whose whole value is one of these become empty</div>
      <ul className="token-list" aria-label="Missing-value tokens" data-testid="null-tokens">
        {tokens.map((t) => (
          <li key={t} className="token">
            <span className={t === '' ? 'token-empty' : 'mono'}>{t === '' ? 'empty text' : t}</span>
            <button type="button" className="token-remove" aria-label={`Remove ${t === '' ? 'empty text' : t}`} onClick={() => onChange(tokens.filter((x) => x !== t))}>
              ×
            </button>
          </li>
        ))}
        {tokens.length === 0 ? <li className="muted small">No tokens: nothing will change.</li> : null}
      </ul>
      <div className="field-row field-row-center">
        <input
          className="input mono grow"
          aria-label="Add a token"
          placeholder="Add a token, e.g. unknown"
          value={draft}
          data-autofocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the token being typed; with the field empty it applies the dialog (the form's submit).
            if (e.key === 'Enter' && draft) {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button-secondary" onClick={add} disabled={!draft}>
          Add
        </button>
        <button type="button" className="link-button" onClick={() => onChange([...NULL_TOKENS_DEFAULT])}>
          Reset to defaults
        </button>
      </div>
    </div>
  );
}
