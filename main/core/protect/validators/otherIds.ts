// UK National Insurance numbers and US Social Security numbers: the issuers' format rules (these
// numbers carry no check digit).

const NINO = /^([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])(\d{6})([A-D])$/;
const NINO_BAD_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** UK NINO like `QQ 12 34 56 C`: the letters HMRC allows, six digits, suffix A–D; spaces ignored. */
export function isNinoUk(value: string): boolean {
  const m = NINO.exec(value.trim().toUpperCase().replace(/\s+/g, ''));
  return m !== null && !NINO_BAD_PREFIX.has(`${m[1]}${m[2]}`);
}

const SSN_SEPARATED = /^(\d{3})([- ])(\d{2})\2(\d{4})$/;
const SSN_BARE = /^(\d{3})(\d{2})(\d{4})$/;
/** Numbers the SSA says were never valid (advertising and example numbers). */
const SSN_KNOWN_INVALID = new Set(['078051120', '219099999', '123456789']);

function ssnParts(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000' && !SSN_KNOWN_INVALID.has(area + group + serial);
}

/**
 * US SSN AAA-GG-SSSS (area not 000, 666 or 9xx; group not 00; serial not 0000). Without `bare`, only
 * the written form with dashes or spaces counts: nine random digits pass these rules nine times in ten.
 */
export function isSsnUs(value: string, bare = false): boolean {
  const v = value.trim();
  const m = SSN_SEPARATED.exec(v);
  if (m) return ssnParts(m[1]!, m[3]!, m[4]!);
  const b = bare ? SSN_BARE.exec(v) : null;
  return b !== null && ssnParts(b[1]!, b[2]!, b[3]!);
}
