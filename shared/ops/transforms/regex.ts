// Compiles user-written regular expressions with one predictable rule and a readable error.

/**
 * Compiles `pattern` (JavaScript syntax) with `flags` plus 'u', so `\p{L}` works and `.` matches a
 * whole emoji. A pattern that only legacy (non-u) syntax accepts, such as `\-` or a lone `{`, is
 * compiled without 'u'. Throws an Error naming the pattern and the reason when neither accepts it.
 */
export function compileUserRegex(pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, `${flags}u`);
  } catch {
    try {
      return new RegExp(pattern, flags);
    } catch (e) {
      const reason = (e instanceof Error ? e.message : String(e)).replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
      throw new Error(`invalid regular expression ${JSON.stringify(pattern)}: ${reason}`);
    }
  }
}

/** `s` with every regular-expression metacharacter escaped, to match it literally. */
export function escapeRegex(s: string): string {
  // Only syntax characters: 'u' mode rejects escapes of anything else (e.g. '\-').
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
