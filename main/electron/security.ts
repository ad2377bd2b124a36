// Security policy shared by the Electron shell and serve mode: the CSP, response headers, and which
// URLs count as the app's own. Pure module (no electron import) so the server and tests can use it.

/** The Content-Security-Policy of every page Tidyset serves, in the window and over loopback HTTP. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers on every response of either face. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** The custom scheme and host the desktop window loads the renderer from (`app://tidyset/index.html`). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tidyset';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL of the app's own files (`app://tidyset/…`); everything else is foreign. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/**
 * Whether the window may load `url` at all: the app's own files, inline data/blob URLs (images the
 * CSP already allows), and DevTools in development. Everything else — http(s), file, ws — is blocked.
 */
export function isAllowedRequest(url: string, dev = false): boolean {
  if (isAppUrl(url)) return true;
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return dev && (u.protocol === 'devtools:' || u.protocol === 'chrome-devtools:');
}

/**
 * The file under `root` that a URL path names ('/' is index.html), or null when the path must be
 * refused: a `..` segment (raw or percent-encoded), a NUL byte, malformed escapes, or a resolved
 * path outside root. Used by the app:// protocol and by serve mode's static files.
 */
export function safeJoin(root: string, urlPath: string, sep: string = '/'): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const segments = decoded.split(/[/\\]+/).filter(Boolean);
  if (decoded.includes('\0') || segments.includes('..') || segments.some((s) => /^[a-zA-Z]:$/.test(s))) return null;
  const base = root.replace(/[/\\]+$/, '');
  const rel = segments.length === 0 ? 'index.html' : segments.join(sep);
  const file = `${base}${sep}${rel}`;
  return file.startsWith(base + sep) ? file : null;
}

const MIME: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  wasm: 'application/wasm',
};

/** The MIME type of a file by extension; unknown ones are opaque bytes (and nosniff keeps them so). */
export function mimeType(file: string): string {
  const dot = file.lastIndexOf('.');
  return (dot >= 0 && MIME[file.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}
