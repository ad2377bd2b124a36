// The link table `a_key,b_key,score` as CSV (RFC 4180 quoting).

/** A CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The link table of these pairs. */
export function linkTableCsv(pairs: ReadonlyArray<{ a: string; b: string; score: number }>): string {
  return `${['a_key,b_key,score', ...pairs.map((p) => `${csvField(p.a)},${csvField(p.b)},${p.score.toFixed(4)}`)].join('\n')}\n`;
}
