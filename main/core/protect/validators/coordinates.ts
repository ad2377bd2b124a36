// Geographic coordinates: a latitude/longitude pair in one value, or one decimal degree.

const NUM = '[-+]?(?:\\d{1,3})(?:\\.\\d+)?';
const PAIR = new RegExp(`^\\(?\\s*(${NUM})\\s*[,;| ]\\s*(${NUM})\\s*\\)?$`);
const DEGREE = /^[-+]?\d{1,3}\.\d{2,}$/;

/** `59.3293, 18.0686` (also `;`, `|` or a space between; optional parentheses): a latitude in ±90 and a longitude in ±180, each with decimals. */
export function isCoordinatePair(value: string): boolean {
  const m = PAIR.exec(value.trim());
  if (!m || !m[1]!.includes('.') || !m[2]!.includes('.')) return false;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/** One decimal degree with at least two decimals, within ±180 (a latitude or longitude column). */
export function isDecimalDegree(value: string): boolean {
  const v = value.trim();
  return DEGREE.test(v) && Math.abs(Number(v)) <= 180;
}
