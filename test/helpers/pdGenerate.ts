// Seeded generators of valid personal identifiers (check digits computed by the issuers' rules) and of
// look-alike non-identifiers, for the detection tests and the accuracy benchmark.
import { isIban, isPhone } from '../../main/core/protect/validators';
import { luhn, weightedSum } from '../../main/core/protect/validators/checksums';
import { mulberry32 } from './random';

export type Rnd = () => number;
export const rng = (seed: number): Rnd => mulberry32(seed);
const int = (r: Rnd, n: number) => Math.floor(r() * n);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[int(r, xs.length)]!;

function date(r: Rnd, from: number, to: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(from, 0, 1) + int(r, (to - from) * 365) * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** A Norwegian fødselsnummer (a D-number one time in five). */
export function genFnrNo(r: Rnd): string {
  for (;;) {
    const { y, m, d } = date(r, 1940, 2022);
    const individual = y < 2000 ? int(r, 500) : 500 + int(r, 500);
    const dd = int(r, 5) === 0 ? d + 40 : d;
    const base = `${pad(dd, 2)}${pad(m, 2)}${pad(y % 100, 2)}${pad(individual, 3)}`;
    let k1 = 11 - (weightedSum(base, [3, 7, 6, 1, 8, 9, 4, 5, 2]) % 11);
    if (k1 === 11) k1 = 0;
    if (k1 === 10) continue;
    let k2 = 11 - (weightedSum(base + k1, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
    if (k2 === 11) k2 = 0;
    if (k2 === 10) continue;
    return `${base}${k1}${k2}`;
  }
}

/** A Danish CPR number DDMMYY-SSSS (the century digit by the CPR table; mod 11 only sometimes). */
export function genCprDk(r: Rnd): string {
  const { y, m, d } = date(r, 1930, 2022);
  const d7 = y < 2000 ? int(r, 4) : pick(r, [4, 9]);
  return `${pad(d, 2)}${pad(m, 2)}${pad(y % 100, 2)}-${d7}${pad(int(r, 1000), 3)}`;
}

const FI_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
/** A Finnish HETU, with the 2023 century signs one time in three. */
export function genHetuFi(r: Rnd): string {
  const { y, m, d } = date(r, 1930, 2022);
  const sign = y < 2000 ? (int(r, 3) === 0 ? pick(r, ['Y', 'X', 'W', 'V', 'U']) : '-') : (int(r, 3) === 0 ? pick(r, ['B', 'C', 'D', 'E', 'F']) : 'A');
  const zzz = pad(2 + int(r, 898), 3);
  const head = `${pad(d, 2)}${pad(m, 2)}${pad(y % 100, 2)}`;
  return `${head}${sign}${zzz}${FI_CHECK[Number(head + zzz) % 31]}`;
}

/** A UK National Insurance number, spaced or not. */
export function genNino(r: Rnd): string {
  const first = 'ABCEGHJKLMNOPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  for (;;) {
    const p = pick(r, [...first]) + pick(r, [...second]);
    if (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(p)) continue;
    const n = pad(int(r, 1_000_000), 6);
    const s = pick(r, ['A', 'B', 'C', 'D']);
    return int(r, 2) ? `${p} ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4)} ${s}` : `${p}${n}${s}`;
  }
}

/** A US SSN AAA-GG-SSSS. */
export function genSsn(r: Rnd): string {
  let a = 1 + int(r, 898);
  if (a === 666) a = 667;
  return `${pad(a, 3)}-${pad(1 + int(r, 99), 2)}-${pad(1 + int(r, 9999), 4)}`;
}

function ibanFor(country: string, bban: string): string {
  const digits = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of digits) rem = (rem * 10 + Number(ch)) % 97;
  return `${country}${pad(98 - rem, 2)}${bban}`;
}

/** An IBAN of DE, SE, GB or NL (mod 97 right; retried until ibantools accepts the national format). */
export function genIban(r: Rnd): string {
  for (;;) {
    const c = pick(r, ['DE', 'SE', 'GB', 'NL']);
    const digits = (n: number) => Array.from({ length: n }, () => int(r, 10)).join('');
    const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + int(r, 26))).join('');
    const bban = c === 'DE' ? digits(18) : c === 'SE' ? digits(20) : c === 'GB' ? letters(4) + digits(14) : letters(4) + digits(10);
    const iban = ibanFor(c, bban);
    if (!isIban(iban)) continue;
    return int(r, 2) ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban;
  }
}

