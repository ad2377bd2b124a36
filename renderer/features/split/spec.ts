// The dialog's form state and the split specification it stands for (null with the reason when the
// form is not complete yet).
import type { SplitSpecIn } from '../../../shared/api/split';
import type { PartsValue } from './PartsEditor';

export type StrategyChoice = 'random' | 'stratified' | 'grouped' | 'stratified-grouped' | 'chronological' | 'clusters';

export interface SplitForm {
  parts: PartsValue;
  strategy: StrategyChoice;
  stratify: string;
  group: string;
  time: string;
  gap: string;
  seed: string;
}

export const STRATEGIES: Array<{ value: StrategyChoice; label: string }> = [
  { value: 'random', label: 'Random (seeded)' },
  { value: 'stratified', label: 'Stratified by a column' },
  { value: 'grouped', label: 'Grouped (no group in two parts)' },
  { value: 'stratified-grouped', label: 'Stratified and grouped' },
  { value: 'chronological', label: 'Chronological' },
  { value: 'clusters', label: 'Duplicate clusters kept together' },
];

export function initialForm(): SplitForm {
  return {
    parts: { mode: 'parts', unit: 'percent', folds: 5, parts: [{ name: 'train', share: '80' }, { name: 'val', share: '10' }, { name: 'test', share: '10' }] },
    strategy: 'random', stratify: '', group: '', time: '', gap: '', seed: '42',
  };
}

/** The spec, or the reason there is none yet. */
export function specOf(dataset: string, f: SplitForm): { spec: SplitSpecIn } | { missing: string } {
  const seed = Number(f.seed);
  if (!/^\d+$/.test(f.seed.trim()) || seed > 4294967295) return { missing: 'the seed is a whole number from 0 to 4294967295' };
  const spec: SplitSpecIn = { dataset, seed };
  if (f.parts.mode === 'folds') spec.folds = f.parts.folds;
  else {
    spec.unit = f.parts.unit;
    spec.parts = [];
    for (const p of f.parts.parts) {
      const share = p.share.trim() === '*' ? null : Number(p.share);
      if (share !== null && (p.share.trim() === '' || !Number.isFinite(share))) return { missing: `the share of ${p.name || 'a part'} is not a number` };
      spec.parts.push({ name: p.name.trim(), share });
    }
  }
  const need = (col: string, what: string) => (col ? null : `choose the ${what} column`);
  const s = f.strategy;
  if (s === 'stratified' || s === 'stratified-grouped') {
    const m = need(f.stratify, 'stratify');
    if (m) return { missing: m };
    spec.stratify = f.stratify;
  }
  if (s === 'grouped' || s === 'stratified-grouped') {
    const m = need(f.group, 'group');
    if (m) return { missing: m };
    spec.group = f.group;
  }
  if (s === 'clusters') spec.group = 'cluster_id';
  if (s === 'chronological') {
    const m = need(f.time, 'time');
    if (m) return { missing: m };
    spec.time = f.time;
    if (f.gap.trim()) spec.gap = f.gap.trim();
  }
  return { spec };
}
