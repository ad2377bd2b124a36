// The frame of one facet: what it is and on which column, its tools, a Reset when something is selected,
// and a remove button; the body is the facet's own.
import type { ReactNode } from 'react';
import type { FacetKind } from './facetStore';

const KIND_LABEL: Record<FacetKind, string> = {
  text: 'Values',
  numeric: 'Range',
  blank: 'Blank',
  type: 'Type misfits',
  filter: 'Filter',
};

interface Props {
  kind: FacetKind;
  column: string;
  summary?: ReactNode;
  selected: boolean;
  loading: boolean;
  error: string | null;
  tools?: ReactNode;
  onReset: () => void;
  onRemove: () => void;
  children: ReactNode;
}

export function FacetCard({ kind, column, summary, selected, loading, error, tools, onReset, onRemove, children }: Props) {
  return (
    <section
      className={`facet${selected ? ' facet-selected' : ''}${loading ? ' facet-loading' : ''}`}
      data-testid="facet"
      data-kind={kind}
      data-column={column}
      data-loading={loading ? 'true' : 'false'}
      aria-label={`${KIND_LABEL[kind]} facet on ${column}`}
      tabIndex={-1}
    >
      <header className="facet-head">
        <span className="facet-kind">{KIND_LABEL[kind]}</span>
        <span className="facet-column" title={column}>
          {column}
        </span>
        {loading ? <span className="spinner facet-spinner" aria-hidden="true" /> : null}
        <span className="spacer" />
        {selected ? (
          <button type="button" className="link-button facet-reset" onClick={onReset} data-testid="facet-reset">
            Reset
          </button>
        ) : null}
        <button type="button" className="icon-button" aria-label={`Remove the facet on ${column}`} title="Remove facet" onClick={onRemove}>
          ×
        </button>
      </header>
      {summary || tools ? (
        <div className="facet-summary">
          <span className="grow">{summary}</span>
          {tools}
        </div>
      ) : null}
      {error ? <div className="facet-error error-text small">{error}</div> : null}
      <div className="facet-body">{children}</div>
    </section>
  );
}
