// Detection for one column: the header's keyword and the sampled values' evidence, combined into one
// finding (kind, category, confidence, evidence). Values alone are enough when the header says nothing.
import { DEFAULT_CATEGORY, type Finding } from '../../../../shared/api/detect';
import type { PdCategory, PdKind } from '../../../../shared/api/personal';
import { cprMod11 } from '../validators/nordicIds';
import { isDecimalDegree } from '../validators/coordinates';
import { isSsnUs } from '../validators/otherIds';
import { phoneShape } from '../validators/phone';
import { NATIONAL_ID_KINDS, VALIDATED_KINDS, VALIDATORS, type ValidatedKind } from '../validators';
import { matchHeader, matchSpecialHeader, type HeaderHint } from './headers';
import { maskExample } from './mask';
import type { ColumnSample } from './sample';
import { dateSpread, genderValues, wordsPerValue, nameEvidence, placeEvidence, postalMarkers, specialValues, textEvidence } from './scores';

/** Fewest distinct values that must pass before values alone can name a kind (one random number in ten passes Luhn). */
export const MIN_SUPPORT = 5;
/** Share of distinct values that must pass, values alone. */
export const VALUE_HIT_RATE = 0.8;
/** Share that must pass when the header names the kind. */
export const HEADER_HIT_RATE = 0.3;
/** Phone numbers are costly to validate (up to one parse per numbering plan): check at most this many, and stop early when the first ones mostly fail. */
const PHONE_LIMIT = 200;
const PHONE_PROBE = 40;

interface Score {
  kind: PdKind;
  passed: number;
  sampled: number;
  examples: string[];
  note?: string;
}

const rate = (s: Score) => (s.sampled ? s.passed / s.sampled : 0);

function countPasses(kind: PdKind, values: readonly string[], ok: (v: string) => boolean, probe = Infinity): Score {
  let passed = 0;
  const examples: string[] = [];
  let seen = 0;
  for (const v of values) {
    seen++;
    if (ok(v)) {
      passed++;
      if (examples.length < 3) examples.push(maskExample(v));
    }
    if (seen === probe && passed / seen < 0.3) return { kind, passed: Math.round((passed / seen) * values.length), sampled: values.length, examples };
  }
  return { kind, passed, sampled: values.length, examples };
}

function validatorScores(values: readonly string[], header: HeaderHint | null): Map<PdKind, Score> {
  const scores = new Map<PdKind, Score>();
  const digitHeavy = values.filter((v) => /\d/.test(v)).length / Math.max(1, values.length) >= 0.5;
  for (const kind of VALIDATED_KINDS) {
    // Cheap pre-filters: number-like kinds only where digits dominate; phones only where their shape does.
    if (kind !== 'email' && kind !== 'nino_uk' && kind !== 'mac_address' && !digitHeavy) continue;
    let ok: (v: string) => boolean = VALIDATORS[kind];
    if (kind === 'ssn_us' && header?.kind === 'ssn_us') ok = (v) => isSsnUs(v, true);
    if (kind === 'coordinates' && header?.kind === 'coordinates') ok = (v) => VALIDATORS.coordinates(v) || isDecimalDegree(v);
    if (kind === 'phone') {
      const shaped = values.filter(phoneShape);
      if (shaped.length < values.length * 0.3) continue;
      scores.set(kind, countPasses(kind, values.slice(0, PHONE_LIMIT), ok, PHONE_PROBE));
      continue;
    }
    scores.set(kind, countPasses(kind, values, ok));
  }
  return scores;
}

interface Vocabulary {
  name: Score;
  city: Score;
  address: Score;
  text: Score;
  /** Shares of sampled cells (not distinct values): name-shaped, known names, known cities, street words. */
  shaped: number;
  /** Share of cells without a digit. */
  plain: number;
  nameCells: number;
  cityCells: number;
  streetShare: number;
  textNames: number;
}

