// Parquet output through hyparquet-writer with fixed settings (SNAPPY, statistics, row groups of
// 100,000 rows, no timestamps or host names in the file), so the same rows give the same bytes.
// Typed columns are stored typed: INT64, DOUBLE, BOOLEAN, DATE, TIMESTAMP (µs, UTC); text as UTF-8.
import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { parseDateTime } from '../../../shared/util/dates';
import { jsonBoolean, jsonNumber } from '../export/jsonValues';
import { TidysetError } from '../errors';
import type { HashingWriter } from './hashingWriter';

export interface ParquetColumn {
  name: string;
  kind: 'string' | 'int64' | 'double' | 'boolean' | 'date' | 'timestamp';
  /** Decimals written with a decimal comma. */
  decimalComma?: boolean;
}

type Value = string | bigint | number | boolean | null;
/** A stored value as the column's Parquet value; undefined when it does not fit the kind. */
type Converter = (v: string) => Value | undefined;

const ROWS_PER_GROUP = 100_000;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const RE_INT = /^([+-]?)(0|[1-9]\d*)$/;
const DAY_MS = 86_400_000;

/** The converter of a kind: what a non-empty stored value becomes in the file. */
export function parquetConverter(kind: ParquetColumn['kind'], decimalComma = false): Converter {
  switch (kind) {
    case 'string':
      return (v) => v;
    case 'int64':
      return (v) => {
        const m = RE_INT.exec(v.trim());
        if (!m) return undefined;
        const b = BigInt((m[1] === '-' ? '-' : '') + m[2]);
        return b < INT64_MIN || b > INT64_MAX ? undefined : b;
      };
    case 'double':
      return (v) => {
        const s = jsonNumber(v, decimalComma ? ',' : '.');
        return s === null ? undefined : Number(s);
      };
    case 'boolean':
      return (v) => jsonBoolean(v) ?? undefined;
    case 'date':
      return (v) => {
        const p = parseDateTime(v);
        return p && !p.time ? Date.UTC(p.year, p.month - 1, p.day) / DAY_MS : undefined;
      };
    case 'timestamp':
      return (v) => {
        const p = parseDateTime(v);
        if (!p) return undefined;
        const t = p.time ?? { hour: 0, minute: 0, second: 0, fraction: '', offset: null };
        let micros = BigInt(Date.UTC(p.year, p.month - 1, p.day, t.hour, t.minute, t.second)) * 1000n + BigInt((t.fraction + '000000').slice(0, 6));
        const m = t.offset ? /^([+-])(\d{2}):(\d{2})$/.exec(t.offset) : null;
        if (m) micros -= BigInt((m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000_000);
        return micros;
      };
  }
}

function schemaElement(c: ParquetColumn): SchemaElement {
  const base = { name: c.name, repetition_type: 'OPTIONAL' as const };
  switch (c.kind) {
    case 'string':
      return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
    case 'int64':
      return { ...base, type: 'INT64' };
    case 'double':
      return { ...base, type: 'DOUBLE' };
    case 'boolean':
      return { ...base, type: 'BOOLEAN' };
    case 'date':
      return { ...base, type: 'INT32', converted_type: 'DATE' };
    case 'timestamp':
      return { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MICROS' };
  }
}

/** A hyparquet-writer Writer that hands its bytes to a HashingWriter in blocks of about 1 MB. */
class SinkWriter extends ByteWriter {
  constructor(private readonly out: HashingWriter) {
    super(1 << 21);
  }
  override ensure(size: number): void {
    if (this.index > 1 << 20) this.drain();
    super.ensure(size);
  }
  override finish(): void {
    this.drain();
  }
  private drain(): void {
    if (this.index === 0) return;
    this.out.writeBytes(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
}

/** Buffers one row group of column values at a time and writes it. */
export class ParquetSink {
  private readonly writer: ParquetWriter;
  private readonly convert: Converter[];
  private buf: Value[][];
  private rows = 0;
  private total = 0;

  constructor(out: HashingWriter, private readonly cols: ParquetColumn[]) {
    const schema: SchemaElement[] = [{ name: 'root', num_children: cols.length }, ...cols.map(schemaElement)];
    this.writer = new ParquetWriter({ writer: new SinkWriter(out), schema, codec: 'SNAPPY', statistics: true, createdBy: 'tidyset' });
    this.convert = cols.map((c) => parquetConverter(c.kind, c.decimalComma));
    this.buf = cols.map(() => []);
  }

  write(r: ReadonlyArray<string | null>): void {
    for (let i = 0; i < this.cols.length; i++) {
      const v = r[i];
      let out: Value | undefined;
      if (v === null || v === undefined) out = null;
      else if (v === '') out = this.cols[i]!.kind === 'string' ? '' : null;
      else {
        out = this.convert[i]!(v);
        if (out === undefined) {
          throw new TidysetError('INTERNAL', `row ${this.total + this.rows + 1}: value ${JSON.stringify(v)} of column ${JSON.stringify(this.cols[i]!.name)} does not fit its Parquet type ${this.cols[i]!.kind} (the type plan should have written it as text)`);
        }
      }
      this.buf[i]!.push(out);
    }
    if (++this.rows >= ROWS_PER_GROUP) this.flushGroup();
  }

  finish(): void {
    this.flushGroup();
    void this.writer.finish();
  }

  private flushGroup(): void {
    if (this.rows === 0) return;
    const columnData = this.cols.map((c, i) => ({ name: c.name, data: this.buf[i]! as never }));
    void this.writer.write({ columnData, rowGroupSize: this.rows });
    this.total += this.rows;
    this.rows = 0;
    this.buf = this.cols.map(() => []);
  }
}
