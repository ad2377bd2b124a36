// Asks `ops.preview` what a value operation would change, again each time the operation is edited
// (debounced); an answer to an older version of the operation is dropped.
import { useEffect, useState } from 'react';
import type { Out } from '../../../shared/api/contract';
import type { OpInput } from '../../../shared/ops/schema';
import { api, errorMessage } from '../../api';

export type Preview = Out<'ops.preview'>;
export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading'; last: Preview | null }
  | { status: 'ready'; result: Preview }
  | { status: 'error'; message: string };

const DEBOUNCE_MS = 160;
export const PREVIEW_ROWS = 20;

export function usePreview(dataset: string, op: OpInput | null): PreviewState {
  const key = op ? JSON.stringify(op) : '';
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  useEffect(() => {
    if (!op) {
      setState({ status: 'idle' });
      return;
    }
    let stale = false;
    setState((s) => ({ status: 'loading', last: s.status === 'ready' ? s.result : s.status === 'loading' ? s.last : null }));
    const t = window.setTimeout(() => {
      api['ops.preview']({ dataset, op, limit: PREVIEW_ROWS }).then(
        (result) => !stale && setState({ status: 'ready', result }),
        (e) => !stale && setState({ status: 'error', message: errorMessage(e) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
    // The key stands for the operation: a new object with the same content must not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataset, key]);
  return state;
}
