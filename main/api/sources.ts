// Handlers for scanned source files: the list, and a parse preview for the import options dialog.
import path from 'node:path';
import { previewFile } from '../core/ingest/preview';
import type { Handlers } from './types';

export const sourceHandlers: Pick<Handlers, 'sources.list' | 'sources.preview'> = {
  'sources.list': async ({ root }, { ws }) => ws.sources.list(root === undefined ? undefined : path.resolve(root)),

  'sources.preview': async ({ path: file, options }) => previewFile(file, options),
};
