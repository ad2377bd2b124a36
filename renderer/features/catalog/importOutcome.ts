// Reads what an import job produced from its loosely typed `outcome`, with a fallback by source path.
import type { Dataset } from '../../../shared/api/catalog';
import type { JobInfo } from '../../../shared/api/contract';

/** The dataset name an import job created, if the job says so. */
export function importedDatasetName(job: JobInfo): string | null {
  const o = job.outcome ?? null;
  if (!o) return null;
  const d = o['dataset'];
  if (typeof d === 'string') return d;
  if (d && typeof d === 'object' && typeof (d as { name?: unknown }).name === 'string') return (d as { name: string }).name;
  if (typeof o['name'] === 'string') return o['name'];
  return null;
}

/** The dataset an import of `file` produced: by the job's outcome, else the newest dataset from that file. */
export function findImported(job: JobInfo, file: string, list: Dataset[]): Dataset | undefined {
  const name = importedDatasetName(job);
  if (name) {
    const d = list.find((x) => x.name === name);
    if (d) return d;
  }
  const fromFile = list.filter((x) => x.source.path === file);
  return fromFile.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
