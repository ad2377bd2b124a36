// The review queue: clusters in the order the engine gives (least certain first), each with its size,
// score and the decision taken on it; the current one is marked and kept in view.
import { useEffect, useRef } from 'react';
import type { Decision } from './reviewTypes';


export interface ClusterItem {
  id: string;
  size: number;
  /** Lowest pair probability inside the cluster (the link most in doubt). */
  score: number;
  /** A short text of the first record, to tell clusters apart. */
  title: string;
  decision: Decision;
}

interface Props {
  items: ClusterItem[];
  current: number;
  onSelect: (index: number) => void;
  /** More clusters than shown: a button loads the next page. */
  more: number;
  onMore: () => void;
}

const DECISION_TEXT: Record<Exclude<Decision, null>, string> = { match: 'match', nonmatch: 'not a match', split: 'split' };

export function ClusterList({ items, current, onSelect, more, onMore }: Props) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  return (
    <div className="cluster-list-wrap">
      <ol ref={list} className="cluster-list" aria-label="Clusters to review" data-testid="cluster-list">
        {items.map((c, i) => (
          <li key={c.id}>
            <button
              type="button"
              className={`cluster-item${i === current ? ' current' : ''}${c.decision ? ` decided decided-${c.decision}` : ''}`}
              aria-current={i === current ? 'true' : undefined}
              onClick={() => onSelect(i)}
              data-testid="cluster-item"
              data-cluster={c.id}
              data-decision={c.decision ?? ''}
              tabIndex={-1}
            >
              <span className="cluster-title" title={c.title}>
                {c.title}
              </span>
              <span className="cluster-meta">
                {c.size > 2 ? (
                  <span className="cluster-size" title={`${c.size} records`}>
                    ×{c.size}
                  </span>
                ) : null}
                <Certainty score={c.score} />
              </span>
              {c.decision ? <span className={`cluster-decision decision-${c.decision}`}>{DECISION_TEXT[c.decision]}</span> : null}
            </button>
          </li>
        ))}
      </ol>
      {more > 0 ? (
        <button type="button" className="button button-secondary cluster-more" onClick={onMore} data-testid="cluster-more">
          Show {more.toLocaleString('en-US')} more
        </button>
      ) : null}
    </div>
  );
}

/** The score as a number and a dot whose colour says how sure the model is (amber near 0.5). */
function Certainty({ score }: { score: number }) {
  const doubt = 1 - Math.abs(score - 0.5) * 2;
  const tone = doubt > 0.6 ? 'unsure' : score >= 0.5 ? 'likely' : 'unlikely';
  return (
    <span className={`certainty certainty-${tone}`} title={`Match probability ${score.toFixed(3)}`}>
      {score.toFixed(2)}
    </span>
  );
}
