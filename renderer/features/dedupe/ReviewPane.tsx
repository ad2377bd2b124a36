// Step 2 of Find duplicates: the threshold with live counts, the clusters least certain first, the
// records of the current one side by side, and keyboard review. Each decision is stored as labels and
// re-fits the model, so the next clusters are the ones it is least sure about now.
import { useEffect, useMemo, useState } from 'react';
import type { Cluster } from '../../../shared/api/dedupe';
import { api } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { formatCount } from '../../components/format';
import { reportError } from '../clean/operations';
import { ClusterList, type ClusterItem } from './ClusterList';
import type { Decision, ThresholdCounts } from './reviewTypes';
import { countsAt, scoreBins } from './curve';
import { decisionOf, focusPair, weightsOf } from './decisions';
import { RecordCompare } from './RecordCompare';
import { ReviewActions } from './ReviewActions';
import { ReviewKeysHelp } from './ReviewKeysHelp';
import { ThresholdControl } from './ThresholdControl';
import { membersKey, useClusters } from './useClusters';
import { useReviewKeys } from './useReviewKeys';
import type { useSummary } from './useSummary';

interface Props {
  result: string;
  summary: ReturnType<typeof useSummary>;
  /** Opens the resolve dialog with the counts at the threshold now. */
  onResolve: (counts: ThresholdCounts | null) => void;
}

export function ReviewPane({ result, summary, onResolve }: Props) {
  const { threshold, setThreshold, refit, refitting, version } = summary;
  const q = useClusters(result, threshold, version);
  const [pending, setPending] = useState<Map<string, Decision>>(new Map());
  const [focus, setFocus] = useState(1);
  const [labels, setLabels] = useState<{ match: number; nonMatch: number } | null>(null);
  const curve = summary.summary?.curve ?? [];
  // The curve is sampled: counts in between are interpolated while the slider moves; once the clusters
  // at this threshold are in, their number is exact.
  const estimate = useMemo(() => countsAt(curve, threshold), [curve, threshold]);
  const counts = estimate && !q.loading && !q.error ? { ...estimate, clusters: q.total } : estimate;
  const bins = useMemo(() => scoreBins(curve), [curve]);
  const cluster = q.cluster;
  const key = cluster ? membersKey(cluster) : '';
  const f = cluster ? Math.min(focus, cluster.members.length - 1) : 1;

  const items: ClusterItem[] = q.clusters.map((c) => {
    const k = membersKey(c);
    return { id: k, size: c.size, score: c.minScore, title: titleOf(c), decision: decisionOf(c, pending, k) };
  });

  // Decisions taken show at once; once the queue reloads with the new labels, they are read from there.
  useEffect(() => {
    if (!refitting) setPending(new Map());
  }, [q.clusters]);

  const go = (i: number) => {
    q.setCurrent(i);
    setFocus(1);
  };

  const decide = async (d: Exclude<Decision, null>) => {
    if (!cluster) return;
    const c = cluster;
    const k = key;
    setPending((m) => new Map(m).set(k, d));
    go(Math.min(q.clusters.length - 1, q.current + 1));
    try {
      let n: { match: number; nonMatch: number };
      if (d === 'split' && c.members.length > 2) {
        n = await api['dedupe.split']({ result, members: c.members.map((m) => m.rid), apart: [c.members[f]!.rid] });
      } else {
        const label = d === 'match' ? 'match' : 'nonMatch';
        const replies = await Promise.all(c.pairs.map((p) => api['dedupe.label']({ result, a: p.a, b: p.b, label })));
        n = replies.at(-1) ?? { match: 0, nonMatch: 0 };
      }
      setLabels(n);
      await refit();
    } catch (e) {
      setPending((m) => {
        const next = new Map(m);
        next.delete(k);
        return next;
      });
      reportError(e);
    }
  };

  useReviewKeys({
    up: () => go(Math.max(0, q.current - 1)),
    down: () => go(Math.min(q.clusters.length - 1, q.current + 1)),
    left: () => setFocus((x) => Math.max(1, Math.min(x, (cluster?.members.length ?? 2) - 1) - 1)),
    right: () => setFocus((x) => Math.min((cluster?.members.length ?? 2) - 1, x + 1)),
    match: () => void decide('match'),
    nonMatch: () => void decide('nonmatch'),
    split: () => void decide('split'),
  });

  const weights = cluster ? weightsOf(focusPair(cluster, f)) : new Map<string, number>();
  const rows = cluster
    ? q.columns.map((col, i) => ({ label: col, compared: true, values: cluster.members.map((m) => m.values[i] ?? null), weight: weights.get(col) ?? null }))
    : [];
  const given = labels ?? summary.summary?.labels ?? { match: 0, nonMatch: 0 };
  const state = refitting ? 'refitting' : q.loading ? 'loading' : 'ready';

  return (
    <div className="review" data-testid="review" data-state={state} data-current={key}>
      <ThresholdControl threshold={threshold} onChange={setThreshold} bins={bins} counts={counts} pending={q.loading} />
      <div className="review-body">
        <ClusterList items={items} current={q.current} onSelect={go} more={Math.max(0, Math.min(50, q.total - q.clusters.length))} onMore={q.more} />
        <div className="review-main">
          {q.error ? <div className="error-panel" role="alert">{q.error}</div> : null}
          {cluster ? (
            <>
              <header className="review-head">
                <h2 data-testid="review-title">
                  Cluster {formatCount(q.current + 1)} of {formatCount(q.total)}
                </h2>
                <span className="muted">
                  {cluster.size} records · match probability {cluster.minScore.toFixed(2)}
                  {cluster.maxScore !== cluster.minScore ? `–${cluster.maxScore.toFixed(2)}` : ''}
                </span>
                <ReviewActions onMatch={() => void decide('match')} onNonMatch={() => void decide('nonmatch')} onSplit={() => void decide('split')} canSplit={cluster.size > 2}>
                  <button type="button" className="button button-primary" onClick={() => onResolve(counts)} data-testid="open-resolve">
                    Resolve…
                  </button>
                </ReviewActions>
              </header>
              <RecordCompare
                records={cluster.members.map((m) => ({ rid: m.rid, title: m.key ?? `row ${m.rid}` }))}
                rows={rows}
                focus={f}
                onFocus={(i) => setFocus(i)}
                showOther
              />
            </>
          ) : q.loading ? (
            <div className="screen-loading" aria-busy="true" />
          ) : (
            <EmptyState title={counts && counts.pairs > 0 ? 'No clusters at this threshold' : 'No duplicates found'} testId="review-empty">
              <p>
                {counts && counts.pairs > 0
                  ? 'Every pair above the threshold has been decided. Lower the threshold to review more, or resolve what you accepted.'
                  : 'No pair of records scores above the threshold. Lower it, or go back and compare other columns.'}
              </p>
            </EmptyState>
          )}
        </div>
      </div>
      <ReviewKeysHelp split labels={given} refitting={refitting} />
    </div>
  );
}

/** The first member's first non-empty values, to tell clusters apart in the list. */
function titleOf(c: Cluster): string {
  const vals = (c.members[0]?.values ?? []).filter((v): v is string => !!v && v.trim() !== '').map((v) => v.trim());
  return vals.slice(0, 2).join(' · ') || `row ${c.members[0]?.rid ?? ''}`;
}
