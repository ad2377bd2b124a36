// Handlers of export protection and k-anonymity (protect.*): the same engine functions as `tidyset kanon` and `tidyset secret`.
import type { KanonResultInfo } from '../../shared/api/protect';
import { protectionOverview } from '../core/protect/overview';
import { setTagAction } from '../core/protect/tagStore';
import { rotateSecret } from '../core/protect/secret';
import type { Handlers } from './types';

type ProtectMethods = 'protect.get' | 'protect.setAction' | 'protect.rotateSecret' | 'protect.kanon';

export const protectHandlers: Pick<Handlers, ProtectMethods> = {
  'protect.get': async ({ dataset }, { ws }) => protectionOverview(ws, dataset),
  'protect.setAction': async ({ dataset, column, action }, ctx) => {
    setTagAction(ctx.ws, dataset, column, action);
    ctx.datasetsChanged(ctx.ws.datasets.get(dataset).name);
    return protectionOverview(ctx.ws, dataset);
  },
  'protect.rotateSecret': async ({ replaceLost }, { ws }) => {
    const s = rotateSecret(ws, { replaceLost });
    return { ok: s.ok, problem: s.problem, current: s.current, retired: s.retired };
  },
  /** A GROUP BY over the whole dataset: in the reader thread, so grid pages keep coming meanwhile. */
  'protect.kanon': async (input, { ws, reader }) => reader.run<KanonResultInfo>({ kind: 'protect.kanon', dataset: ws.datasets.get(input.dataset).name, input }),
};