function withLuhn(r: Rnd, prefix: string, length: number): string {
  let body = prefix;
  while (body.length < length - 1) body += int(r, 10);
  for (let c = 0; c < 10; c++) if (luhn(body + c)) return body + c;
  throw new Error('unreachable');
}

/** A Visa, Mastercard or Amex number, grouped by spaces one time in two. */
export function genCard(r: Rnd): string {
  const k = int(r, 3);
  const n = k === 0 ? withLuhn(r, '4', 16) : k === 1 ? withLuhn(r, String(51 + int(r, 5)), 16) : withLuhn(r, pick(r, ['34', '37']), 15);
  return int(r, 2) ? n.replace(/(\d{4})(?=\d)/g, '$1 ') : n;
}

export function genIp(r: Rnd): string {
  if (int(r, 5) === 0) return Array.from({ length: 8 }, () => int(r, 65536).toString(16)).join(':');
  return [1 + int(r, 223), int(r, 256), int(r, 256), 1 + int(r, 254)].join('.');
}

export function genMac(r: Rnd): string {
  const sep = pick(r, [':', '-']);
  return Array.from({ length: 6 }, () => int(r, 256).toString(16).padStart(2, '0')).join(sep);
}

export function genCoordinates(r: Rnd): string {
  return `${(r() * 140 - 60).toFixed(5)}, ${(r() * 340 - 170).toFixed(5)}`;
}

export function genBirthDate(r: Rnd): string {
  const { y, m, d } = date(r, 1935, 2005);
  return `${y}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** A Swedish postal code `123 45`. */
export function genPostalSe(r: Rnd): string {
  return `${1 + int(r, 9)}${pad(int(r, 100), 2)} ${pad(int(r, 100), 2)}`;
}

/** A valid phone number of SE, GB, DE or US in international or national writing. */
export function genPhone(r: Rnd): string {
  for (;;) {
    const k = int(r, 3);
    const s = k === 0 ? `+46 7${pick(r, ['0', '2', '3', '6'])} ${pad(int(r, 1000), 3)} ${pad(int(r, 100), 2)} ${pad(int(r, 100), 2)}`
      : k === 1 ? `07${pad(int(r, 1000), 3)} ${pad(int(r, 1_000_000), 6)}`
        : `(${pick(r, ['212', '303', '415', '617', '312'])}) ${2 + int(r, 8)}${pad(int(r, 100), 2)}-${pad(int(r, 10000), 4)}`;
    if (isPhone(s)) return s;
  }
}

/** Plain random digit strings of a length: about one in ten passes a Luhn check by chance. */
export function genDigits(r: Rnd, length: number): string {
  let s = String(1 + int(r, 9));
  while (s.length < length) s += int(r, 10);
  return s;
}

export const DIAGNOSES = ['Diabetes', 'Asthma', 'Hypertension', 'Depression', 'Migraine', 'Epilepsy', 'COPD', 'Arthritis', 'Anxiety', 'Eczema'];
export const RELIGIONS = ['Christian', 'Muslim', 'Jewish', 'Hindu', 'Buddhist', 'Atheist', 'Agnostic', 'Sikh'];

/** `n` values from a generator. */
export function many(r: Rnd, n: number, gen: (r: Rnd) => string): string[] {
  return Array.from({ length: n }, () => gen(r));
}
