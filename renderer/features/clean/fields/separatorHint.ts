// Says what an invisible or blank separator is, since a space or a tab cannot be seen in a text field.
export function separatorHint(s: string): string | null {
  if (s === '') return 'Nothing: the parts are joined as they are.';
  if (s === ' ') return 'A space.';
  if (s === '\t') return 'A tab.';
  if (/^\s+$/.test(s)) return `${s.length} whitespace characters.`;
  if (s !== s.trim()) return 'Includes spaces at the ends.';
  return null;
}
