// How a record's value compares with the reference record's, for highlighting in the review table.

export type CellDiff = 'same' | 'near' | 'diff' | 'missing';

/** Lower case, accents stripped, runs of space and punctuation collapsed: what normalisation forgives. */
export function looseText(v: string): string {
  return v
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}

/** `same` when equal, `near` when equal but for case, accents, spaces or punctuation, else `diff`. */
export function cellDiff(value: string | null, reference: string | null): CellDiff {
  const blank = (v: string | null) => v === null || v.trim() === '';
  if (blank(value) || blank(reference)) return blank(value) && blank(reference) ? 'same' : 'missing';
  if (value === reference) return 'same';
  return looseText(value!) === looseText(reference!) ? 'near' : 'diff';
}
