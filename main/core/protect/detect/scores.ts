// Value-level evidence that needs more than one validator: names, places and addresses, identifiers
// inside free text, birth-date spreads, postal-code markers, and the Art. 9 and gender vocabularies.
import { EMAIL_IN_TEXT, isEmail } from '../validators/email';
import { isIban, isPaymentCard } from '../validators/finance';
import { isIpAddress } from '../validators/network';
import { isPersonnummerSe } from '../validators/nordicIds';
import { isSsnUs } from '../validators/otherIds';
import { isPhone } from '../validators/phone';
import { parseDate } from '../validators/dates';
import { isMarkedPostalCode } from '../validators/postalCode';
import { GENDER_VALUES, NAME_PARTICLES, SPECIAL_CATEGORIES, STREET_WORDS, foldWord, vocab } from './vocab';

const NAME_TOKEN = /^\p{L}[\p{L}'’.-]*$/u;

/** Whether a value looks like a person's name and whether the name lists know it. */
export function nameEvidence(value: string): { shaped: boolean; known: boolean } {
  if (value.length > 60 || /[\d@/\\()#&+=_:;!?"]/.test(value)) return { shaped: false, known: false };
  const tokens = value.split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 5) return { shaped: false, known: false };
  const { given, surnames } = vocab();
  let shaped = true;
  let g = 0;
  let s = 0;
  let lowerWords = 0;
  for (const t of tokens) {
    const lower = t.toLowerCase();
    if (NAME_PARTICLES.has(lower)) continue;
    if (!NAME_TOKEN.test(t)) shaped = false;
    // A name is written with capitals (all-lower text is ordinary words far more often).
    if (t === lower && t.length > 1) lowerWords++;
    const f = foldWord(t.replace(/[.'’]+$/, ''));
    if (given.has(lower) || given.has(f)) g++;
    else if (surnames.has(lower) || surnames.has(f)) s++;
  }
  if (lowerWords > 0 && lowerWords === tokens.length && tokens.length > 1) shaped = false;
  const known = tokens.length === 1 ? g + s === 1 : g >= 1 && g + s >= Math.min(2, tokens.length) - (tokens.length > 2 ? 1 : 0);
  return { shaped, known: shaped && known };
}

const HOUSE_NUMBER = /^\d{1,5}[a-z]?$/;

/**
 * Whether a value is a known city; whether it has the shape of a street address (one house number
 * first or last, the rest words); and whether it names a street (a street word such as `St`, `gatan`).
 */
export function placeEvidence(value: string): { city: boolean; address: boolean; street: boolean } {
  const { cities } = vocab();
  const v = value.trim();
  const f = foldWord(v);
  const city = cities.has(v.toLowerCase()) || cities.has(f);
  const words = f.split(/[\s,]+/).filter(Boolean);
  const hasNumber = /\d/.test(v);
  const letterWords = words.filter((w) => /\p{L}{2,}/u.test(w)).length;
  const street = words.some((w) => STREET_WORDS.has(w.replace(/\.$/, '')) || /(gatan|vägen|vagen|veien|vej|gade|katu|straße|strasse|weg|gasse|laan|straat)$/.test(w));
  const numbers = words.filter((w) => /\d/.test(w));
  const shaped = numbers.length === 1 && (HOUSE_NUMBER.test(words[0]!) || HOUSE_NUMBER.test(words[words.length - 1]!)) && letterWords >= 1 && letterWords === words.length - 1;
  return { city, address: hasNumber && letterWords >= 1 && words.length <= 10 && (street || shaped), street: hasNumber && street };
}

const PHONE_IN_TEXT = /(?:\+|\b00)\d[\d ().-]{6,17}\d|\(?\b\d{2,4}\)?[ .-]\d{2,4}[ .-]\d{2,5}\b/g;
const DIGITS_IN_TEXT = /\b\d[\d -]{10,22}\d\b/g;
const IBAN_IN_TEXT = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
const SSN_IN_TEXT = /\b\d{3}-\d{2}-\d{4}\b/g;
const IP_IN_TEXT = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const PNR_IN_TEXT = /\b(?:\d{2})?\d{6}[-+]\d{4}\b/g;
const NAME_IN_TEXT = /\b(\p{Lu}[\p{Ll}'’-]+)\s+(\p{Lu}[\p{Ll}'’-]+)\b/gu;

const some = (text: string, re: RegExp, ok: (s: string) => boolean): boolean => [...text.matchAll(re)].some((m) => ok(m[0]));

/** What a free-text value contains: an identifier (email, phone, card, IBAN, SSN, IP, personnummer) and/or a person's full name. */
export function textEvidence(value: string): { id: string | null; name: boolean } {
  let id: string | null = null;
  if (value.includes('@') && some(value, EMAIL_IN_TEXT, isEmail)) id = 'email';
  else if (some(value, IBAN_IN_TEXT, isIban)) id = 'iban';
  else if (some(value, DIGITS_IN_TEXT, isPaymentCard)) id = 'payment card';
  else if (some(value, SSN_IN_TEXT, (s) => isSsnUs(s))) id = 'ssn';
  else if (some(value, PNR_IN_TEXT, (s) => isPersonnummerSe(s))) id = 'personnummer';
  else if (some(value, IP_IN_TEXT, isIpAddress)) id = 'ip address';
  else if (some(value, PHONE_IN_TEXT, (s) => isPhone(s))) id = 'phone';
  const { given, surnames } = vocab();
  const name = [...value.matchAll(NAME_IN_TEXT)].some((m) => {
    const a = foldWord(m[1]!);
    const b = foldWord(m[2]!);
    return given.has(a) && surnames.has(b) && !given.has(b);
  });
  return { id, name };
}

/** Average words per value (running text has several; names, places and codes few). */
export function wordsPerValue(values: readonly string[]): number {
  if (values.length === 0) return 0;
  let words = 0;
  for (const v of values) words += v.split(/\s+/).length;
  return words / values.length;
}

/**
 * Whether the dates among the values can be a population's birth dates: nearly none in the future (a
 * few typos allowed), none before 1900 among the earliest twentieth, spread over decades, adults mostly.
 */
export function dateSpread(values: readonly string[], now: Date = new Date()): { parsed: number; plausibleBirths: boolean } {
  const years: number[] = [];
  let future = 0;
  for (const v of values) {
    const d = parseDate(v);
    if (!d) continue;
    years.push(d.year + (d.month - 1) / 12);
    if (Date.UTC(d.year, d.month - 1, d.day) > now.getTime()) future++;
  }
  if (years.length < 5) return { parsed: years.length, plausibleBirths: false };
  years.sort((a, b) => a - b);
  const at = (p: number) => years[Math.min(years.length - 1, Math.floor(p * years.length))]!;
  const median = at(0.5);
  const plausibleBirths = future <= 0.05 * years.length && at(0.05) >= 1900 && at(0.95) - at(0.05) >= 20 && now.getUTCFullYear() - median >= 18;
  return { parsed: years.length, plausibleBirths };
}

/** Share of values with a postal-code marker (a letter, space or dash where a country's format has one) or a leading zero. */
export function postalMarkers(values: readonly string[]): number {
  let n = 0;
  for (const v of values) if (isMarkedPostalCode(v) || /^0\d{3,4}$/.test(v)) n++;
  return values.length ? n / values.length : 0;
}

/** Vocabulary words that are also ordinary words (colours, "none"): they count only beside specific ones. */
const AMBIGUOUS = new Set(['white', 'black', 'green', 'none', 'independent', 'mixed', 'liberal', 'conservative', 'straight', 'orthodox', 'stroke', 'a+', 'a-', 'b+', 'b-', 'o+', 'o-']);

/**
 * The Art. 9 category most of the (few) distinct values name, with the share: at least half the values
 * and at least two specific words (a column of "Black" and "White" is a colour, not an ethnicity).
 */
export function specialValues(values: readonly string[]): { category: string; share: number } | null {
  if (values.length === 0 || values.length > 300) return null;
  let best: { category: string; share: number } | null = null;
  for (const c of SPECIAL_CATEGORIES) {
    if (c.values.length === 0) continue;
    const set = new Set(c.values);
    const hits = values.map(foldWord).filter((v) => set.has(v));
    const specific = hits.filter((v) => !AMBIGUOUS.has(v)).length;
    const share = hits.length / values.length;
    if (share >= 0.5 && specific >= 2 && (!best || share > best.share)) best = { category: c.category, share };
  }
  return best;
}

/** Whether the distinct values are (nearly) all gender words. */
export function genderValues(values: readonly string[]): boolean {
  return values.length >= 2 && values.length <= 8 && values.filter((v) => GENDER_VALUES.has(foldWord(v))).length / values.length >= 0.8;
}
