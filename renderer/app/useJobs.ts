// Background jobs as the server reports them: seeded by `jobs.list`, updated by progress and end events.
import { useEffect } from 'react';
import type { JobInfo } from '../../shared/api/contract';
import { api } from '../api';
import { createStore, useStore } from './store';

/** Jobs by id, newest first. */
export const jobsStore = createStore<JobInfo[]>([]);
const endWaiters = new Map<string, Set<(job: JobInfo) => void>>();

/** Records a job the UI just started (the reply of `jobs.*`) or an event about one. */
export function putJob(job: JobInfo): void {
  jobsStore.set((list) => {
    const i = list.findIndex((j) => j.id === job.id);
    // An out-of-order progress event must not resurrect a job that already ended.
    if (i >= 0 && list[i]!.state !== 'running' && job.state === 'running') return list;
    const next = i < 0 ? [job, ...list] : list.map((j, k) => (k === i ? job : j));
    return next;
  });
  if (job.state !== 'running') {
    const waiters = endWaiters.get(job.id);
    endWaiters.delete(job.id);
    for (const fn of waiters ?? []) fn(job);
  }
}

/** Resolves when the job ends (done, failed or cancelled), at once if it already has. */
export function whenJobEnds(job: JobInfo): Promise<JobInfo> {
  const known = jobsStore.get().find((j) => j.id === job.id) ?? job;
  if (known.state !== 'running') return Promise.resolve(known);
  return new Promise((resolve) => {
    let set = endWaiters.get(job.id);
    if (!set) endWaiters.set(job.id, (set = new Set()));
    set.add(resolve);
  });
}

/** Hides finished jobs from the jobs area. */
export function clearFinishedJobs(): void {
  jobsStore.set((list) => list.filter((j) => j.state === 'running'));
}

/** While jobs run, re-reads them now and then: an event lost to a dropped connection must not leave a job spinning. */
const POLL_MS = 3000;
let poll: number | null = null;
function syncPolling(): void {
  const running = jobsStore.get().some((j) => j.state === 'running');
  if (running && poll === null) {
    poll = window.setInterval(() => {
      const ids = new Set(jobsStore.get().filter((j) => j.state === 'running').map((j) => j.id));
      api['jobs.list']({}).then(
        (list) => list.filter((j) => ids.has(j.id)).forEach(putJob),
        () => undefined,
      );
    }, POLL_MS);
  } else if (!running && poll !== null) {
    window.clearInterval(poll);
    poll = null;
  }
}

let subscribed = false;
function ensureSubscribed(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('job.progress', putJob);
  api.on('job.end', putJob);
  jobsStore.subscribe(syncPolling);
  api['jobs.list']({}).then(
    (list) => {
      for (const j of list) if (j.state === 'running') putJob(j);
    },
    () => undefined,
  );
}

export function useJobs(): JobInfo[] {
  useEffect(ensureSubscribed, []);
  return useStore(jobsStore);
}

/** Subscribes at module load so jobs started before any jobs view mounts are still tracked. */
export function startJobTracking(): void {
  ensureSubscribed();
}
