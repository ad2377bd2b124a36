// A written split, read back from its folder: the parts with rows and hashes, the leakage result,
// a fresh verification of every file, DATASHEET.md and manifest.json.
import { useEffect, useState } from 'react';
import type { Out } from '../../../shared/api/contract';
import { api, errorMessage } from '../../api';
import { formatBytes, formatCount } from '../../components/format';

type Read = Out<'split.read'>;
interface Part { name: string; file: string; rows: number; bytes: number; sha256: string; groups: number | null }

export function SplitResult({ dir }: { dir: string }) {
  const [read, setRead] = useState<Read | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<'datasheet' | 'manifest'>('datasheet');
  useEffect(() => {
    api['split.read']({ dir }).then(setRead, (e: unknown) => setError(errorMessage(e)));
  }, [dir]);
  if (error) return <div className="error-panel" role="alert">{error}</div>;
  if (!read) return <div className="muted">Reading the manifest…</div>;
  const parts = read.manifest.parts as Part[];
  const leakage = read.manifest.leakage as { clean: boolean };
  return (
    <div className="split-result" data-testid="split-result">
      <p className="export-done">Wrote {parts.length} parts, DATASHEET.md and manifest.json to <span className="mono">{dir}</span></p>
      <div className={leakage.clean ? 'split-leak-summary ok' : 'split-leak-summary bad'} data-testid="result-leakage">
        {leakage.clean ? 'No leakage found between the parts.' : 'Leakage found between the parts — see the datasheet.'}
      </div>
      <table className="export-files">
        <thead>
          <tr><th>part</th><th>file</th><th className="num">rows</th><th className="num">groups</th><th className="num">size</th><th>SHA-256</th><th>verify</th></tr>
        </thead>
        <tbody>
          {parts.map((p) => {
            const v = read.verify.files.find((f) => f.path === p.file);
            return (
              <tr key={p.name}>
                <td>{p.name}</td>
                <td className="mono">{p.file}</td>
                <td className="num">{formatCount(p.rows)}</td>
                <td className="num">{p.groups === null ? '' : formatCount(p.groups)}</td>
                <td className="num">{formatBytes(p.bytes)}</td>
                <td className="mono" title={p.sha256}>{p.sha256.slice(0, 16)}…</td>
                <td data-testid={`verify-${p.name}`}>{v?.status ?? '?'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="split-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'datasheet'} className={`button button-secondary${tab === 'datasheet' ? ' pressed' : ''}`} onClick={() => setTab('datasheet')} data-testid="tab-datasheet">DATASHEET.md</button>
        <button type="button" role="tab" aria-selected={tab === 'manifest'} className={`button button-secondary${tab === 'manifest' ? ' pressed' : ''}`} onClick={() => setTab('manifest')} data-testid="tab-manifest">manifest.json</button>
      </div>
      <pre className="split-doc" data-testid={tab === 'datasheet' ? 'split-datasheet' : 'split-manifest'}>
        {tab === 'datasheet' ? read.datasheet : JSON.stringify(read.manifest, null, 2)}
      </pre>
    </div>
  );
}
