// ISO calendar dates (YYYY-MM-DD) typed into the date filters: parsed strictly, formatted back.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date an ISO text names, or null when it is not a real calendar date (2024-02-30). */
export function parseIsoDate(text: string): Date | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

export function formatIsoDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
