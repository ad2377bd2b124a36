// National identity numbers of Sweden, Norway, Denmark and Finland: format, embedded birth date and
// check digits, each after its issuer's published rules.
import { isRealDate, luhn, notFuture, weightedSum } from './checksums';

const SE = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/;

/**
 * Swedish personnummer or samordningsnummer (day + 60), 10 or 12 digits, with or without the
 * separator: Luhn over the ten digits YYMMDDNNNC, a real and past birth date; "+" for 100 years or more.
 */
export function isPersonnummerSe(value: string, now: Date = new Date()): boolean {
  // A space is not one of the written forms (the personnummer project's test list rejects it).
  const m = SE.exec(value.trim());
  if (!m) return false;
  const [, cent, yy, mm, dd, sep, tail] = m as unknown as [string, string | undefined, string, string, string, string, string];
  // Serial 000 is never issued.
  if (tail.startsWith('000') || !luhn(`${yy}${mm}${dd}${tail}`)) return false;
  let day = Number(dd);
  if (day > 60) day -= 60;
  const month = Number(mm);
  let year: number;
  if (cent !== undefined) year = Number(cent + yy);
  else {
    // The century is the latest one that puts the date in the past; "+" means 100 years more.
    const thisYear = now.getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + Number(yy);
    if (year > thisYear) year -= 100;
    if (sep === '+') year -= 100;
  }
  return year >= 1800 && isRealDate(year, month, day) && notFuture(year, month, day, now);
}

const ELEVEN = /^\d{11}$/;

/** The birth year of a Norwegian number from its two-digit year and individual number (null: no such series). */
function norwegianYear(yy: number, individual: number): number | null {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (yy <= 39) return 2000 + yy;
  if (individual >= 900) return 1900 + yy;
  return null;
}

/**
 * Norwegian fødselsnummer, D-number (day + 40), H-number (month + 40) or synthetic test number
 * (month + 80): a real birth date, the century from the individual number, and both mod-11 check
 * digits. The first check digit follows the rule in force from 2032 (remainder 0–3 accepted, which
 * includes every number issued before), the second the unchanged one.
 */
export function isFodselsnummerNo(value: string): boolean {
  const v = value.trim().replace(/\s+/g, '');
  if (!ELEVEN.test(v)) return false;
  const k1Sum = weightedSum(v, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k1 = v.charCodeAt(9) - 48;
  if ((k1Sum + k1) % 11 > 3) return false;
  let k2 = 11 - (weightedSum(v, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  if (k2 === 11) k2 = 0;
  if (k2 === 10 || k2 !== v.charCodeAt(10) - 48) return false;
  let day = Number(v.slice(0, 2));
  let month = Number(v.slice(2, 4));
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  const year = norwegianYear(Number(v.slice(4, 6)), Number(v.slice(6, 9)));
  return year !== null && isRealDate(year, month, day);
}

const DK = /^(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})$/;

/** The century of a Danish CPR number from its 7th digit and two-digit year (the CPR office's table). */
function danishYear(yy: number, d7: number): number {
  if (d7 <= 3) return 1900 + yy;
  if (d7 === 4 || d7 === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/**
 * Danish CPR number DDMMYY-SSSS: a real, past birth date with the century from the 7th digit. The
 * mod-11 check is not required (numbers without it are issued since 2007); see cprMod11.
 */
export function isCprDk(value: string, now: Date = new Date()): boolean {
  const m = DK.exec(value.trim().replace(/\s+/g, ''));
  if (!m) return false;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = danishYear(Number(m[3]), Number(m[4]));
  return isRealDate(year, month, day) && notFuture(year, month, day, now);
}

/** Whether a CPR number also passes the old mod-11 check (extra confidence, never a requirement). */
export function cprMod11(value: string): boolean {
  const v = value.trim().replace(/[\s-]+/g, '');
  return /^\d{10}$/.test(v) && weightedSum(v, [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0;
}

const FI = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/;
const FI_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** The century of a Finnish HETU from its sign, including the signs added in 2023 (Y X W V U, B C D E F). */
function finnishCentury(sign: string): number | null {
  if (sign === '+') return 1800;
  if ('-YXWVU'.includes(sign)) return 1900;
  if ('ABCDEF'.includes(sign)) return 2000;
  return null;
}

/** Finnish henkilötunnus DDMMYYCZZZQ: century sign (2023 signs too), a real and past date, individual 002–999, mod-31 check character. */
export function isHetuFi(value: string, now: Date = new Date()): boolean {
  const m = FI.exec(value.trim().toUpperCase());
  if (!m) return false;
  const [, dd, mm, yy, sign, zzz, q] = m as unknown as [string, string, string, string, string, string, string];
  const century = finnishCentury(sign);
  if (century === null || Number(zzz) < 2) return false;
  const year = century + Number(yy);
  if (!isRealDate(year, Number(mm), Number(dd)) || !notFuture(year, Number(mm), Number(dd), now)) return false;
  return FI_CHECK[Number(`${dd}${mm}${yy}${zzz}`) % 31] === q;
}
