// Date casting for the castDate operation, on top of the shared date parser.
import { formatDateTime, parseDateTime } from '../../util/dates';

export { parseDate, parseDateTime, formatDateTime, type DateTimeParts } from '../../util/dates';

/**
 * A date as ISO 8601 'YYYY-MM-DD', or a datetime as 'YYYY-MM-DDTHH:MM:SS' with its fraction of a
 * second as written and its offset when it has one ('2024-03-02T10:00Z' → '2024-03-02T10:00:00Z',
 * '+0100' → '+01:00'); the time is kept, never converted to another zone or dropped. Accepts
 * '2024-03-02', '2024/3/2', '20240302', '02/03/2024', '2-3-24', '02.03.2024' (always day-first),
 * '2 March 2024', '2. März 2024', 'March 2, 2024', '17-Nov-16', '2024 Mar 2' (English, Swedish
 * and German month names), an optional leading weekday, and a time after any of them. `order`
 * settles numeric dates whose first two parts are both ≤ 12; a part > 12 is read the only way it
 * can be. Two-digit years: 00–68 → 20xx, 69–99 → 19xx. Invalid dates (31/02/2024) → null.
 */
export function castDate(v: string, order: 'dayFirst' | 'monthFirst'): string | null {
  const p = parseDateTime(v, order === 'dayFirst');
  return p ? formatDateTime(p) : null;
}
