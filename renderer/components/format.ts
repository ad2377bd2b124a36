// Formatting of counts, sizes, dates and durations for display.

const intFmt = new Intl.NumberFormat('en-US');

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : intFmt.format(n);
}

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A delimiter as a person reads it: `comma`, `tab`, `semicolon`… */
export function formatDelimiter(d: string | null | undefined): string {
  if (d === null || d === undefined) return '—';
  const named: Record<string, string> = { '\t': 'tab', ' ': 'space', ',': 'comma', ';': 'semicolon', '|': 'pipe', ':': 'colon' };
  return named[d] ?? `“${d}”`;
}

/** The last part of a path, for narrow columns. */
/** A file format as people name it: a tab-delimited csv is a tsv. */
export function formatName(format: string, delimiter: string | null | undefined): string {
  return format === 'csv' && delimiter === '\t' ? 'tsv' : format;
}

export function baseName(p: string | null | undefined): string {
  if (!p) return '';
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1] || p;
}