function vocabularyScores(values: readonly string[], counts: readonly number[]): Vocabulary {
  const mk = (kind: PdKind): Score => ({ kind, passed: 0, sampled: values.length, examples: [] });
  const name = mk('person_name');
  const city = mk('location');
  const address = mk('location');
  const text = mk('free_text_pii');
  let cells = 0;
  let shaped = 0;
  let nameCells = 0;
  let cityCells = 0;
  let street = 0;
  let textNames = 0;
  const add = (s: Score, v: string) => {
    s.passed++;
    if (s.examples.length < 3) s.examples.push(maskExample(v));
  };
  const words = wordsPerValue(values);
  const kinds = new Set<string>();
  let plain = 0;
  values.forEach((v, i) => {
    const w = counts[i] ?? 1;
    cells += w;
    if (!/\d/.test(v)) plain += w;
    if (words < 6) {
      const n = nameEvidence(v);
      if (n.shaped) shaped += w;
      if (n.known) {
        add(name, v);
        nameCells += w;
      }
      const p = placeEvidence(v);
      if (p.city) {
        add(city, v);
        cityCells += w;
      }
      if (p.address) add(address, v);
      if (p.street) street++;
    }
    if (words >= 4) {
      const t = textEvidence(v);
      if (t.id) {
        add(text, v);
        kinds.add(t.id);
      } else if (t.name) textNames++;
    }
  });
  if (kinds.size) text.note = `contains ${[...kinds].join(', ')}`;
  const share = (x: number) => (cells ? x / cells : 0);
  return { name, city, address, text, shaped: share(shaped), plain: share(plain), nameCells: share(nameCells), cityCells: share(cityCells), streetShare: values.length ? street / values.length : 0, textNames };
}

function finding(column: string, s: Score, header: string | null, confidence: number, category?: PdCategory, note?: string): Finding {
  return {
    column, kind: s.kind, category: category ?? DEFAULT_CATEGORY[s.kind], confidence: Math.round(Math.min(0.99, confidence) * 100) / 100,
    evidence: { header, sampled: s.sampled, passed: s.passed, examples: s.examples, ...(note ?? s.note ? { note: note ?? s.note } : {}) },
  };
}

/** Confidence from the hit rate and the support (distinct values that passed). */
function valueConfidence(s: Score, headerAgrees: boolean): number {
  const support = Math.min(1, s.passed / 20);
  return (headerAgrees ? 0.6 : 0.45) + 0.4 * rate(s) * (0.5 + 0.5 * support);
}

