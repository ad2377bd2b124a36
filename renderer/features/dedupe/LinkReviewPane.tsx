// Step 2 of Link: the threshold with live counts, the pairs to review (least certain first, or the
// links kept, best first), the two records side by side, Y/N from the keyboard (each label re-fits the
// model), and what to do with the links.
import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import type { PairDetail } from '../../../shared/api/dedupe';
import { api } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { formatCount } from '../../components/format';
import { reportError } from '../clean/operations';
import { ClusterList, type ClusterItem } from './ClusterList';
import type { Decision } from './reviewTypes';
import { countsAt, scoreBins } from './curve';
import { weightsOf } from './decisions';
import { LinkResults } from './LinkResults';
import { RecordCompare } from './RecordCompare';
import { ReviewActions } from './ReviewActions';
import { showNewColumn } from './showResult';
import { ReviewKeysHelp } from './ReviewKeysHelp';
import { ThresholdControl } from './ThresholdControl';
import { pairKey, useLinkQueue, type LinkOrder } from './useLinkQueue';
import { useReviewKeys } from './useReviewKeys';
import { useSummary } from './useSummary';

interface Props {
  result: string;
  dataset: Dataset;
  other: Dataset | null;
  keyB: string | null;
}

export function LinkReviewPane({ result, dataset, other, keyB }: Props) {
  const summary = useSummary(result);
  const { threshold, setThreshold, refit, refitting, version } = summary;
  const [order, setOrder] = useState<LinkOrder>('uncertain');
  const [limit, setLimit] = useState(50);
  const comparisons = summary.summary?.config.comparisons;
  const columns = useMemo(() => ({ a: (comparisons ?? []).map((c) => c.column), b: (comparisons ?? []).map((c) => c.columnB ?? c.column) }), [comparisons]);
  const q = useLinkQueue(result, threshold, version, order, limit, columns);
  const [current, setCurrent] = useState(0);
  const [pending, setPending] = useState<Map<string, Decision>>(new Map());
  const [labels, setLabels] = useState<{ match: number; nonMatch: number } | null>(null);
  const curve = summary.summary?.curve ?? [];
  const counts = useMemo(() => countsAt(curve, threshold), [curve, threshold]);
  const bins = useMemo(() => scoreBins(curve), [curve]);
  const pair: PairDetail | null = q.pairs[Math.min(current, q.pairs.length - 1)] ?? null;

  useEffect(() => {
    if (!refitting) setPending(new Map());
    setCurrent((i) => Math.min(i, Math.max(0, q.pairs.length - 1)));
  }, [q.pairs, refitting]);

  const decide = async (d: 'match' | 'nonmatch') => {
    if (!pair) return;
    const k = pairKey(pair);
    setPending((m) => new Map(m).set(k, d));
    setCurrent((i) => Math.min(q.pairs.length - 1, i + 1));
    try {
      setLabels(await api['dedupe.label']({ result, a: pair.a, b: pair.b, label: d === 'match' ? 'match' : 'nonMatch' }));
      await refit();
    } catch (e) {
      reportError(e);
    }
  };

  useReviewKeys({
    up: () => setCurrent((i) => Math.max(0, i - 1)),
    down: () => setCurrent((i) => Math.min(q.pairs.length - 1, i + 1)),
    match: () => void decide('match'),
    nonMatch: () => void decide('nonmatch'),
    split: () => undefined,
  });

  if (summary.error && !summary.summary) return <div className="error-panel" role="alert">{summary.error}</div>;
  if (!summary.summary) return <div className="screen-loading" aria-busy="true" />;

  const items: ClusterItem[] = q.pairs.map((p) => ({
    id: pairKey(p),
    size: 2,
    score: p.score,
    title: titleOf(p),
    decision: pending.get(pairKey(p)) ?? (p.label === 'match' ? 'match' : p.label === 'nonMatch' ? 'nonmatch' : null),
  }));
  const weights = weightsOf(pair);
  const rows = pair
    ? q.columns.map((col, i) => {
        const b = q.columnsB[i] ?? col;
        return { label: b === col ? col : `${col} ↔ ${b}`, compared: true, values: [pair.recordA.values[i] ?? null, pair.recordB.values[i] ?? null], weight: weights.get(col) ?? null };
      })
    : [];
  const state = refitting ? 'refitting' : q.loading ? 'loading' : 'ready';
  const given = labels ?? summary.summary.labels;

  return (
    <div className="review link-review" data-testid="review" data-state={state} data-current={pair ? pairKey(pair) : ''}>
      <ThresholdControl threshold={threshold} onChange={setThreshold} bins={bins} counts={counts} pending={q.loading} link />
      <div className="review-body">
        <div className="link-queue">
          <div className="segmented link-order" role="radiogroup" aria-label="Pairs to review">
            {(['uncertain', 'links'] as const).map((o) => (
              <label key={o} className={`segment${order === o ? ' on' : ''}`}>
                <input type="radio" name="link-order" checked={order === o} onChange={() => setOrder(o)} data-testid={`link-order-${o}`} />
                {o === 'uncertain' ? 'Least certain' : 'Links kept'}
              </label>
            ))}
          </div>
          <ClusterList items={items} current={current} onSelect={setCurrent} more={order === 'links' ? Math.max(0, Math.min(50, q.total - q.pairs.length)) : 0} onMore={() => setLimit((l) => l + 50)} />
        </div>
        <div className="review-main">
          {q.error ? <div className="error-panel" role="alert">{q.error}</div> : null}
          {pair ? (
            <>
              <header className="review-head">
                <h2 data-testid="review-title">
                  Pair {formatCount(current + 1)} of {formatCount(q.total)}
                </h2>
                <span className="muted">match probability {pair.score.toFixed(2)}</span>
                <ReviewActions onMatch={() => void decide('match')} onNonMatch={() => void decide('nonmatch')} />
              </header>
              <RecordCompare
                records={[
                  { rid: pair.recordA.rid, title: `${dataset.name} · ${pair.recordA.key ?? `row ${pair.recordA.rid}`}` },
                  { rid: -1 - pair.recordB.rid, title: `${other?.name ?? 'B'} · ${pair.recordB.key ?? `row ${pair.recordB.rid}`}` },
                ]}
                rows={rows}
                focus={1}
                onFocus={() => undefined}
                showOther
              />
            </>
          ) : q.loading ? (
            <div className="screen-loading" aria-busy="true" />
          ) : (
            <EmptyState title={order === 'links' ? 'No links at this threshold' : 'Nothing left to review'} testId="review-empty">
              <p>{order === 'links' ? 'No pair scores above the threshold. Lower it, or map other columns in step 1.' : 'Every pair the model was unsure about has a label.'}</p>
            </EmptyState>
          )}
        </div>
      </div>
      <LinkResults
        result={result}
        dataset={dataset}
        other={other}
        threshold={threshold}
        links={counts?.pairs ?? null}
        keyA={summary.summary.config.key ?? null}
        keyB={keyB}
        onAdded={(column) => showNewColumn(dataset, column)}
      />
      <ReviewKeysHelp split={false} labels={given} refitting={refitting} />
    </div>
  );
}

function titleOf(p: PairDetail): string {
  const vals = p.recordA.values.filter((v): v is string => !!v && v.trim() !== '').map((v) => v.trim());
  return vals.slice(0, 2).join(' · ') || `row ${p.recordA.rid}`;
}
