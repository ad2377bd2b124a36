// What blocking will compare before a single pair is generated: per key its blocks, the largest block
// and the pairs it yields, with the key that would explode named and capped.
import type { BlockKey } from '../../../shared/api/dedupe';
import { formatCount } from '../../components/format';

const KIND_LABELS: Record<BlockKey['kind'], string> = {
  exact: 'same value',
  prefix: 'same prefix',
  phonetic: 'sounds alike',
  sortedNeighbourhood: 'sorted neighbourhood',
  token: 'shared word',
};

interface Props {
  keys: BlockKey[] | null;
  /** Distinct candidate pairs after the keys are combined and capped. */
  comparisons: number | null;
  warnings: string[];
  loading: boolean;
  error: string | null;
  /** Pairs a full comparison would take (n·(n−1)/2), to show what blocking saves. */
  allPairs: number;
}

export function BlockingReport({ keys, comparisons, warnings, loading, error, allPairs }: Props) {
  return (
    <section className="blocking" aria-label="Blocking" data-testid="blocking-report" data-loading={loading ? 'true' : 'false'}>
      <header className="blocking-head">
        <h3>Blocking</h3>
        {loading ? <span className="spinner" aria-label="Counting blocks" /> : null}
        <span className="spacer" />
        {comparisons !== null ? (
          <span className="blocking-total" data-testid="blocking-comparisons">
            {formatCount(comparisons)} comparisons
            {allPairs > 0 ? <span className="muted"> of {formatCount(allPairs)} possible</span> : null}
          </span>
        ) : null}
      </header>
      {error ? <div className="error-panel" role="alert">{error}</div> : null}
      {warnings.length > 0 ? (
        <div className="blocking-warning" role="alert" data-testid="blocking-warnings">
          <strong>{warnings.length === 1 ? 'Warning' : `${warnings.length} warnings`}</strong>
          <ul>
            {warnings.map((w) => (
              <li key={w} data-testid="blocking-warning">
                {w}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {keys && keys.length > 0 ? (
        <div className="table-wrap blocking-table">
          <table className="table">
            <thead>
              <tr>
                <th>Key</th>
                <th className="num blocks-col">Blocks</th>
                <th className="num">Largest</th>
                <th className="num">Pairs</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.key} className={k.cappedBlocks > 0 ? 'capped' : undefined} data-testid="blocking-key" data-key={k.key}>
                  <td>
                    <span className="blocking-key" title={k.key}>
                      {KIND_LABELS[k.kind]}
                    </span>
                    {k.cappedBlocks > 0 ? (
                      <span className="tag tag-warn" title={`${formatCount(k.cappedBlocks)} blocks (${formatCount(k.cappedRecords)} records) not expanded; they would give ${formatCount(k.pairsIfUncapped)} pairs`}>
                        capped
                      </span>
                    ) : null}
                    <div className="sub blocking-cols" title={k.columns.join(', ')}>
                      {k.columns.join(', ')}
                    </div>
                    {k.largestValue ? (
                      <div className="sub" title={k.largestValue}>
                        largest: “{k.largestValue}”
                      </div>
                    ) : null}
                  </td>
                  <td className="num blocks-col">{formatCount(k.blocks)}</td>
                  <td className="num">{formatCount(k.largest)}</td>
                  <td className="num">{formatCount(k.pairs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : !loading && !error ? (
        <p className="muted blocking-empty">Choose at least one column to compare; blocking keys are built from it.</p>
      ) : null}
    </section>
  );
}
