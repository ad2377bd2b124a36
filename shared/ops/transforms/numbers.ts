// Locale-aware number parsing to canonical decimal text, keeping the digits as written.

/** Currencies written with a decimal point: their presence settles '1,234' as one thousand two hundred thirty-four. */
const DOT_CURRENCIES = ['US$', 'A$', 'C$', 'NZ$', 'HK$', 'S$', '$', '£', '¥', '₹', '₩', '₪', '฿', 'USD', 'AUD', 'CAD', 'NZD', 'HKD', 'SGD', 'GBP', 'JPY', 'CNY', 'INR', 'KRW', 'ILS', 'CHF', 'MXN', 'THB'];
/** Other currency marks accepted before or after the number; they say nothing about the separators. */
const OTHER_CURRENCIES = ['R$', 'kr.', 'kr', 'Kr.', 'Kr', 'KR', 'zł', 'Kč', 'Ft', 'SEK', 'NOK', 'DKK', 'ISK', 'EUR', 'BRL', 'PLN', 'CZK', 'HUF', 'RUB', 'TRY', 'ZAR'];
const SUFFIX_ONLY = [':-']; // Swedish "12:-"

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;
const CODES = [...DOT_CURRENCIES, ...OTHER_CURRENCIES].sort(byLength).map(escape).join('|');
const PREFIX = new RegExp(`^(?:${CODES}|\\p{Sc})(?![\\p{L}])`, 'u');
const SUFFIX = new RegExp(`(?<![\\p{L}])(?:${CODES}|${SUFFIX_ONLY.map(escape).join('|')}|\\p{Sc})$`, 'u');
const DOT_CURRENCY = new Set(DOT_CURRENCIES);

