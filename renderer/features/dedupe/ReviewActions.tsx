// The decision buttons of the review head (the keys Y, N and S do the same), and what follows them.
import type { ReactNode } from 'react';

interface Props {
  onMatch: () => void;
  onNonMatch: () => void;
  /** Clusters only: split the chosen record off; disabled for a pair. */
  onSplit?: () => void;
  canSplit?: boolean;
  children?: ReactNode;
}

export function ReviewActions({ onMatch, onNonMatch, onSplit, canSplit = false, children }: Props) {
  return (
    <div className="review-actions">
      <button type="button" className="button button-match" onClick={onMatch} data-testid="decide-match">
        Match<kbd>Y</kbd>
      </button>
      <button type="button" className="button button-danger-quiet" onClick={onNonMatch} data-testid="decide-nonmatch">
        Not a match<kbd>N</kbd>
      </button>
      {onSplit ? (
        <button type="button" className="button button-secondary" onClick={onSplit} disabled={!canSplit} title="Split the chosen record off this cluster" data-testid="decide-split">
          Split<kbd>S</kbd>
        </button>
      ) : null}
      {children}
    </div>
  );
}
