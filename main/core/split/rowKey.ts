// Row keys for exact-duplicate detection: values normalised (case folded, whitespace collapsed and
// trimmed, missing as empty) and hashed to a 53-bit number (cyrb53), cheap enough for millions of rows.

/** A value as duplicate detection compares it: lower case, runs of whitespace as one space, trimmed. */
export function normaliseValue(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  return v.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The normalised text of a row's values (a unit separator between them, so 'a,b' and 'a','b' differ). */
export function normalisedRow(values: ReadonlyArray<string | null>): string {
  let s = '';
  for (let i = 0; i < values.length; i++) s += (i ? '\u001f' : '') + normaliseValue(values[i]);
  return s;
}

/** cyrb53 (bryc, public domain): a fast 53-bit string hash, safe as a JS number key. */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