const SIGNS = new Set(['+', '-', '\u2212']);
/** Characters that only ever group digits: spaces (incl. NBSP, figure, thin, narrow NBSP) and apostrophes. */
const SPACES = /[ \u00A0\u2007\u2009\u202F]/;
const APOSTROPHES = /['\u2019]/;
const BODY = /^[0-9.,'\u2019 \u00A0\u2007\u2009\u202F]+$/;

interface Affixes { body: string; negative: boolean; currency: string | null }

/** Peels currency marks, one sign and accounting parentheses off both ends; null when they clash. */
function peel(input: string): Affixes | null {
  let s = input.trim();
  let sign: string | null = null;
  let parens = false;
  let currency: string | null = null;
  for (let guard = 0; guard < 6; guard++) {
    if (s.startsWith('(') && s.endsWith(')') && s.length > 2) {
      if (parens || sign) return null;
      parens = true;
      s = s.slice(1, -1).trim();
      continue;
    }
    if (SIGNS.has(s[0]!)) {
      if (sign || parens) return null;
      sign = s[0]!;
      s = s.slice(1).trim();
      continue;
    }
    if (!currency) {
      const p = PREFIX.exec(s) ?? SUFFIX.exec(s);
      if (p && p[0].length < s.length) {
        currency = p[0];
        s = p.index === 0 ? s.slice(p[0].length).trim() : s.slice(0, p.index).trim();
        continue;
      }
    }
    break;
  }
  return { body: s, negative: parens || (sign !== null && sign !== '+'), currency };
}

type Kind = 'dot' | 'comma' | 'space' | 'apostrophe';
const kindOf = (c: string): Kind => (c === '.' ? 'dot' : c === ',' ? 'comma' : SPACES.test(c) ? 'space' : 'apostrophe');

/** Integer digits from a grouped or plain integer part: first group 1–3 digits (not starting 0), then groups of 3. */
function ungroup(int: string, allowed: ReadonlySet<Kind>): string | null {
  if (/^\d*$/.test(int)) return int;
  const kinds = new Set([...int.replace(/\d/g, '')].map(kindOf));
  if (kinds.size !== 1 || !allowed.has([...kinds][0]!)) return null;
  const groups = int.split(/[^\d]/);
  if (!/^[1-9]\d{0,2}$/.test(groups[0]!)) return null;
  if (!groups.slice(1).every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/** The decimal mark to use for `mantissa` in auto mode, '' for none, or null when ambiguous. */
function autoMark(mantissa: string, currency: string | null): '.' | ',' | '' | null {
  const lastDot = mantissa.lastIndexOf('.');
  const lastComma = mantissa.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
  if (!mark) return '';
  if (mantissa.indexOf(mark) !== mantissa.lastIndexOf(mark)) return ''; // repeated: a group separator
  if (SPACES.test(mantissa) || APOSTROPHES.test(mantissa)) return mark; // '1 234,50'
  if (mark === ',' && /^[1-9]\d{0,2},\d{3}$/.test(mantissa)) {
    // '1,234': thousands only with a decimal-point currency ('$1,234'); otherwise a guess either way.
    return currency && DOT_CURRENCY.has(currency) ? '' : null;
  }
  return mark;
}

/**
 * Parses a number written in a human locale to canonical text: an optional '-', the integer digits
 * without leading zeros, then '.' and the fraction digits exactly as written ('0.10' stays '0.10'),
 * then for scientific input 'e' and the exponent ('1.5E+03' → '1.5e3'; digits are never expanded or
 * rounded). Accepts group separators (',', '.', spaces incl. NBSP/thin/narrow NBSP, apostrophes) in
 * groups of three, a leading '+' or '-' or '−', accounting parentheses ('(12.50)' → '-12.50'), and
 * one currency mark before or after ('$', '€ 12,50', '12 kr', 'SEK 12', '12:-').
 *
 * `dot` and `comma` name the decimal mark. `auto` decides per value: with both '.' and ',' the
 * rightmost is the decimal mark; a mark that repeats is a group separator; a single mark next to
 * space or apostrophe grouping is the decimal mark; a lone '.' is the decimal mark; a lone ',' is
 * the decimal mark unless it is followed by exactly three digits after a 1–3 digit integer part not
 * starting with 0 ('1,234'), which is a thousands separator only when a decimal-point currency ($, £,
 * ¥, USD, …) is present and otherwise ambiguous (null).
 *
 * Returns null for anything else: '', '12abc', '1.2.3', '12%', '1,5' under `dot`, hex, Infinity.
 */
export function castNumber(v: string, locale: 'auto' | 'dot' | 'comma'): string | null {
  const a = peel(v);
  if (!a || !a.body) return null;
  const exp = /^(.*?)[eE]([+\-\u2212]?)(\d+)$/.exec(a.body);
  const mantissa = exp ? exp[1]! : a.body;
  if (!BODY.test(mantissa) || !/\d/.test(mantissa)) return null;
  const mark = locale === 'dot' ? '.' : locale === 'comma' ? ',' : autoMark(mantissa, a.currency);
  if (mark === null) return null;
  const at = mark ? mantissa.indexOf(mark) : -1;
  const intRaw = at >= 0 ? mantissa.slice(0, at) : mantissa;
  const frac = at >= 0 ? mantissa.slice(at + 1) : '';
  // Digits only after the decimal mark: a second mark or a group separator there is not a number.
  if (!/^\d*$/.test(frac)) return null;
  const groupKinds = new Set<Kind>(['space', 'apostrophe']);
  if (mark !== '.') groupKinds.add('dot');
  if (mark !== ',') groupKinds.add('comma');
  const int = ungroup(intRaw, groupKinds);
  if (int === null || (int === '' && frac === '')) return null;
  const digits = int.replace(/^0+(?=\d)/, '') || '0';
  const zero = !/[1-9]/.test(digits + frac);
  let out = (a.negative && !zero ? '-' : '') + digits + (frac ? `.${frac}` : '');
  if (exp) out += `e${exp[2] && exp[2] !== '+' ? '-' : ''}${exp[3]!.replace(/^0+(?=\d)/, '')}`;
  return out;
}
