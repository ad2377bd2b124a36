// State of the scan dialog: pick a folder, scan it as a job, list what was found, import the picked files.
import { useMemo, useState } from 'react';
import type { Source } from '../../../shared/api/catalog';
import type { JobInfo } from '../../../shared/api/contract';
import { api, errorMessage } from '../../api';
import { datasetsStore, refreshDatasets } from '../../app/useDatasets';
import { putJob, useJobs, whenJobEnds } from '../../app/useJobs';
import type { ImportOverrides } from './ImportOptionsDialog';
import { defaultSelection } from './importedAs';

export type Phase = 'pick' | 'scanning' | 'results';

export interface ImportRun {
  file: string;
  jobId: string;
  skip: boolean;
}

export function useScanFlow() {
  const jobs = useJobs();
  const [path, setPath] = useState('');
  const [includeHidden, setIncludeHidden] = useState(false);
  const [phase, setPhase] = useState<Phase>('pick');
  const [scanJobId, setScanJobId] = useState<string | null>(null);
  const [root, setRoot] = useState<string | null>(null);
  const [sources, setSources] = useState<Source[]>([]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [skipMalformed, setSkipMalformed] = useState(false);
  const [imports, setImports] = useState<ImportRun[]>([]);
  /** Per-file overrides of how a file is read (name, encoding, delimiter, header), by path. */
  const [overrides, setOverrides] = useState<ReadonlyMap<string, ImportOverrides>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const jobById = useMemo(() => new Map(jobs.map((j) => [j.id, j])), [jobs]);
  const scanJob = scanJobId ? (jobById.get(scanJobId) ?? null) : null;

  const loadSources = async (r: string) => {
    const [list] = await Promise.all([api['sources.list']({ root: r }), refreshDatasets()]);
    list.sort((a, b) => a.path.localeCompare(b.path));
    setSources(list);
    // Files imported already and unchanged since stay unticked: importing them again would only make copies.
    setSelected(defaultSelection(list, datasetsStore.get().list));
    setOverrides(new Map());
  };

  const scan = async () => {
    const target = path.trim();
    if (!target) return;
    setError(null);
    setImports([]);
    let job: JobInfo;
    try {
      job = await api['jobs.scan']({ root: target, includeHidden });
    } catch (e) {
      setError(errorMessage(e));
      return;
    }
    putJob(job);
    setScanJobId(job.id);
    setRoot(target);
    setPhase('scanning');
    const end = await whenJobEnds(job);
    if (end.state === 'failed') {
      setError(end.error?.message ?? 'The scan failed');
      setPhase('pick');
      return;
    }
    if (end.state === 'cancelled') {
      setPhase('pick');
      return;
    }
    try {
      await loadSources(target);
      setPhase('results');
    } catch (e) {
      setError(errorMessage(e));
      setPhase('pick');
    }
  };

  const cancelScan = () => {
    if (scanJobId) api['jobs.cancel']({ id: scanJobId }).catch((e) => setError(errorMessage(e)));
  };

  const toggle = (file: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(file);
      else next.delete(file);
      return next;
    });

  const setOverride = (file: string, o: ImportOverrides | undefined) =>
    setOverrides((prev) => {
      const next = new Map(prev);
      if (o) next.set(file, o);
      else next.delete(file);
      return next;
    });

  const setAll = (on: boolean) => setSelected(new Set(on ? sources.filter((s) => s.importable).map((s) => s.path) : []));

  const importSelected = async () => {
    const files = sources.filter((s) => s.importable && selected.has(s.path)).map((s) => s.path);
    if (files.length === 0) return;
    setError(null);
    const skip = skipMalformed;
    try {
      const started = await api['jobs.import']({ files: files.map((f) => ({ path: f, options: { ...overrides.get(f), onError: skip ? 'skip' : 'stop' } })) });
      started.forEach(putJob);
      const runs = started.map((j, i) => ({ file: files[i]!, jobId: j.id, skip }));
      setImports((prev) => [...runs, ...prev.filter((p) => !files.includes(p.file))]);
      setSelected(new Set());
      await Promise.all(started.map(whenJobEnds));
      await refreshDatasets();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const browse = () => setPhase('pick');

  return {
    path, setPath, includeHidden, setIncludeHidden, phase, scanJob, root, sources, selected, toggle, setAll,
    skipMalformed, setSkipMalformed, overrides, setOverride, imports, jobById, error, scan, cancelScan, importSelected, browse,
  };
}
