// Writes a deterministic, deliberately messy 12-column CSV (seeded PRNG) for the import benchmark.
import { realpathSync } from 'node:fs';
import { mulberry32 } from '../helpers/random';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the output for a given (rows, seed) changes, so cached bench files are regenerated. */
export const GENERATOR_VERSION = 1;

/** The header row's column names, in file order. */
export const COLUMNS = [
  'id',
  'name',
  'email',
  'comment',
  'amount',
  'score',
  'signup_date',
  'updated_at',
  'active',
  'category',
  'city',
  'quantity',
] as const;

const FIRST = [
  'José', 'Zoë', 'François', 'Jürgen', 'Søren', 'Łukasz', 'Anaïs', 'Björn', 'Chloé', 'Inès',
  'Mårten', 'Đorđe', 'Siobhán', 'Renée', 'Ömer', 'Nuño', 'Ana', 'John', 'Mary', 'Peter',
  'Li', 'Aiko', 'Fatima', 'Olga', 'Raúl', 'Noémie', 'Dvořák', 'Hélène', 'Kateřina', 'Tomás',
];
const LAST = [
  'Müller', 'Núñez', 'Çelik', 'Øster', 'Kowalczyk', 'Nguyễn', 'Dubois', 'García', 'Smith', 'Jones',
  'Ōtsuka', 'Brontë', 'Höglund', 'Šimůnek', 'Ferreira', 'O’Brien', 'Schäfer', 'Lefèvre', 'Ivanov', '王',
];
const DOMAINS = ['example.com', 'mail.example.org', 'corp.test', 'exämple.de', 'post.example.net'];
const WORDS = [
  'the', 'order', 'arrived', 'late', 'great', 'service', 'café', 'naïve', 'façade', 'résumé',
  'über', 'jalapeño', 'crème', 'brûlée', 'box', 'damaged', 'refund', 'please', 'thanks', 'ok',
  'size', 'too', 'small', 'colour', 'wrong', 'would', 'buy', 'again', 'fast', 'delivery',
];
const CATEGORIES = [
  'Books', 'books', ' Books', 'Electronics', 'Électronique', 'Garden & Outdoor', 'Toys', 'TOYS',
  'Home', 'Home ', 'Sports', 'N/A', '', 'Health', 'Food, Drink',
];
const CITIES = [
  'São Paulo', 'Zürich', 'Kraków', 'Reykjavík', 'Montréal', 'München', 'Malmö', 'Łódź', 'Besançon',
  'Köln', 'Porto', 'Tōkyō', '東京', 'Αθήνα', 'Москва', 'Paris', 'Berlin', ' Lyon ', '', 'N/A',
];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const BOOLS = ['yes', 'no', 'true', 'false', 'Yes', 'FALSE'];
const ROWS_PER_CHUNK = 8192;
const DAY_MS = 86_400_000;
const EPOCH_2000 = Date.UTC(2000, 0, 1);

export { mulberry32 };

/** Quotes a field per RFC 4180 when it holds a comma, a double quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Builds rows one at a time from a seeded PRNG; the output depends only on the seed. */
class RowMaker {
  private readonly rnd: () => number;

  constructor(seed: number) {
    this.rnd = mulberry32(seed);
  }

  private int(n: number): number {
    return Math.floor(this.rnd() * n);
  }

