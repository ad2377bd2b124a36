// Reads one table or view of a SQLite database into a new dataset. The database is opened read-only
// and never changed; rows are streamed with exact integers (BigInt, so 2^63−1 stays 2^63−1).
//
// Values are stored as text: INTEGER as digits, REAL as JavaScript's shortest round-trip text, TEXT as
// it is, BLOB as base64 (compact and what JSON tools expect; `hex()` in SQL gives hex if wanted), NULL
// as missing. SQLite is dynamically typed, so the values decide the column type; the declared type
// only settles a column whose values all fit it.
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';
import { openDb, type Db } from '../db/open';
import { TidysetError } from '../errors';
import { sha256File } from '../scan/hash';
import { uniqueHeaderNames } from './header';
import { TypeInferrer } from './infer';
import { TableWriter } from './tableWriter';
import type { TabularInput, TabularResult, TablePart } from './tabular';


const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

function openReadOnly(file: string): Db {
  let db: Db;
  try {
    db = openDb(file, { readonly: true });
  } catch (e) {
    throw sqliteError(e, file);
  }
  try {
    db.pragma('query_only = ON');
    db.pragma('busy_timeout = 2000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    throw sqliteError(e, file);
  }
  return db;
}

function sqliteError(e: unknown, file: string, table?: string): TidysetError {
  if (e instanceof TidysetError) return e;
  const code = (e as { code?: string }).code ?? '';
  const msg = (e as Error).message;
  const where = table ? `${file}, table ${JSON.stringify(table)}` : file;
  if (code === 'SQLITE_NOTADB') return new TidysetError('MALFORMED_FILE', `${file}: not a SQLite database`, { file });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new TidysetError('BAD_INPUT', `${where}: the database is locked by another program; close it there and try again`, { file });
  }
  if (code.startsWith('SQLITE_CORRUPT')) return new TidysetError('MALFORMED_FILE', `${where}: the database is corrupt (${msg})`, { file });
  if (code.startsWith('SQLITE_CANTOPEN')) return new TidysetError('BAD_INPUT', `${where}: cannot open the database (${msg})`, { file });
  return new TidysetError('MALFORMED_FILE', `${where}: ${msg}`, { file });
}

/** Tables and views of the database (SQLite's own excluded), with exact row counts. */
export function sqliteTables(file: string): TablePart[] {
  const db = openReadOnly(file);
  try {
    const rows = db.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as Array<{ name: string; type: 'table' | 'view' }>;
    return rows.map((r) => {
      let count = 0;
      try {
        count = Number((db.prepare(`SELECT count(*) AS n FROM ${quoteId(r.name)}`).get() as { n: number }).n);
      } catch (e) {
        throw sqliteError(e, file, r.name);
      }
      return { name: r.name, kind: r.type, rows: count };
    });
  } catch (e) {
    throw sqliteError(e, file);
  } finally {
    db.close();
  }
}

function pickTable(file: string, parts: TablePart[], table: string | undefined): TablePart {
  const list = parts.map((p) => p.name).join(', ');
  if (table !== undefined) {
    const found = parts.find((p) => p.name === table) ?? parts.find((p) => p.name.toLowerCase() === table.toLowerCase());
    if (!found) throw new TidysetError('BAD_INPUT', `${file}: no table or view ${JSON.stringify(table)} (it has: ${list || 'none'})`, { file });
    return found;
  }
  if (parts.length === 0) throw new TidysetError('BAD_INPUT', `${file}: the database has no tables`, { file });
  const tables = parts.filter((p) => p.kind === 'table');
  if (parts.length === 1) return parts[0]!;
  if (tables.length === 1) return tables[0]!;
  throw new TidysetError('BAD_INPUT', `${file} has ${parts.length} tables and views (${list}): choose one with --table`, { file });
}

function realText(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** The declared type a column's values are checked against, from SQLite's affinity rules. */
function declared(decl: string): ColumnType | null {
  const d = decl.toUpperCase();
  if (d.includes('INT')) return 'integer';
  if (d.includes('BOOL')) return 'boolean';
  if (d.includes('DATETIME') || d.includes('TIMESTAMP')) return 'datetime';
  if (d.includes('DATE')) return 'date';
  if (d.includes('REAL') || d.includes('FLOA') || d.includes('DOUB') || d.includes('NUMERIC') || d.includes('DECIMAL')) return 'decimal';
  return null;
}

/** Reads `table` (default: the only one) of the database at `input.file` into a new table at `input.temp`. */
export async function readSqliteTable(input: TabularInput, table?: string): Promise<TabularResult> {
  const { file, ctx, label } = input;
  const part = pickTable(file, sqliteTables(file), table);
  const db = openReadOnly(file);
  let writer: TableWriter | undefined;
  try {
    const stmt = db.prepare(`SELECT * FROM ${quoteId(part.name)}`);
    const cols = stmt.columns();
    stmt.safeIntegers(true).raw(true);
    const warnings: string[] = [];
    const w = new TableWriter(input.temp, cols.length, file);
    writer = w;
    const inferrer = new TypeInferrer(cols.length);
    const out: Array<string | null> = new Array(cols.length);
    let blobs = 0;
    let n = 0;
    try {
      for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
        for (let c = 0; c < cols.length; c++) {
          const v = row[c];
          if (v === null || v === undefined) out[c] = null;
          else if (typeof v === 'bigint') out[c] = v.toString();
          else if (typeof v === 'number') out[c] = realText(v);
          else if (typeof v === 'string') out[c] = v;
          else if (Buffer.isBuffer(v)) {
            out[c] = v.toString('base64');
            blobs++;
          } else out[c] = String(v);
        }
        w.add(out);
        inferrer.addRecord(out);
        if (++n % 5000 === 0) {
          if (ctx.isCancelled()) throw new TidysetError('CANCELLED', 'import cancelled');
          ctx.progress(n, part.rows, `${label}: ${n.toLocaleString('en-US')} rows`);
        }
      }
    } catch (e) {
      throw e instanceof TidysetError ? e : sqliteError(e, file, part.name);
    }
    ctx.progress(n, Math.max(n, part.rows), `${label}: ${n.toLocaleString('en-US')} rows`);
    if (blobs) warnings.push(`${blobs.toLocaleString('en-US')} BLOB value${blobs === 1 ? '' : 's'} stored as base64 text`);
    const named = uniqueHeaderNames(cols.map((c) => c.name), warnings);
    const inferred = inferrer.results();
    const types = inferred.map((t, i): { type: ColumnType; detail: TypeDetail } => {
      const decl = declared(cols[i]?.type ?? '');
      // The declaration breaks ties: an INTEGER column whose values all read as integers stays integer, a
      // declared REAL column of whole numbers is decimal.
      if (decl === 'decimal' && t.type === 'integer') return { type: 'decimal', detail: t.detail };
      return t;
    });
    const sha256 = await sha256File(file);
    return { writer: w, names: named.names, originals: named.originals, types, sha256, warnings };
  } catch (e) {
    writer?.abort();
    throw e instanceof TidysetError ? e : sqliteError(e, file, part.name);
  } finally {
    db.close();
  }
}
