// A load per key that never leaves stale data behind: a call while that key's load runs makes it run
// once more after (the running one may have read from before the change that prompted the call), and
// every caller's promise resolves once a load that started after its call has finished.

export function createReloader<K>(load: (key: K) => Promise<void>): (key: K) => Promise<void> {
  const running = new Map<K, Promise<void>>();
  const again = new Set<K>();
  return (key: K) => {
    const current = running.get(key);
    if (current) {
      again.add(key);
      return current;
    }
    const run = (async () => {
      try {
        do {
          again.delete(key);
          await load(key);
        } while (again.has(key));
      } finally {
        running.delete(key);
        again.delete(key);
      }
    })();
    running.set(key, run);
    return run;
  };
}
