// The shape every domain handler file fills in: one async function per contract method, given parsed input.
import type { z } from 'zod';
import type { Contract, Method, Out } from '../../shared/api/contract';
import type { Workspace } from '../core/workspace';
import type { JobManager } from './jobManager';
import type { DataRoots } from './paths';
import type { Reader } from './reader';

/** Which face the dispatcher serves; `app.info` reports it. */
export type Face = 'electron' | 'serve' | 'test';

/** What a handler gets besides its input: the open workspace and the job manager. */
export interface HandlerContext {
  ws: Workspace;
  jobs: JobManager;
  face: Face;
  /**
   * The data roots. Every path a caller hands in goes through `paths.check(p, purpose)` — purpose
   * 'list' (fs.list), 'read' (jobs.scan, jobs.import) or 'write' (export destinations) — which returns
   * the resolved real path to use instead, or throws FORBIDDEN_PATH.
   */
  paths: DataRoots;
  /** The reader thread: heavy reads (scanning or sorting pages, facets, previews) run there, off the request thread. */
  reader: Reader;
  /** Opens a native folder dialog (desktop only); resolves with the picked folder or null. */
  pickFolder?: () => Promise<string | null>;
  /** Tells subscribers that a dataset (or, with null, the list) changed. */
  datasetsChanged(dataset: string | null): void;
}

/** Parsed (defaults applied) input of a method. */
export type ParsedIn<M extends Method> = z.output<Contract[M]['input']>;

/** Every contract method's handler; the compiler checks none is missing. */
export type Handlers = { [M in Method]: (input: ParsedIn<M>, ctx: HandlerContext) => Promise<Out<M>> };
