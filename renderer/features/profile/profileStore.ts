// The profile feature's state: each dataset's cached profile (loaded from profile.get, recomputed by
// a profile job with progress and cancel), which view the dataset screen shows, and the header
// histograms toggle (remembered across reloads).
import { useSyncExternalStore } from 'react';
import type { JobInfo } from '../../../shared/api/contract';
import type { Profile } from '../../../shared/api/profile';
import { api, errorMessage } from '../../api';
import { createStore } from '../../app/store';
import { putJob, whenJobEnds } from '../../app/useJobs';

export interface ProfileState {
  profile: Profile | null;
  /** True once profile.get answered (a null profile then means none is current). */
  loaded: boolean;
  job: JobInfo | null;
  error: string | null;
}

export type DatasetViewMode = 'grid' | 'profile' | 'drift';

interface State {
  byDataset: Record<string, ProfileState>;
  view: Record<number, DatasetViewMode>;
  headerHistograms: boolean;
}

const KEY = 'tidyset.headerHistograms';
const EMPTY: ProfileState = { profile: null, loaded: false, job: null, error: null };
export const profileStore = createStore<State>({ byDataset: {}, view: {}, headerHistograms: localStorage.getItem(KEY) === '1' });

function patch(dataset: string, p: Partial<ProfileState>): void {
  profileStore.set((s) => ({ ...s, byDataset: { ...s.byDataset, [dataset]: { ...(s.byDataset[dataset] ?? EMPTY), ...p } } }));
}

export function useProfileState(dataset: string): ProfileState {
  const get = () => profileStore.get().byDataset[dataset] ?? EMPTY;
  return useSyncExternalStore(profileStore.subscribe, get, get);
}

export function useViewMode(datasetId: number): DatasetViewMode {
  const get = () => profileStore.get().view[datasetId] ?? 'grid';
  return useSyncExternalStore(profileStore.subscribe, get, get);
}

export function setViewMode(datasetId: number, mode: DatasetViewMode): void {
  profileStore.set((s) => ({ ...s, view: { ...s.view, [datasetId]: mode } }));
}

export function useHeaderHistograms(): boolean {
  const get = () => profileStore.get().headerHistograms;
  return useSyncExternalStore(profileStore.subscribe, get, get);
}

export function toggleHeaderHistograms(): void {
  profileStore.set((s) => ({ ...s, headerHistograms: !s.headerHistograms }));
  localStorage.setItem(KEY, profileStore.get().headerHistograms ? '1' : '0');
}

const loading = new Set<string>();
const starting = new Set<string>();

/** Loads the cached profile (every column, in pages of 500); null when none is current. */
export async function loadProfile(dataset: string): Promise<Profile | null> {
  if (loading.has(dataset)) return profileStore.get().byDataset[dataset]?.profile ?? null;
  loading.add(dataset);
  try {
    const first = await api['profile.get']({ dataset, offset: 0, limit: 500 });
    let profile = first;
    while (profile && first && profile.columns.length < first.totalColumns) {
      const next = await api['profile.get']({ dataset, offset: profile.columns.length, limit: 500 });
      if (!next || next.version !== first.version) break;
      profile = { ...profile, columns: [...profile.columns, ...next.columns] };
    }
    patch(dataset, { profile, loaded: true, error: null });
    return profile;
  } catch (e) {
    patch(dataset, { loaded: true, error: errorMessage(e) });
    return null;
  } finally {
    loading.delete(dataset);
  }
}

/** Starts a profile job and loads its result when it is done. */
export async function startProfile(dataset: string, fresh = false): Promise<void> {
  if (starting.has(dataset)) return;
  starting.add(dataset);
  try {
    const job = await api['jobs.profile']({ dataset, fresh });
    putJob(job);
    patch(dataset, { job, error: null });
    const end = await whenJobEnds(job);
    // The result is loaded before the job is let go, so no moment shows "nothing profiled" (which starts a job).
    if (end.state === 'done') await loadProfile(dataset);
    patch(dataset, { job: null, error: end.state === 'failed' ? (end.error?.message ?? 'the profile failed') : end.state === 'cancelled' ? 'Profiling was cancelled.' : null });
  } catch (e) {
    patch(dataset, { job: null, error: errorMessage(e) });
  } finally {
    starting.delete(dataset);
  }
}

/** The running profile job's latest progress (job.progress events go to the jobs store). */
export function trackJob(dataset: string, job: JobInfo): void {
  const s = profileStore.get().byDataset[dataset];
  if (s?.job && s.job.id === job.id && job.state === 'running') patch(dataset, { job });
}

/** Forgets a dataset's profile (after a change to its data the cached one is stale). */
export function invalidateProfile(dataset: string): void {
  const s = profileStore.get().byDataset[dataset];
  if (s?.loaded) patch(dataset, { loaded: false });
}
