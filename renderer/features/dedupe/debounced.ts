// A load started after a pause, for effects that follow a slider or typing: the returned cleanup
// cancels it if it has not started and marks its reply stale if it has.

/** Runs `load` after `ms`; `stale()` tells it, after each await, whether its reply still matters. */
export function debounced(ms: number, load: (stale: () => boolean) => Promise<void>): () => void {
  let stale = false;
  const t = window.setTimeout(() => void load(() => stale), ms);
  return () => {
    stale = true;
    window.clearTimeout(t);
  };
}
