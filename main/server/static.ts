// Serves the built renderer (dist/renderer) read-only: known MIME types, no directory traversal.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { mimeType, safeJoin } from '../transport/security';

/** The renderer folder: dist/renderer next to the bundle (dist/main) or below the repo (sources under tsx). */
export function defaultStaticDir(baseDir: string = __dirname): string {
  const bundled = path.join(baseDir, '..', 'renderer');
  return existsSync(path.join(bundled, 'index.html')) ? bundled : path.join(baseDir, '..', '..', 'dist', 'renderer');
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

/** Answers a GET/HEAD for a file under `root`; traversal attempts get 403, missing files 404. */
export function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): void {
  const rawPath = (req.url ?? '/').split('?')[0]!.split('#')[0]!;
  const file = safeJoin(path.resolve(root), rawPath, path.sep);
  if (file === null) return plain(res, 403, 'Forbidden');
  let st;
  try {
    st = statSync(file);
  } catch {
    if (path.basename(file) === 'index.html' && rawPath === '/') return plain(res, 404, 'The renderer is not built: run `npm run build`.');
    return plain(res, 404, 'Not found');
  }
  if (!st.isFile()) return plain(res, 404, 'Not found');
  res.writeHead(200, { 'Content-Type': mimeType(file), 'Content-Length': st.size, 'Cache-Control': 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
