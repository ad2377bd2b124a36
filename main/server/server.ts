// Serve mode: the dispatcher and the built renderer over loopback HTTP, behind a per-run token and
// Host/Origin checks, with job events as Server-Sent Events. No framework: node:http only.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Reply } from '../../shared/api/contract';
import { API_HEADER, type ReadyLine } from '../../shared/api/transport';
import { Dispatcher, type ApiEvent } from '../api/dispatch';
import { SECURITY_HEADERS } from '../transport/security';
import { allowedHosts, hostForUrl, hostProblem, isAuthorised, newToken, tokenCookie, tokenMatches } from './guard';
import { defaultStaticDir, serveStatic } from './static';

/** Largest accepted request body (the JSON input of one call). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** A comment line on every event stream this often keeps proxies and tunnels from closing it. */
export const HEARTBEAT_MS = 15_000;

export interface ServeOptions {
  workspaceDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Address to bind; 127.0.0.1 unless the user asked otherwise. */
  host?: string;
  /** Folder of the built renderer (default: dist/renderer). */
  staticDir?: string;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** Data roots: the only folders the API may list, read or write (default: the current folder). */
  roots?: readonly string[];
}

export interface RunningServer extends ReadyLine {
  dispatcher: Dispatcher;
  /** Closes the listener and event streams, cancels running jobs and closes the workspace. */
  close(): Promise<void>;
}

const UNAUTHORISED_PAGE =
  'Tidyset: not authorised.\n\nOpen the URL that `tidyset serve` printed (it carries the access token), ' +
  'or send the token as "Authorization: Bearer <token>".\n';

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

function apiError(code: string, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

/**
 * True if an API call proves it comes from a script of this origin: the X-Tidyset header or a JSON
 * content type, neither of which a cross-site form or a no-cors request can send. Defence in depth
 * behind the token cookie's SameSite=Strict and the Origin check.
 */
export function isScriptedCall(req: IncomingMessage): boolean {
  if (req.headers[API_HEADER.toLowerCase()] === '1') return true;
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * Reads a request body up to `limit` bytes; resolves null once it is known to be larger, and
 * 'aborted' when the client went away mid-body (an ordinary event, not an error worth a stack).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null | 'aborted'> {
  return new Promise((resolve) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        resolve(null);
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // Settles once: after 'end' these do nothing.
    req.on('error', () => resolve('aborted'));
    req.on('close', () => resolve('aborted'));
  });
}

/** Starts serve mode and resolves once it listens. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const bindHost = opts.host ?? '127.0.0.1';
  const token = opts.token ?? newToken();
  const staticDir = opts.staticDir ?? defaultStaticDir();
  const dispatcher = new Dispatcher({ workspaceDir: opts.workspaceDir, face: 'serve', roots: opts.roots ?? [process.cwd()] });
  const streams = new Set<ServerResponse>();
  let hosts = new Set<string>();

  async function handleCall(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'aborted') return void res.destroy();
    if (body === null) {
      // Stop reading an oversized upload: answer, then drop the connection.
      sendJson(res, 413, apiError('BAD_INPUT', `request body is larger than ${MAX_BODY_BYTES} bytes`), { Connection: 'close' });
      res.on('finish', () => req.destroy());
      return;
    }
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch (e) {
        return sendJson(res, 400, apiError('BAD_INPUT', `request body is not valid JSON: ${(e as Error).message}`));
      }
    }
    sendJson(res, 200, await dispatcher.dispatch(method, input));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write(': connected\n\n');
    streams.add(res);
    const off = dispatcher.onEvent((e: ApiEvent) => res.write(`event: ${e.name}\ndata: ${JSON.stringify(e.payload)}\n\n`));
    const beat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const stop = () => {
      clearInterval(beat);
      off();
      streams.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    let url: URL;
    try {
      // Concatenated, not resolved: a request target like `//other/x` must stay a path, not become a host.
      url = new URL(`http://placeholder${(req.url ?? '/').startsWith('/') ? req.url : '/'}`);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('Bad request\n');
    }
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    if (isApi) res.setHeader('Cache-Control', 'no-store');
    const forbidden = hostProblem(req, hosts);
    if (forbidden) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(`Forbidden: ${forbidden}.\n`);
    }
    if (req.method === 'GET' && url.searchParams.has('token')) {
      if (!tokenMatches(url.searchParams.get('token'), token)) {
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' });
        return void res.end(UNAUTHORISED_PAGE);
      }
      // Move the token from the URL (history, screenshots) into an HttpOnly cookie.
      url.searchParams.delete('token');
      // One leading slash only: `//host` in Location would be an open redirect to another site.
      const location = '/' + url.pathname.replace(/^[/\\]+/, '') + url.search;
      res.writeHead(302, { 'Set-Cookie': tokenCookie(token, port), Location: location, 'Cache-Control': 'no-store' });
      return void res.end();
    }
    if (!isAuthorised(req, token, port)) {
      if (isApi) return sendJson(res, 401, apiError('UNAUTHORIZED', 'missing or wrong token; open the URL printed by `tidyset serve`'));
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(UNAUTHORISED_PAGE);
    }
    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return sendJson(res, 405, apiError('BAD_INPUT', 'use POST for /api/call/<method>'), { Allow: 'POST' });
      if (!isScriptedCall(req)) {
        return sendJson(res, 403, apiError('UNAUTHORIZED', `API calls need the header "${API_HEADER}: 1" or "Content-Type: application/json"`), { Connection: 'close' });
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      } catch {
        method = url.pathname.slice('/api/call/'.length);
      }
      return handleCall(req, res, method);
    }
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendJson(res, 405, apiError('BAD_INPUT', 'use GET for /api/events'), { Allow: 'GET' });
      return handleEvents(req, res);
    }
    if (isApi) return sendJson(res, 404, apiError('NOT_FOUND', `no such endpoint ${url.pathname}`));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('Method not allowed\n');
    }
    serveStatic(req, res, staticDir);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      process.stderr.write(`tidyset serve: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      if (!res.headersSent) sendJson(res, 500, apiError('INTERNAL', 'internal server error'));
      else res.destroy();
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, bindHost, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await dispatcher.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(bindHost, port);
  const shownHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost;
  const url = `http://${hostForUrl(shownHost)}:${port}/?token=${token}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      for (const s of streams) s.end();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([stopped, dispatcher.close()]);
    })());

  return { url, port, host: bindHost, token, roots: dispatcher.roots, dispatcher, close };
}