/** The finding for one column from its display name and sampled values. */
export function detectColumn(column: string, sample: ColumnSample, now: Date = new Date()): Finding {
  const values = sample.values;
  const header = matchHeader(column);
  const special = matchSpecialHeader(column);
  const scores = validatorScores(values, header);
  const voc = vocabularyScores(values, sample.counts);
  const spread = scores.has('date_of_birth') ? dateSpread(values, now) : { parsed: 0, plausibleBirths: false };
  const none = (note?: string, category: PdCategory = 'none', kw: string | null = null): Finding => ({
    column, kind: 'none', category, confidence: category === 'none' ? 0.9 : 0.6,
    evidence: { header: kw, sampled: values.length, passed: 0, examples: [], ...(note ? { note } : {}) },
  });

  // Special categories (Art. 9): from the header, or from what most values say.
  const specialVal = specialValues(values);
  if (special || specialVal) {
    const what = special?.category ?? specialVal!.category;
    return { ...none(`special category: ${what}`, 'special', special?.keyword ?? null), confidence: special && specialVal ? 0.9 : 0.7 };
  }

  const dk = scores.get('national_id_dk');
  const candidates: Score[] = [];
  for (const [kind, s] of scores) {
    if (kind === 'date_of_birth' && !spread.plausibleBirths && header?.kind !== 'date_of_birth') continue;
    if (kind === 'postal_code' && header?.kind !== 'postal_code' && (postalMarkers(values) < 0.05 || values.length < 20)) continue;
    candidates.push(s);
  }
  candidates.push(voc.text);
  const sureValues = (s: Score) => s.passed >= Math.min(MIN_SUPPORT, Math.max(3, values.length)) && rate(s) >= VALUE_HIT_RATE;
  const order = (k: PdKind) => { const i = (VALIDATED_KINDS as readonly PdKind[]).indexOf(k); return i < 0 ? 99 : i; };
  const byStrength = (a: Score, b: Score) => rate(b) - rate(a) || order(a.kind) - order(b.kind);

  // 1. The header names a kind and enough values agree (or the values cannot be judged).
  if (header && header.kind !== 'age' && header.kind !== 'gender') {
    const own: Score | undefined =
      header.kind === 'national_id' ? NATIONAL_ID_KINDS.map((k) => scores.get(k)).filter((s): s is Score => !!s).sort(byStrength)[0]
        : header.kind === 'person_name' ? voc.name
          : header.kind === 'location' ? (rate(voc.address) > rate(voc.city) ? voc.address : voc.city)
            : scores.get(header.kind);
    const strongerElsewhere = candidates.filter(sureValues).sort(byStrength)[0];
    if (own && rate(own) >= HEADER_HIT_RATE && !(strongerElsewhere && strongerElsewhere.kind !== own.kind && rate(strongerElsewhere) > rate(own) + 0.3)) {
      const bonus = own.kind === 'national_id_dk' && dk ? 0.05 * (values.filter(cprMod11).length / Math.max(1, values.length)) : 0;
      return finding(column, own, header.keyword, valueConfidence(own, true) + bonus);
    }
    const nameLike = header.kind === 'person_name' && voc.shaped >= 0.8;
    const placeLike = header.kind === 'location' && voc.plain >= 0.5;
    if (header.strong && !strongerElsewhere && (values.length < MIN_SUPPORT || nameLike || placeLike || headerOnlyShape(header, values))) {
      const kind: PdKind = header.kind === 'national_id' ? 'none' : header.kind;
      const s: Score = own ?? { kind, passed: 0, sampled: values.length, examples: [] };
      const note = values.length === 0 ? 'header only: no values to check' : 'header only: the values do not pass the strict check';
      return finding(column, { ...s, kind }, header.keyword, 0.45, header.kind === 'national_id' ? 'direct' : undefined, note);
    }
  }

  // 2. Values alone: the strongest kind whose validator most values pass.
  const sure = candidates.filter(sureValues).sort(byStrength)[0];
  if (sure && sure.kind !== 'free_text_pii') return finding(column, sure, null, valueConfidence(sure, false));
  if (voc.text.passed >= MIN_SUPPORT && rate(voc.text) >= 0.05) return finding(column, voc.text, null, 0.5 + rate(voc.text));
  if (voc.textNames >= 10 && voc.textNames / Math.max(1, values.length) >= 0.2) {
    return finding(column, { ...voc.text, passed: voc.textNames }, null, 0.55, undefined, 'contains full names');
  }
  // Names against places: whichever vocabulary knows more of the cells.
  const addressRate = voc.streetShare >= 0.2 ? rate(voc.address) : 0;
  const placeScore = Math.max(voc.cityCells, addressRate);
  if (voc.shaped >= 0.9 && voc.nameCells >= 0.3 && voc.nameCells > 1.5 * placeScore && voc.name.passed >= MIN_SUPPORT) {
    return finding(column, voc.name, null, valueConfidence({ ...voc.name, passed: Math.round(voc.nameCells * voc.name.sampled) }, false));
  }
  if (addressRate >= 0.5 && voc.address.passed >= MIN_SUPPORT) return finding(column, voc.address, null, valueConfidence(voc.address, false));
  if (voc.cityCells >= 0.2 && voc.cityCells > voc.nameCells && voc.plain >= 0.9 && voc.city.passed >= Math.min(MIN_SUPPORT, values.length)) {
    return finding(column, voc.city, null, 0.45 + 0.4 * voc.cityCells);
  }
  const coords = values.filter((v) => /^[-+]?\d{1,3}\.\d{5,}$/.test(v) && Math.abs(Number(v)) <= 180).length;
  if (values.length >= 20 && coords / values.length >= 0.9) {
    const nums = values.map(Number).filter((x) => Number.isFinite(x));
    // GPS readings: five or more decimals, and clustered (a survey area, not numbers spread over ±180).
    if (Math.max(...nums) - Math.min(...nums) <= 20) {
      return finding(column, { kind: 'coordinates', passed: coords, sampled: values.length, examples: values.slice(0, 3).map(maskExample) }, null, 0.6, undefined, 'decimal degrees (5+ decimals, clustered)');
    }
  }

  // 3. Quasi-identifiers without a kind of their own.
  if (header?.kind === 'age' || header?.kind === 'gender') return none(`quasi-identifier: ${header.kind}`, 'quasi', header.keyword);
  if (genderValues(values)) return none('quasi-identifier: gender', 'quasi');
  return none();
}

/** Whether values that fail the strict check still look like the kind (mangled numbers, say). */
function headerOnlyShape(header: HeaderHint, values: readonly string[]): boolean {
  const digits = values.filter((v) => (v.match(/\d/g)?.length ?? 0) >= 6).length / Math.max(1, values.length);
  const numberKinds: ReadonlyArray<HeaderHint['kind']> = ['national_id', 'phone', 'payment_card', 'iban', 'ssn_us', 'nino_uk', ...NATIONAL_ID_KINDS];
  return numberKinds.includes(header.kind) && digits >= 0.5;
}

export type { ValidatedKind };