  private pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }

  private chance(p: number): boolean {
    return this.rnd() < p;
  }

  /** Adds surrounding whitespace to a value now and then. */
  private spaced(value: string, p: number): string {
    return this.chance(p) ? `${' '.repeat(1 + this.int(2))}${value}${this.chance(0.5) ? ' ' : ''}` : value;
  }

  private fold(s: string): string {
    return s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase() || 'user';
  }

  private comment(): string {
    const r = this.rnd();
    if (r < 0.05) return '';
    if (r < 0.07) return 'N/A';
    const n = 2 + this.int(4);
    let out = '';
    for (let i = 0; i < n; i++) {
      let w = this.pick(WORDS);
      if (this.chance(0.015)) w = `"${w}"`;
      if (i > 0) out += this.chance(0.01) ? '\n' : this.chance(0.08) ? ', ' : ' ';
      out += w;
    }
    if (this.chance(0.01)) out += ' 👍';
    return this.spaced(out, 0.03);
  }

  private decimal(max: number, digits: number, commaP: number): string {
    const r = this.rnd();
    if (r < 0.03) return '';
    if (r < 0.05) return 'N/A';
    const s = (this.rnd() * max - max / 10).toFixed(digits);
    return this.chance(commaP) ? s.replace('.', ',') : this.spaced(s, 0.02);
  }

  private date(): string {
    if (this.chance(0.03)) return '';
    const d = new Date(EPOCH_2000 + this.int(9200) * DAY_MS);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const day = d.getUTCDate();
    const f = this.int(3);
    if (f === 0) return `${y}-${pad2(m + 1)}-${pad2(day)}`;
    if (f === 1) return `${pad2(day)}/${pad2(m + 1)}/${y}`;
    return `${day} ${MONTHS[m]} ${y}`;
  }

  private dateTime(): string {
    if (this.chance(0.02)) return '';
    const iso = new Date(EPOCH_2000 + this.int(9200 * 86_400) * 1000).toISOString();
    const f = this.int(4);
    if (f === 0) return iso; // 2024-03-02T14:05:09.000Z
    if (f === 1) return `${iso.slice(0, 19)}Z`;
    if (f === 2) return `${iso.slice(0, 19)}+0${1 + this.int(8)}:00`;
    return iso.slice(0, 19);
  }

  /** One CSV record (12 fields, LF-terminated) for the given id. */
  row(id: number): string {
    const first = this.pick(FIRST);
    const last = this.pick(LAST);
    const nr = this.rnd();
    const name = nr < 0.01 ? '' : nr < 0.05 ? `${last}, ${first}` : this.spaced(`${first} ${last}`, 0.05);
    const er = this.rnd();
    let email = er < 0.04 ? '' : er < 0.05 ? 'N/A' : `${this.fold(first)}.${this.fold(last)}${this.int(100)}@${this.pick(DOMAINS)}`;
    if (this.chance(0.03)) email = email.toUpperCase();
    const active = this.chance(0.03) ? '' : this.pick(BOOLS);
    const qr = this.rnd();
    const quantity = qr < 0.03 ? '' : qr < 0.04 ? 'N/A' : this.spaced(String(this.int(500)), 0.05);
    return [
      String(id),
      name,
      this.spaced(email, 0.02),
      this.comment(),
      this.decimal(20_000, 2, 0.1),
      this.decimal(1, 4, 0.05),
      this.date(),
      this.dateTime(),
      active,
      this.pick(CATEGORIES),
      this.pick(CITIES),
      quantity,
    ]
      .map(csvField)
      .join(',') + '\n';
  }
}

/**
 * Streams a messy CSV with a header and `rows` records to `file` (about 140 bytes a record,
 * so ~140 MB for 1M rows). The same (rows, seed) always produces a byte-identical file.
 */
export async function generateMessyCsv(file: string, rows = 1_000_000, seed = 42): Promise<{ bytes: number; rows: number }> {
  const maker = new RowMaker(seed);
  const fh = await open(file, 'w');
  let bytes = 0;
  try {
    let chunk = COLUMNS.join(',') + '\n';
    for (let id = 1; id <= rows; id++) {
      chunk += maker.row(id);
      if (id % ROWS_PER_CHUNK === 0 || id === rows) {
        const buf = Buffer.from(chunk, 'utf8');
        await fh.write(buf);
        bytes += buf.length;
        chunk = '';
      }
    }
    if (chunk) {
      const buf = Buffer.from(chunk, 'utf8');
      await fh.write(buf);
      bytes += buf.length;
    }
  } finally {
    await fh.close();
  }
  return { bytes, rows };
}

async function cli(argv: string[]): Promise<void> {
  const [out, rowsArg] = argv;
  if (!out) {
    process.stderr.write('usage: node --import tsx test/bench/generate.ts OUT [ROWS]\n');
    process.exitCode = 2;
    return;
  }
  const rows = rowsArg === undefined ? 1_000_000 : Number(rowsArg.replace(/_/g, ''));
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`ROWS must be a non-negative integer, got ${rowsArg}`);
  const started = performance.now();
  const res = await generateMessyCsv(path.resolve(out), rows);
  const secs = (performance.now() - started) / 1000;
  process.stdout.write(`${out}: ${res.rows} rows, ${res.bytes} bytes (${(res.bytes / 1e6).toFixed(1)} MB) in ${secs.toFixed(1)} s\n`);
}

// realpath: Node runs a symlinked entry script under its real path.
if (process.argv[1] && realpathSync(path.resolve(process.argv[1])) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
