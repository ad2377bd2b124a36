// Key-collision keys for spelling clusters (OpenRefine's keyers): fingerprint, n-gram fingerprint and
// phonetic keys (Double Metaphone, Cologne). Values with the same non-empty key fall in one cluster.
import { TidysetError } from '../../errors';

/**
 * Keys are computed from at most this many characters of a value: a 10 MB cell must not cost seconds.
 * A cut value's key carries its full length, so two long values collide only if they also agree on it.
 */
export const KEY_CHARS = 2000;

// Letters folded to ASCII that Unicode decomposition leaves alone (ß, æ, ø, ł, …), as OpenRefine's asciify does.
const FOLD: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't', ŀ: 'l', ĸ: 'k', ſ: 's',
};
const FOLDABLE = /[ßæœøđðþłıħŧŀĸſ]/g;
const MARKS = /\p{M}+/gu;
const PUNCT = /[\p{P}\p{S}\p{C}]+/gu;
const SPACE = /\s+/u;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]+/g;

/** Lower case, accents and ligatures folded, punctuation, symbols and controls removed (kept as word breaks). */
export function normalise(value: string): string {
  const cut = value.length > KEY_CHARS ? value.slice(0, KEY_CHARS) : value;
  // Most values are plain ASCII: no accents to fold, and no Unicode normalisation to pay for.
  if (PRINTABLE_ASCII.test(cut)) return cut.toLowerCase().replace(ASCII_PUNCT, ' ');
  return cut.toLowerCase().normalize('NFD').replace(MARKS, '').replace(FOLDABLE, (c) => FOLD[c] ?? c).replace(PUNCT, ' ').normalize('NFC');
}

function lengthMark(value: string): string {
  return value.length > KEY_CHARS ? `\u0000${value.length}` : '';
}

/** The words of a normalised value, each once, sorted (code-unit order, the same on every machine). */
function uniqueWords(s: string): string[] {
  const words = s.split(SPACE).filter((w) => w !== '');
  return [...new Set(words)].sort();
}

/** OpenRefine's fingerprint: normalised words, de-duplicated and sorted, joined by a space. */
export function fingerprint(value: string): string {
  const words = uniqueWords(normalise(value));
  return words.length ? words.join(' ') + lengthMark(value) : '';
}

/** N-gram fingerprint: the distinct character n-grams of the normalised value without spaces, sorted and joined. */
export function ngramFingerprint(value: string, n = 2): string {
  const flat = normalise(value).replace(/\s+/gu, '');
  // Characters, not UTF-16 code units, only where there are surrogate pairs (the slow path).
  const s: string | string[] = SURROGATE.test(flat) ? [...flat] : flat;
  if (s.length === 0) return '';
  if (s.length <= n) return flat + lengthMark(value);
  const grams = new Set<string>();
  if (typeof s === 'string') for (let i = 0; i + n <= s.length; i++) grams.add(s.slice(i, i + n));
  else for (let i = 0; i + n <= s.length; i++) grams.add(s.slice(i, i + n).join(''));
  return [...grams].sort().join('') + lengthMark(value);
}
const SURROGATE = /[\ud800-\udfff]/;

type Coder = (word: string) => string;

/**
 * A phonetic key: each normalised word coded, the codes sorted and joined. A word the coder cannot
 * code (another script, digits) keeps its own spelling, so that "Москва" and "Київ" do not collide on ''.
 */
function phoneticKey(value: string, code: Coder): string {
  const codes = uniqueWords(normalise(value)).map(code);
  return codes.length ? [...new Set(codes)].sort().join(' ') + lengthMark(value) : '';
}

/** The key-collision methods. */
export type KeyMethod = 'fingerprint' | 'ngram' | 'metaphone' | 'cologne';

export interface Keyer {
  method: KeyMethod;
  key(value: string): string;
}

interface Phonetics {
  doubleMetaphone: (v: string) => [string, string];
  colognePhonetic: (v: string) => string;
}
let phonetics: Phonetics | null = null;

/**
 * Loads the phonetic coders. Both packages are ES modules only (cologne-phonetic exports no CommonJS
 * entry), so they are imported dynamically, once; the bundle inlines them.
 */
async function loadPhonetics(): Promise<Phonetics> {
  if (!phonetics) {
    const [dm, cp] = await Promise.all([import('double-metaphone'), import('cologne-phonetic')]);
    phonetics = { doubleMetaphone: dm.doubleMetaphone, colognePhonetic: cp.colognePhonetic };
  }
  return phonetics;
}

/**
 * A coder that remembers the code of every word it has seen (a column repeats its words far more often
 * than it has distinct values) and keeps a word it cannot code as it is.
 */
function remembering(code: Coder): Coder {
  const memo = new Map<string, string>();
  return (w) => {
    let c = memo.get(w);
    if (c === undefined) {
      c = code(w) || w;
      // Bounded: a column of free text must not grow this without end.
      if (memo.size < 1_000_000) memo.set(w, c);
    }
    return c;
  };
}

/** The keyer of a method; `ngram` is the n-gram size of the n-gram fingerprint (1–6). */
export async function keyerOf(method: KeyMethod, ngram = 2): Promise<Keyer> {
  switch (method) {
    case 'fingerprint':
      return { method, key: fingerprint };
    case 'ngram':
      if (!Number.isInteger(ngram) || ngram < 1 || ngram > 6) throw new TidysetError('BAD_INPUT', `the n-gram size must be a whole number from 1 to 6, got ${ngram}`);
      return { method, key: (v) => ngramFingerprint(v, ngram) };
    case 'metaphone': {
      const { doubleMetaphone } = await loadPhonetics();
      const code = remembering((w) => doubleMetaphone(w)[0]);
      return { method, key: (v) => phoneticKey(v, code) };
    }
    case 'cologne': {
      const { colognePhonetic } = await loadPhonetics();
      const code = remembering(colognePhonetic);
      return { method, key: (v) => phoneticKey(v, code) };
    }
  }
}
