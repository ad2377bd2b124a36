// Check-digit algorithms and calendar checks shared by the identifier validators.

/** Luhn (mod 10) over a string of digits, the last one being the check digit. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 1 && sum % 10 === 0;
}

/** Weighted sum of the digits of `digits` (from index 0) with `weights`. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += (digits.charCodeAt(i) - 48) * weights[i]!;
  return s;
}

/** Whether year-month-day is a real calendar date (Gregorian, leap years included). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1]!;
}

/** Whether the date is not after `now` (a birth date cannot be in the future). */
export function notFuture(year: number, month: number, day: number, now: Date = new Date()): boolean {
  return Date.UTC(year, month - 1, day) <= now.getTime();
}

/** Removes spaces, dashes and dots that people type inside numbers. */
export function compact(value: string): string {
  return value.replace(/[\s\-.]/g, '');
}
