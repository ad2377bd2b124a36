// Telephone numbers, validated by libphonenumber-js with its full ("max") metadata: the number must be
// a valid number of some numbering plan, not just have a plausible length.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Regions tried for a number written without a country code, in this order. A national number is
 * ambiguous by nature; a number that is valid in one of these plans is accepted.
 */
export const PHONE_REGIONS: readonly CountryCode[] = [
  'US', 'GB', 'SE', 'NO', 'DK', 'FI', 'IS', 'DE', 'FR', 'NL', 'BE', 'LU', 'CH', 'AT', 'IT', 'ES', 'PT', 'IE',
  'PL', 'CZ', 'SK', 'HU', 'SI', 'HR', 'EE', 'LV', 'LT', 'GR', 'CY', 'MT', 'RO', 'BG', 'CA', 'AU', 'NZ', 'ZA',
  'BR', 'UY', 'AR', 'MX', 'IN', 'JP', 'TN', 'TR', 'GL',
];

/** Digits, spaces, dashes, dots, slashes and parentheses, an optional leading + ; 6 to 15 digits. */
const SHAPE = /^\+?[\d\s().\-/]{6,24}$/;

/** Whether the value has the shape of a phone number at all (cheap; run before isPhone). */
export function phoneShape(value: string): boolean {
  const v = value.trim();
  if (!SHAPE.test(v)) return false;
  const digits = v.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 15) return false;
  // A bare integer without a leading 0 or + is a count or an id far more often than a phone number;
  // decimals, negative numbers and dates are never phone numbers.
  if (/^\d+$/.test(v) && v[0] !== '0') return false;
  if (v[0] === '-' || /^\d+[.,]\d+$/.test(v)) return false;
  if (/^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(v)) return false;
  if (digits.length < 7) return false;
  return true;
}

/** True if the value is a valid phone number: international (+ or 00) or national in one of `regions`. */
export function isPhone(value: string, regions: readonly CountryCode[] = PHONE_REGIONS): boolean {
  if (!phoneShape(value)) return false;
  let v = value.trim();
  if (v.startsWith('00')) v = `+${v.slice(2)}`;
  if (v.startsWith('+')) return parsePhoneNumberFromString(v)?.isValid() ?? false;
  for (const r of regions) {
    if (parsePhoneNumberFromString(v, r)?.isValid()) return true;
  }
  return false;
}
