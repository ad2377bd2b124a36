// Handlers for scanned source files.
import path from 'node:path';
import type { Handlers } from './types';

export const sourceHandlers: Pick<Handlers, 'sources.list'> = {
  'sources.list': async ({ root }, { ws }) => ws.sources.list(root === undefined ? undefined : path.resolve(root)),
};
