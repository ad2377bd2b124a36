// The setup of a run as the screen edits it: every column with whether it is compared and how, turned
// into the engine's config. Labels for the engine's comparison kinds and normalisations live here.
import type { ComparisonInput, ComparisonKind, DedupeConfig, DedupeConfigInput, Normalise } from '../../../shared/api/dedupe';

export interface ColumnChoice {
  column: string;
  role: string;
  reason: string;
  distinct: number;
  blank: number;
  on: boolean;
  comparison: ComparisonInput;
}

export interface Setup {
  choices: ColumnChoice[];
  key: string | null;
  /** Link only: the key column of the other dataset (for the link table and "add B's key"). */
  keyB: string | null;
  base: DedupeConfig;
}

export const COMPARISON_LABELS: Record<ComparisonKind, string> = {
  exact: 'Exact',
  jaroWinkler: 'Jaro-Winkler',
  levenshtein: 'Levenshtein',
  tokenSet: 'Token set (Jaccard)',
  numeric: 'Numeric distance',
  date: 'Date distance',
};

export const NORMALISE_LABELS: Record<keyof Normalise, { label: string; title: string }> = {
  case: { label: 'case', title: 'Ignore upper and lower case' },
  accents: { label: 'accents', title: 'Ignore accents (é = e)' },
  whitespace: { label: 'spaces', title: 'Trim and collapse runs of spaces' },
  punctuation: { label: 'punctuation', title: 'Punctuation counts as a space (O’Brien = O Brien)' },
  nameOrder: { label: 'name order', title: 'Read “Last, First” as “First Last” (“Smith, Anna” = “Anna Smith”)' },
};

/** Normalisations as the engine defaults them (all on but the name order). */
export function normaliseOf(c: ComparisonInput): Normalise {
  const n = c.normalise ?? {};
  return {
    case: n.case ?? true,
    accents: n.accents ?? true,
    whitespace: n.whitespace ?? true,
    punctuation: n.punctuation ?? true,
    nameOrder: n.nameOrder ?? false,
  };
}

/** Whether the kind compares text, so that normalising case, accents and spaces means something. */
export function isTextKind(kind: ComparisonKind): boolean {
  return kind !== 'numeric' && kind !== 'date';
}

export function hasTolerance(kind: ComparisonKind): boolean {
  return kind === 'numeric' || kind === 'date';
}

export function configOf(setup: Setup): DedupeConfigInput {
  return {
    ...setup.base,
    comparisons: setup.choices.filter((c) => c.on).map((c) => c.comparison),
    key: setup.key ?? undefined,
  };
}

export function patchChoice(setup: Setup, column: string, patch: Partial<ColumnChoice>): Setup {
  return { ...setup, choices: setup.choices.map((c) => (c.column === column ? { ...c, ...patch } : c)) };
}
