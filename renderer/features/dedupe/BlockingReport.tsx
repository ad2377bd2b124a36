// What blocking will compare before a single pair is generated: per key its blocks, the largest block
// and the pairs it yields, with the key that would explode named and capped.
import { formatCount } from '../../components/format';

export interface BlockingKeyInfo {
  name: string;
  blocks: number;
  largest: number;
  pairs: number;
  /** The key's blocks were cut to the cap (or the key dropped): the warning says which. */
  capped: boolean;
  /** A value shared by the largest block, when the engine reports it (`"Smith"`). */
  topValue?: string | null;
}

interface Props {
  keys: BlockingKeyInfo[] | null;
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
      {warnings.map((w) => (
        <div key={w} className="blocking-warning" role="alert" data-testid="blocking-warning">
          <strong>Block too large.</strong> {w}
        </div>
      ))}
      {keys && keys.length > 0 ? (
        <div className="table-wrap blocking-table">
          <table className="table">
            <thead>
              <tr>
                <th>Key</th>
                <th className="num">Blocks</th>
                <th className="num">Largest</th>
                <th className="num">Pairs</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.name} className={k.capped ? 'capped' : undefined} data-testid="blocking-key" data-key={k.name}>
                  <td>
                    <span className="mono">{k.name}</span>
                    {k.capped ? <span className="tag tag-warn">capped</span> : null}
                    {k.topValue ? <div className="sub" title={k.topValue}>largest: “{k.topValue}”</div> : null}
                  </td>
                  <td className="num">{formatCount(k.blocks)}</td>
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
