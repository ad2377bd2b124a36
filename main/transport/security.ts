// Security policy both faces share (the Electron window and serve mode): the CSP, the response
// headers, the traversal-safe file join and MIME types. Pure module: neither face imports the other.

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
