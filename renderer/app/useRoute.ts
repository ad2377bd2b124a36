// Hash routing: `#/` is the catalog, `#/d/<dataset name>` a dataset, `#/d/<name>/duplicates` and
// `#/d/<name>/link` its Find duplicates and Link screens, `#/privacy` the Privacy screen.
import { useSyncExternalStore } from 'react';

export type Route = { name: 'catalog' } | { name: 'dataset'; dataset: string } | { name: 'dedupe'; dataset: string; mode: 'duplicates' | 'link' } | { name: 'privacy' };

function parse(hash: string): Route {
  if (hash === '#/privacy') return { name: 'privacy' };
  const sub = /^#\/d\/([^/]+)\/(duplicates|link)$/.exec(hash);
  if (sub) {
    try {
      return { name: 'dedupe', dataset: decodeURIComponent(sub[1]!), mode: sub[2] as 'duplicates' | 'link' };
    } catch {
      return { name: 'catalog' };
    }
  }
  const m = /^#\/d\/(.+)$/.exec(hash);
  if (m) {
    try {
      return { name: 'dataset', dataset: decodeURIComponent(m[1]!) };
    } catch {
      return { name: 'catalog' };
    }
  }
  return { name: 'catalog' };
}

export function routeHref(route: Route): string {
  if (route.name === 'privacy') return '#/privacy';
  if (route.name === 'dedupe') return `#/d/${encodeURIComponent(route.dataset)}/${route.mode}`;
  return route.name === 'dataset' ? `#/d/${encodeURIComponent(route.dataset)}` : '#/';
}

/** Goes to a route; `replace` keeps the back button from returning to a stale name after a rename. */
export function navigate(route: Route, replace = false): void {
  const href = routeHref(route);
  if (replace) {
    history.replaceState(null, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = href.slice(1);
  }
}

function subscribe(fn: () => void): () => void {
  window.addEventListener('hashchange', fn);
  return () => window.removeEventListener('hashchange', fn);
}

let cachedHash: string | null = null;
let cachedRoute: Route = { name: 'catalog' };
function snapshot(): Route {
  if (location.hash !== cachedHash) {
    cachedHash = location.hash;
    cachedRoute = parse(location.hash);
  }
  return cachedRoute;
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
