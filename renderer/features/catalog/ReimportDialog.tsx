// "Re-import with other options": the import options dialog on a dataset's source file; the new import replaces the dataset on success.
import type { Dataset, Source } from '../../../shared/api/catalog';
import { api, errorMessage } from '../../api';
import { refreshDatasets } from '../../app/useDatasets';
import { putJob, whenJobEnds } from '../../app/useJobs';
import { toast } from '../../components/toastStore';
import { ImportOptionsDialog, type ImportOverrides } from './ImportOptionsDialog';

/** The dataset's source as the options dialog knows a scanned file (what the last import used counts as detected). */
function sourceOf(d: Dataset): Source {
  const s = d.source;
  return {
    id: s.id ?? -1, path: s.path ?? '', size: s.size ?? 0, mtimeMs: 0, sha256: s.sha256, format: s.format, importable: true,
    encoding: s.encoding, bom: false, delimiter: s.delimiter, quote: s.quote, header: s.header, lineCount: null,
    columns: null, status: 'ok', error: null, duplicateOf: null, scannedAt: '', notes: [],
  };
}

/** Starts the re-import; progress and Cancel are in the jobs panel, the outcome comes as a toast. */
async function reimport(dataset: string, o: ImportOverrides | undefined): Promise<void> {
  const { name: _name, ...options } = o ?? {};
  try {
    const job = await api['jobs.reimport']({ dataset, options });
    putJob(job);
    const end = await whenJobEnds(job);
    await refreshDatasets();
    if (end.state === 'done') toast('info', `Re-imported ${dataset}`);
    else if (end.state === 'failed') toast('error', `Re-import failed; ${dataset} is unchanged: ${end.error?.message ?? 'failed'}`);
    else toast('info', `Re-import cancelled; ${dataset} is unchanged`);
  } catch (e) {
    toast('error', errorMessage(e));
  }
}

export function ReimportDialog({ dataset, onClose }: { dataset: Dataset; onClose: () => void }) {
  const source = sourceOf(dataset);
  return (
    <ImportOptionsDialog
      source={source}
      value={undefined}
      reimport={{ dataset: dataset.name }}
      onSave={(o) => void reimport(dataset.name, o)}
      onClose={onClose}
    />
  );
}
