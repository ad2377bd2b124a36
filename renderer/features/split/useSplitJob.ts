// Runs one split through `jobs.split` (the shared job flow: replace question, progress, cancel) and
// hands back the folder it wrote.
import type { In } from '../../../shared/api/contract';
import { api } from '../../api';
import { useJobFlow } from '../../app/useJobFlow';

export type SplitRequest = In<'jobs.split'>;

export function useSplitJob() {
  return useJobFlow<SplitRequest, { dir: string }>({
    call: (request, force) => api['jobs.split']({ ...request, force }),
    outcome: (end, request) => ({ dir: String((end.outcome as { dir?: unknown } | null)?.dir ?? request.out) }),
    cancelled: 'Split cancelled; nothing was written.',
    failed: 'The split failed.',
  });
}
