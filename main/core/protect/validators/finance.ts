// Bank and card numbers: IBAN through ibantools (mod 97, the country's length and BBAN format); card
// numbers by Luhn and the issuers' published number ranges and lengths.
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { luhn } from './checksums';

/** IBAN, printed (`DE89 3704 0044 0532 0130 00`) or electronic; case-insensitive. */
export function isIban(value: string): boolean {
  const v = value.trim();
  if (v.length < 15 || v.length > 42 || !/^[A-Za-z]{2}\d{2}/.test(v)) return false;
  const e = electronicFormatIBAN(v);
  return e !== null && isValidIBAN(e);
}

/** [first digits range low, high, allowed lengths] per issuer (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro). */
const RANGES: ReadonlyArray<[number, number, readonly number[]]> = [
  [4, 4, [13, 16, 19]],
  [51, 55, [16]],
  [2221, 2720, [16]],
  [34, 34, [15]],
  [37, 37, [15]],
  [6011, 6011, [16, 17, 18, 19]],
  [644, 649, [16, 17, 18, 19]],
  [65, 65, [16, 17, 18, 19]],
  [3528, 3589, [16, 17, 18, 19]],
  [300, 305, [14, 15, 16, 17, 18, 19]],
  [36, 36, [14, 15, 16, 17, 18, 19]],
  [38, 39, [14, 15, 16, 17, 18, 19]],
  [62, 62, [16, 17, 18, 19]],
  [50, 50, [12, 13, 14, 15, 16, 17, 18, 19]],
  [56, 69, [12, 13, 14, 15, 16, 17, 18, 19]],
];

/** Which issuer range a digit string falls in (by prefix and length). */
function inIssuerRange(d: string): boolean {
  return RANGES.some(([lo, hi, lengths]) => {
    const p = Number(d.slice(0, String(lo).length));
    return p >= lo && p <= hi && lengths.includes(d.length);
  });
}

/** A payment card number: 12–19 digits (spaces or dashes between groups), an issuer's range and length, Luhn. */
export function isPaymentCard(value: string): boolean {
  const v = value.trim();
  if (!/^\d[\d -]{10,22}\d$/.test(v)) return false;
  const d = v.replace(/[ -]/g, '');
  return d.length >= 12 && d.length <= 19 && inIssuerRange(d) && luhn(d);
}
