// A test-only hook: TIDYSET_TEST_KILL_AT=<point> makes the process SIGKILL itself at that point of a
// multi-phase write, so that crash tests hit every phase exactly instead of by timing.

/** Kills this process (all its threads) with SIGKILL if TIDYSET_TEST_KILL_AT names `point`. */
export function killPoint(point: string): void {
  const at = process.env.TIDYSET_TEST_KILL_AT;
  if (at && at.split(',').includes(point)) process.kill(process.pid, 'SIGKILL');
}
