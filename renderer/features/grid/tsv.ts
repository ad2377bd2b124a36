// TSV as spreadsheets read it, for copying cells to the clipboard (no DOM here, so it is unit-tested).

/** Quotes a value for TSV the way spreadsheets read it: only when it holds a tab, newline or quote. */
export function tsvCell(v: string | null | undefined): string {
  const s = v ?? '';
  return /[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toTsv(rows: readonly (readonly (string | null | undefined)[])[]): string {
  return rows.map((r) => r.map(tsvCell).join('\t')).join('\n');
}
