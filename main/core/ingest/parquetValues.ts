// How Parquet values become Tidyset's exact text, column by column (see parquet.ts for the forms), and
// the column types the Parquet schema implies.
import type { FileMetaData, SchemaElement } from 'hyparquet';
import type { ColumnType } from '../../../shared/api/catalog';

/** How one top-level column's raw values become text. */
export type Kind =
  | { k: 'int' } | { k: 'float' } | { k: 'bool' } | { k: 'string' } | { k: 'binary' }
  | { k: 'decimal'; scale: number } | { k: 'date' } | { k: 'timestamp'; unit: bigint; digits: number; utc: boolean }
  | { k: 'time'; unit: bigint; digits: number } | { k: 'nested' } | { k: 'other' };

export interface Plan {
  names: string[];
  kinds: Kind[];
  /** Metadata with the annotations this reader formats itself taken off, so hyparquet hands over raw values. */
  metadata: FileMetaData;
}

/** Indexes (in the flat schema list) of the root's children. */
export function topLevel(schema: SchemaElement[]): number[] {
  const out: number[] = [];
  let i = 1;
  const skip = (at: number): number => {
    let next = at + 1;
    for (let c = 0; c < (schema[at]!.num_children ?? 0); c++) next = skip(next);
    return next;
  };
  for (let c = 0; c < (schema[0]?.num_children ?? 0); c++) {
    out.push(i);
    i = skip(i);
  }
  return out;
}

const UNITS = { MILLIS: [1000n, 3], MICROS: [1_000_000n, 6], NANOS: [1_000_000_000n, 9] } as const;

function kindOf(el: SchemaElement): Kind {
  if (el.num_children) return { k: 'nested' };
  const lt = el.logical_type;
  const ct = el.converted_type;
  if (ct === 'DECIMAL' || lt?.type === 'DECIMAL') return { k: 'decimal', scale: el.scale ?? 0 };
  if (lt?.type === 'TIMESTAMP') {
    const [unit, digits] = UNITS[lt.unit as keyof typeof UNITS] ?? UNITS.MILLIS;
    return { k: 'timestamp', unit, digits, utc: lt.isAdjustedToUTC !== false };
  }
  if (ct === 'TIMESTAMP_MILLIS') return { k: 'timestamp', unit: 1000n, digits: 3, utc: true };
  if (ct === 'TIMESTAMP_MICROS') return { k: 'timestamp', unit: 1_000_000n, digits: 6, utc: true };
  if (lt?.type === 'TIME') {
    const [unit, digits] = UNITS[lt.unit as keyof typeof UNITS] ?? UNITS.MILLIS;
    return { k: 'time', unit, digits };
  }
  if (ct === 'TIME_MILLIS') return { k: 'time', unit: 1000n, digits: 3 };
  if (ct === 'TIME_MICROS') return { k: 'time', unit: 1_000_000n, digits: 6 };
  if (ct === 'DATE' || lt?.type === 'DATE') return { k: 'date' };
  if (el.type === 'INT96') return { k: 'timestamp', unit: 1_000_000_000n, digits: 9, utc: true };
  if (ct === 'UTF8' || ct === 'ENUM' || ct === 'JSON' || lt?.type === 'STRING' || lt?.type === 'ENUM' || lt?.type === 'JSON' || lt?.type === 'UUID') return { k: 'string' };
  if (el.type === 'BOOLEAN') return { k: 'bool' };
  if (el.type === 'INT32' || el.type === 'INT64') return { k: 'int' };
  if (el.type === 'FLOAT' || el.type === 'DOUBLE' || lt?.type === 'FLOAT16') return { k: 'float' };
  if (el.type === 'BYTE_ARRAY' || el.type === 'FIXED_LEN_BYTE_ARRAY') return { k: 'binary' };
  return { k: 'other' };
}

export function planOf(meta: FileMetaData): Plan {
  const schema = meta.schema.map((e) => ({ ...e }));
  const idx = topLevel(schema);
  const kinds = idx.map((i) => kindOf(schema[i]!));
  idx.forEach((i, c) => {
    const k = kinds[c]!.k;
    // Take off what we format ourselves; hyparquet then hands over the physical value.
    if (k === 'decimal' || k === 'timestamp' || k === 'time' || k === 'date') {
      const el = schema[i]!;
      delete el.converted_type;
      delete el.logical_type;
    }
    if (k === 'string') {
      const el = schema[i]!;
      if (el.converted_type === 'JSON' || el.logical_type?.type === 'JSON') {
        el.converted_type = 'UTF8';
        el.logical_type = { type: 'STRING' };
      }
    }
  });
  return { names: idx.map((i) => schema[i]!.name), kinds, metadata: { ...meta, schema } };
}

