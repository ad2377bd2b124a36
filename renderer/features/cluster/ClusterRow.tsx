// One cluster in the dialog: a merge checkbox, its values with their row counts (click one to make it
// the new value), and the new value itself, editable.
import type { Cluster } from '../../../shared/api/cluster';
import { formatCount } from '../../components/format';
import { ValueText } from '../../components/ValueText';

/** Characters of a value shown; the rest is cut (a cell may hold megabytes). */
const SHOWN = 300;

const shown = (v: string) => (v.length > SHOWN ? `${v.slice(0, SHOWN)}…` : v);

interface Props {
  index: number;
  cluster: Cluster;
  selected: boolean;
  to: string;
  onSelect: (on: boolean) => void;
  onTo: (to: string) => void;
}

export function ClusterRow({ index, cluster, selected, to, onSelect, onTo }: Props) {
  const rows = cluster.values.reduce((s, v) => s + v.count, 0);
  const label = `cluster ${index + 1}`;
  return (
    <tr className={selected ? 'cluster-row cluster-on' : 'cluster-row'} data-testid="cluster" data-index={index}>
      <td className="cluster-check">
        <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Merge ${label}`} data-testid="cluster-merge" />
      </td>
      <td className="cluster-values">
        <ul>
          {cluster.values.map((v) => (
            <li key={v.value}>
              <button type="button" className="cluster-value" onClick={() => onTo(v.value)} title="Use this value" data-testid="cluster-value">
                <ValueText value={shown(v.value)} />
              </button>
              <span className="cluster-count">{formatCount(v.count)}</span>
            </li>
          ))}
        </ul>
      </td>
      <td className="cluster-rows">
        {formatCount(cluster.values.length)} values
        <br />
        <span className="muted">{formatCount(rows)} rows</span>
      </td>
      <td className="cluster-to">
        <input className="input" value={to} onChange={(e) => onTo(e.target.value)} aria-label={`New value of ${label}`} data-testid="cluster-to" />
      </td>
    </tr>
  );
}
