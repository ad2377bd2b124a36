// Splitting one value into parts, for the split operation.
import { compileUserRegex } from './regex';

/**
 * Splits `v` at each occurrence of a literal `separator` (`delimiter`) or at each match of a regular
 * expression (`regex`, syntax as in makeReplacer). With `maxParts` the value is cut at most
 * maxParts − 1 times and the last part keeps the rest as written, separators included. Regex capture
 * groups do not become parts. Empty matches split as String.prototype.split does (never at the start,
 * so '(?=[A-Z])' turns 'CamelCase' into ['Camel', 'Case']). '' gives ['']; maxParts ≤ 1 gives [v].
 * Throws for an empty separator or an invalid regex.
 */
export function splitValue(v: string, by: 'delimiter' | 'regex', separator: string, maxParts?: number): string[] {
  if (separator === '') throw new Error('separator must not be empty');
  const limit = maxParts ?? Infinity;
  if (limit <= 1) return [v];
  const parts: string[] = [];
  if (by === 'delimiter') {
    let start = 0;
    while (parts.length < limit - 1) {
      const at = v.indexOf(separator, start);
      if (at < 0) break;
      parts.push(v.slice(start, at));
      start = at + separator.length;
    }
    parts.push(v.slice(start));
    return parts;
  }
  const re = compileUserRegex(separator, 'y');
  // The String.prototype.split algorithm with a sticky matcher, minus captures, plus the limit.
  let p = 0;
  let q = 0;
  const step = (at: number) => (re.unicode && (v.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
  while (q < v.length && parts.length < limit - 1) {
    re.lastIndex = q;
    if (!re.test(v)) {
      q += step(q);
      continue;
    }
    const e = Math.min(re.lastIndex, v.length);
    if (e === p) {
      q += step(q);
      continue;
    }
    parts.push(v.slice(p, q));
    p = q = e;
  }
  parts.push(v.slice(p));
  return parts;
}