export const TYPE_OF: Record<Kind['k'], ColumnType> = {
  int: 'integer', float: 'decimal', decimal: 'decimal', bool: 'boolean', date: 'date', timestamp: 'datetime',
  string: 'text', binary: 'text', time: 'text', nested: 'text', other: 'text',
};

const pad = (n: number | bigint, w: number) => String(n).padStart(w, '0');

function isoDate(days: number): string {
  const d = new Date(days * 86_400_000);
  const y = d.getUTCFullYear();
  return `${y < 0 ? '-' + pad(-y, 6) : y > 9999 ? '+' + y : pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function fraction(rest: bigint, digits: number): string {
  if (rest === 0n) return '';
  return '.' + pad(rest, digits).replace(/0+$/, '');
}

function isoTimestamp(v: bigint, unit: bigint, digits: number, utc: boolean): string {
  let secs = v / unit;
  let rest = v % unit;
  if (rest < 0n) {
    rest += unit;
    secs -= 1n;
  }
  const days = secs >= 0n ? secs / 86400n : -((-secs + 86399n) / 86400n);
  const tod = Number(secs - days * 86400n);
  return `${isoDate(Number(days))}T${pad(Math.floor(tod / 3600), 2)}:${pad(Math.floor(tod / 60) % 60, 2)}:${pad(tod % 60, 2)}${fraction(rest, digits)}${utc ? 'Z' : ''}`;
}

function timeOfDay(v: bigint, unit: bigint, digits: number): string {
  const secs = Number(v / unit);
  return `${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}${fraction(v % unit, digits)}`;
}

function unscaled(raw: unknown): bigint {
  if (typeof raw === 'bigint') return raw;
  if (typeof raw === 'number') return BigInt(raw);
  const bytes = raw as Uint8Array;
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  if (bytes.length && bytes[0]! & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return v;
}

function decimalText(raw: unknown, scale: number): string {
  const v = unscaled(raw);
  if (scale <= 0) return (v * 10n ** BigInt(-scale)).toString();
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function floatText(v: number): string {
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

/** JSON text of a nested value: BigInts as digits, bytes as base64, dates as ISO. */
function jsonText(v: unknown): string {
  const json = JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x === 'bigint') return `\u0000big:${x.toString()}`;
    if (x instanceof Uint8Array) return Buffer.from(x).toString('base64');
    return x;
  });
  return json.replace(/"\\u0000big:(-?\d+)"/g, '$1');
}

export function text(raw: unknown, kind: Kind): string | null {
  if (raw === null || raw === undefined) return null;
  switch (kind.k) {
    case 'decimal': return decimalText(raw, kind.scale);
    case 'date': return isoDate(Number(raw));
    case 'timestamp': return raw instanceof Date ? raw.toISOString() : typeof raw === 'string' ? raw : isoTimestamp(BigInt(raw as number | bigint), kind.unit, kind.digits, kind.utc);
    case 'time': return timeOfDay(BigInt(raw as number | bigint), kind.unit, kind.digits);
    case 'bool': return raw ? 'true' : 'false';
    case 'float': return floatText(Number(raw));
    case 'int': return String(raw);
    case 'binary': return raw instanceof Uint8Array ? Buffer.from(raw).toString('base64') : String(raw);
    case 'nested': return jsonText(raw);
    default: return typeof raw === 'string' ? raw : raw instanceof Uint8Array ? Buffer.from(raw).toString('base64') : typeof raw === 'object' ? jsonText(raw) : String(raw);
  }
}

/** Legacy INT96 timestamps reach us through hyparquet's parser; keep every nanosecond. */
export const PARSERS = {
  timestampFromNanoseconds: (n: bigint) => isoTimestamp(n, 1_000_000_000n, 9, true),
  timestampFromMicroseconds: (n: bigint) => isoTimestamp(n, 1_000_000n, 6, true),
  timestampFromMilliseconds: (n: bigint) => isoTimestamp(BigInt(n), 1000n, 3, true),
  dateFromDays: (d: number) => isoDate(d),
};

export function sameSchema(a: Plan, b: Plan): boolean {
  return a.names.length === b.names.length && a.names.every((n, i) => n === b.names[i] && a.kinds[i]!.k === b.kinds[i]!.k);
}

