// Entry of the reader thread (see reader.ts): opens the workspace without maintenance, keeps its own
// read-only grid connections, and answers one read at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { Filter, RowsPageIn } from '../../shared/api/contract';
import { previewOp } from '../core/clean/engine';
import { blankFacet, numericFacet, textFacet, typeFacet } from '../core/clean/facets';
import { TidysetError, fileSystemError } from '../core/errors';
import { closeDataset, pageRows, useReadOnlyConnections } from '../core/rows/query';
import { kAnonymity, type KanonOptions } from '../core/protect/kanon';
import { Workspace } from '../core/workspace';
import { searchSubject } from '../core/protect/erase/search';
import { planSplit } from '../core/split/plan';
import { splitLeakage } from '../core/split/splitDataset';
import type { SplitSpec } from '../../shared/api/split';
import type { ReaderCall, ReaderData, ReaderReply, ReaderRequest } from './reader';

useReadOnlyConnections();
const ws = Workspace.open((workerData as ReaderData).workspaceDir, { maintenance: false });

type FacetIn = { column: string; filters: Filter[]; sort?: 'count' | 'value'; limit?: number; bins?: number };

function run(call: ReaderCall): unknown {
  switch (call.kind) {
    case 'rows.page':
      return pageRows(ws, call.ds, call.input as RowsPageIn);
    case 'facets.text': {
      const i = call.input as FacetIn;
      return textFacet(ws, call.ds, i.column, i.filters, i.sort, i.limit);
    }
    case 'facets.numeric': {
      const i = call.input as FacetIn;
      return numericFacet(ws, call.ds, i.column, i.filters, i.bins);
    }
    case 'facets.blank': {
      const i = call.input as FacetIn;
      return blankFacet(ws, call.ds, i.column, i.filters);
    }
    case 'facets.type': {
      const i = call.input as FacetIn;
      return typeFacet(ws, call.ds, i.column, i.filters);
    }
    case 'ops.preview': {
      const i = call.input as { op: unknown; limit: number };
      return previewOp(ws, call.dataset, i.op, i.limit);
    }
    case 'erase.search':
      return searchSubject(ws, call.input as Parameters<typeof searchSubject>[1]);
    case 'split.preview':
      return planSplit(ws, call.input as SplitSpec).preview;
    case 'split.leakage':
      return splitLeakage(ws, call.input as SplitSpec);
    case 'protect.kanon':
      return kAnonymity(ws, { ...(call.input as Omit<KanonOptions, 'dataset'>), dataset: call.dataset });
  }
}

function reply(id: number, e: unknown): ReaderReply {
  const u = e instanceof TidysetError ? e : fileSystemError(e);
  if (u) return { id, ok: false, code: u.code, message: u.message };
  process.stderr.write(`tidyset: internal error in the reader thread: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return { id, ok: false, code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

parentPort!.on('message', (m: ReaderRequest) => {
  try {
    if ('close' in m) {
      const ds = { file: m.close } as Parameters<typeof closeDataset>[1];
      closeDataset(ws, ds);
      parentPort!.postMessage({ id: m.id, ok: true, value: null } satisfies ReaderReply);
    } else {
      parentPort!.postMessage({ id: m.id, ok: true, value: run(m.call) } satisfies ReaderReply);
    }
  } catch (e) {
    parentPort!.postMessage(reply(m.id, e));
  }
});
