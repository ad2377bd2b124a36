// Splits a POSIX or Windows path into breadcrumb steps, each with the full path up to it.

export interface Crumb {
  label: string;
  path: string;
}

export function pathCrumbs(p: string): Crumb[] {
  const win = /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
  const sep = win ? '\\' : '/';
  const parts = p.split(/[\\/]+/).filter(Boolean);
  const crumbs: Crumb[] = [];
  let acc = '';
  if (!win) {
    crumbs.push({ label: '/', path: '/' });
    for (const part of parts) {
      acc += sep + part;
      crumbs.push({ label: part, path: acc });
    }
    return crumbs;
  }
  parts.forEach((part, i) => {
    acc = i === 0 ? `${part}${sep}` : acc.endsWith(sep) ? acc + part : acc + sep + part;
    crumbs.push({ label: part, path: acc });
  });
  return crumbs;
}
