// Which URLs count as the desktop app's own (app://tidyset/…) and what its window may load. Pure
// module (no electron import) so tests can use it; the policy both faces share is in main/transport/.

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
