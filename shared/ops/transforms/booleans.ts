// Boolean parsing from the yes/no spellings seen in survey and export data.

const TRUE = new Set(['true', 't', 'yes', 'y', 'ja', '1', 'on']);
// 'nein' completes the German pair with 'ja'.
const FALSE = new Set(['false', 'f', 'no', 'n', 'nej', 'nein', '0', 'off']);

/**
 * 'true' or 'false' from true/false, t/f, yes/no, y/n, ja/nej/nein, 1/0 and on/off (case-insensitive,
 * trimmed); null for anything else, including '' and '1.0'.
 */
export function castBoolean(v: string): string | null {
  const k = v.trim().toLowerCase();
  return TRUE.has(k) ? 'true' : FALSE.has(k) ? 'false' : null;
}
