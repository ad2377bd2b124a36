// Postal codes: the formats of the countries' postal services (a compact table, not a lookup of real codes).

/** Formats that contain a letter, a space or a dash, so that they are hardly ever anything else. */
const MARKED: readonly RegExp[] = [
  /^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$/i, // UK
  /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i, // Canada
  /^[1-9]\d{3} ?[A-Z]{2}$/i, // Netherlands
  /^\d{4}-\d{3}$/, // Portugal
  /^\d{3} \d{2}$/, // Sweden, Czechia, Slovakia, Greece
  /^\d{2}-\d{3}$/, // Poland
  /^\d{5}-\d{4}$/, // US ZIP+4
  /^\d{5}-\d{3}$/, // Brazil
  /^\d{3}-\d{4}$/, // Japan
  /^(SE|S|FI|DK|NO|D|DE|F|CH|A|AT|PL|IS|LV|LT|EE)-\d{4,5}$/i, // country-prefixed (S-123 45 written compactly, D-12345…)
  /^[A-Z]{1,2}-\d{3,5}$/i,
];
/** Plain digit codes: 4 digits (DK, NO, CH, AT, BE, AU, NZ, ZA, HU…) or 5 (US, DE, FR, IT, ES, FI, SE written without space…). */
const PLAIN = /^\d{4,5}$/;

/** Whether the value is written in one of the postal-code formats above. */
export function isPostalCode(value: string): boolean {
  const v = value.trim();
  return v.length >= 4 && v.length <= 10 && (PLAIN.test(v) || MARKED.some((r) => r.test(v)));
}

/** Whether it is a format that marks it as a postal code (letters, a space or a dash where the format puts them). */
export function isMarkedPostalCode(value: string): boolean {
  const v = value.trim();
  return MARKED.some((r) => r.test(v));
}
