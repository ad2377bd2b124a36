// Text value transformations: whitespace, letter case, find/replace, null tokens, Unicode forms.
import { compileUserRegex, escapeRegex } from './regex';

/**
 * Trims whitespace from both ends; with `collapse` also turns every run of whitespace inside into
 * one space. Whitespace is JavaScript's: Unicode White_Space (space, tab, newlines, NBSP, thin and
 * other spaces) plus the BOM; zero-width spaces (U+200B) are not whitespace and are kept.
 */
export function trimValue(v: string, collapse: boolean): string {
  const t = v.trim();
  return collapse ? t.replace(/\s+/g, ' ') : t;
}

// Letters whose title case differs from their upper case (the Latin digraphs).
const TITLE: Record<string, string> = { ǆ: 'ǅ', ǅ: 'ǅ', ǉ: 'ǈ', ǈ: 'ǈ', ǌ: 'ǋ', ǋ: 'ǋ', ǳ: 'ǲ', ǲ: 'ǲ' };

function titleLetter(ch: string): string {
  const t = TITLE[ch];
  if (t) return t;
  const u = ch.toUpperCase();
  // 'ß' upper-cases to 'SS': the title form is 'Ss'.
  return u.length > 1 ? u[0]! + u.slice(1).toLowerCase() : u;
}

const ASCII = /^[\x00-\x7f]*$/;

// A letter starts a word when no letter, digit, mark or apostrophe stands before it; or after
// apostrophes that follow such a start (`'tis`); or after a one-letter elision (`o'neil`, `l'école`).
const W = "\\p{L}\\p{N}\\p{M}'\u2019\u02BC";
const WORD_START = new RegExp(
  `(?<![${W}])\\p{L}|(?<=(?<![${W}])['\u2019\u02BC]+)\\p{L}|(?<=(?<![${W}])\\p{L}\\p{M}*['\u2019\u02BC])\\p{L}`,
  'gu',
);

/** Title case of lower-cased ASCII text: the same word rules as below, on character codes. */
function titleAscii(lower: string): string {
  const chars = lower.split('');
  let atStart = true;
  let wordLen = 0;
  let firstIsLetter = false;
  for (let i = 0; i < chars.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 39) {
      if (atStart || (wordLen === 1 && firstIsLetter)) {
        atStart = true;
        wordLen = 0;
      }
    } else if (c >= 97 && c <= 122) {
      if (atStart) {
        chars[i] = String.fromCharCode(c - 32);
        firstIsLetter = true;
      }
      atStart = false;
      wordLen++;
    } else if (c >= 48 && c <= 57) {
      if (atStart) firstIsLetter = false;
      atStart = false;
      wordLen++;
    } else {
      atStart = true;
      wordLen = 0;
    }
  }
  return chars.join('');
}

/**
 * Changes letter case, Unicode-aware and independent of the machine's locale. `upper` and `lower`
 * map every letter ('straße' → 'STRASSE'). `title` lowers everything, then capitalises the first
 * letter of each word: a word starts after the start or any character that is not a letter, digit
 * or combining mark (space, hyphen, slash, period, bracket …), so 'jean-luc' → 'Jean-Luc' and
 * 'ÉCOLE' → 'École'. An apostrophe starts a new word only after a one-letter prefix: "o'neil" →
 * "O'Neil", "l'école" → "L'École", but "don't" → "Don't" and "mcdonald's" → "Mcdonald's". A letter
 * after a digit is not capitalised ('3rd'). No name rules (Mc, van, de) are applied.
 */
export function changeCase(v: string, mode: 'upper' | 'lower' | 'title'): string {
  // toUpperCase/toLowerCase are the Unicode default (root-locale) mappings — what 'und' gives —
  // and some twenty times faster than the toLocale… forms, which matters on a million cells.
  if (mode === 'upper') return v.toUpperCase();
  const lower = v.toLowerCase();
  if (mode === 'lower') return lower;
  if (ASCII.test(lower)) return titleAscii(lower);
  return lower.replace(WORD_START, titleLetter);
}

/**
 * Builds the replacer of a find/replace. `literal` replaces every occurrence of `find`; `regex`
 * replaces every match of `find` (JavaScript syntax, see compileUserRegex) and expands `$1`, `$<name>`,
 * `$&` and `$$` in `replace`; `whole` replaces the value only when the whole value equals `find`.
 * `caseSensitive` false matches ignoring case (Unicode simple case folding). In literal and whole mode
 * `replace` is inserted as written. Throws an Error with a clear message for an invalid regex or an
 * empty `find`.
 */
export function makeReplacer(
  find: string,
  replace: string,
  mode: 'literal' | 'regex' | 'whole',
  caseSensitive: boolean,
): (v: string) => string {
  if (find === '') throw new Error('find must not be empty');
  if (mode === 'regex') {
    const re = compileUserRegex(find, caseSensitive ? 'g' : 'gi');
    return (v) => v.replace(re, replace);
  }
  if (caseSensitive) {
    if (mode === 'whole') return (v) => (v === find ? replace : v);
    return (v) => (v.includes(find) ? v.split(find).join(replace) : v);
  }
  const escaped = escapeRegex(find);
  if (mode === 'whole') {
    const re = new RegExp(`^(?:${escaped})$`, 'iu');
    return (v) => (re.test(v) ? replace : v);
  }
  const re = new RegExp(escaped, 'giu');
  return (v) => v.replace(re, () => replace);
}

/** True when `v`, trimmed, equals one of `tokens` exactly (case matters: the default list carries both cases). */
export function isNullToken(v: string, tokens: readonly string[]): boolean {
  return tokens.includes(v.trim());
}

/** Unicode normalisation: NFC composes ('e' + U+0301 → 'é'); NFKC also folds compatibility forms ('ﬁ' → 'fi', '１' → '1', NBSP → space). */
export function normalizeUnicode(v: string, form: 'NFC' | 'NFKC'): string {
  return v.normalize(form);
}
