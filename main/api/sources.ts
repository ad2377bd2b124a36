// Handlers for scanned source files: the list, and a parse preview for the import options dialog.
import path from 'node:path';
import { fileParts } from '../core/ingest/parts';
import { previewFile } from '../core/ingest/preview';
import type { Handlers } from './types';

export const sourceHandlers: Pick<Handlers, 'sources.list' | 'sources.preview' | 'sources.parts'> = {
  'sources.list': async ({ root }, { ws }) => ws.sources.list(root === undefined ? undefined : path.resolve(root)),

  'sources.preview': async ({ path: file, options }, { paths }) => previewFile(paths.check(file, 'read'), options),

  'sources.parts': async ({ path: file }, { paths }) => fileParts(paths.check(file, 'read')),
};
