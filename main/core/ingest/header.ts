// Turns a header row into display names that are non-empty and unique, and says what it changed.

/**
 * Trims each name, fills empty ones as `column_N` and suffixes repeats (`name_2`, `name_3`…).
 * Every change is described in `warnings`. Returns the display names and the originals as read.
 */
export function uniqueHeaderNames(raw: readonly string[], warnings: string[]): { names: string[]; originals: string[] } {
  const used = new Set<string>();
  const names: string[] = [];
  const empty: number[] = [];
  const renamed: string[] = [];
  let trimmed = 0;
  raw.forEach((original, i) => {
    let base = original.trim();
    if (base !== original && base) trimmed++;
    if (!base) {
      base = `column_${i + 1}`;
      empty.push(i + 1);
    }
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    if (name !== base) renamed.push(`${JSON.stringify(original)} (column ${i + 1}) → ${JSON.stringify(name)}`);
    used.add(name.toLowerCase());
    names.push(name);
  });
  if (empty.length) warnings.push(`empty header name${empty.length > 1 ? 's' : ''} in column${empty.length > 1 ? 's' : ''} ${empty.join(', ')} named column_N`);
  if (renamed.length) warnings.push(`duplicate header names made unique: ${renamed.join('; ')}`);
  if (trimmed) warnings.push(`${trimmed} header name${trimmed > 1 ? 's' : ''} had surrounding spaces, trimmed (values are kept as they are)`);
  return { names, originals: [...raw] };
}
