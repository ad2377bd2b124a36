// How a raw cell value becomes editor text and back, and how it is shown in a cell: line breaks are
// marked with ↵, long values are cut for the cell (the value viewer shows them whole).

/** Cells show at most this many characters; longer values are cut with … and open in the value viewer. */
export const CELL_MAX_CHARS = 1000;

export function isTruncated(v: unknown): boolean {
  return typeof v === 'string' && v.length > CELL_MAX_CHARS;
}

/** The text a cell shows: every line break (\n, \r\n, \r) as ↵ so that it is visible, cut after CELL_MAX_CHARS. */
export function cellDisplay(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  const cut = s.length > CELL_MAX_CHARS ? `${s.slice(0, CELL_MAX_CHARS)}…` : s;
  return cut.replace(/\r\n|\r|\n/g, '↵');
}

/** The line-break style of a value, to write edited text back in the same style (\r\n stays \r\n). */
export function lineBreakOf(s: string): '\r\n' | '\n' | '\r' {
  if (s.includes('\r\n')) return '\r\n';
  if (s.includes('\n')) return '\n';
  return s.includes('\r') ? '\r' : '\n';
}

/** A textarea's text (always \n) back in the original value's line-break style. */
export function fromEditorText(text: string, original: string): string {
  const lb = lineBreakOf(original);
  return lb === '\n' ? text : text.replace(/\n/g, lb);
}
