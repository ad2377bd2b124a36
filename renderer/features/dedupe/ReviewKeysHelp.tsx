// The review keys and the state of the model, along the bottom of the review screen.
interface Props {
  /** Whether S (split) applies: clusters in a dedupe, not pairs in a link. */
  split: boolean;
  labels: { match: number; nonMatch: number };
  refitting: boolean;
}

export function ReviewKeysHelp({ split, labels, refitting }: Props) {
  const n = labels.match + labels.nonMatch;
  return (
    <footer className="review-keys" aria-label="Review keys">
      <span>
        <kbd>↑</kbd>
        <kbd>↓</kbd>move
      </span>
      {split ? (
        <span>
          <kbd>←</kbd>
          <kbd>→</kbd>choose a record
        </span>
      ) : null}
      <span>
        <kbd>Y</kbd>match
      </span>
      <span>
        <kbd>N</kbd>not a match
      </span>
      {split ? (
        <span>
          <kbd>S</kbd>split the chosen record off
        </span>
      ) : null}
      <span className="spacer" />
      <span data-testid="model-state" data-labels={n} data-refitting={refitting ? 'true' : 'false'}>
        {refitting ? <span className="spinner" aria-hidden="true" /> : null} {n === 0 ? 'Unsupervised model (no labels yet)' : `Model fitted with ${n} ${n === 1 ? 'label' : 'labels'} (${labels.match} match, ${labels.nonMatch} not)`}
        {refitting ? ' · re-fitting…' : ''}
      </span>
    </footer>
  );
}
