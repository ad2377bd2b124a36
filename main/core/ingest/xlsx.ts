// Reads one sheet of an Excel workbook (.xlsx) into a new dataset, streamed: the sheet's XML is
// inflated straight out of the ZIP (zipEntries.ts) into a SAX parser (saxes), row by row, so memory
// stays flat however long the sheet. Only the shared strings and styles are held whole.
//
// Values: shared and inline strings as they are; numbers as the text Excel stored (`0.1`, not a
// double's expansion); booleans `true`/`false`; error cells as their text (`#N/A`); formulas as their
// cached values (a formula never calculated reads as missing, counted in a warning); numbers in a
// date or time format as ISO `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[.mmm]` or `HH:MM:SS` (1900 and 1904
// date systems, with Excel's phantom 29 February 1900). Merged cells keep their value in the top-left
// cell and the others read empty, as Excel stores them (a warning says how many ranges there were).
// Leading empty rows are skipped; empty trailing rows and columns are dropped. Without a header row,
// columns are named by their letters (A, B, C…).
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ColumnType, TypeDetail } from '../../../shared/api/catalog';
import { TidysetError } from '../errors';
import { sha256File } from '../scan/hash';
import { looksLikeHeader } from '../scan/sniffHeader';
import { uniqueHeaderNames } from './header';
import { TypeInferrer } from './infer';
import { TableWriter } from './tableWriter';
import type { TabularInput, TabularResult, TablePart } from './tabular';
import { zipEntries, zipStream, zipText, type ZipEntry } from './zipEntries';

interface Book {
  entries: Map<string, ZipEntry>;
  sheets: Array<{ name: string; path: string }>;
  date1904: boolean;
}

function xmlParser(file: string, what: string): SaxesParser {
  const p = new SaxesParser();
  p.on('error', (e) => {
    throw new TidysetError('MALFORMED_FILE', `${file}: ${what} is not well-formed XML (${e.message})`, { file });
  });
  return p;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

function parseSmall(file: string, xml: string, what: string, onOpen: (tag: SaxesTagPlain) => void, onText?: (t: string) => void, onClose?: (name: string) => void): void {
  const p = xmlParser(file, what);
  p.on('opentag', onOpen);
  if (onText) p.on('text', onText);
  if (onClose) p.on('closetag', (t) => onClose(local(t.name)));
  p.write(xml).close();
}

async function openBook(file: string): Promise<Book> {
  const entries = await zipEntries(file);
  const wb = await zipText(file, entries, 'xl/workbook.xml');
  if (wb === null) throw new TidysetError('MALFORMED_FILE', `${file}: a ZIP archive but not an Excel workbook (no xl/workbook.xml)`, { file });
  const rels = new Map<string, string>();
  parseSmall(file, (await zipText(file, entries, 'xl/_rels/workbook.xml.rels')) ?? '<Relationships/>', 'xl/_rels/workbook.xml.rels', (t) => {
    if (local(t.name) === 'Relationship') rels.set(String(t.attributes.Id), String(t.attributes.Target));
  });
  const sheets: Book['sheets'] = [];
  let date1904 = false;
  parseSmall(file, wb, 'xl/workbook.xml', (t) => {
    const n = local(t.name);
    if (n === 'workbookPr') date1904 = ['1', 'true'].includes(String(t.attributes.date1904 ?? ''));
    if (n === 'sheet') {
      const rid = Object.entries(t.attributes).find(([k]) => local(k) === 'id')?.[1];
      const target = rels.get(String(rid ?? '')) ?? '';
      if (!target) return;
      const p = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      sheets.push({ name: String(t.attributes.name), path: p.replace(/\/[^/]+\/\.\.\//g, '/') });
    }
  });
  return { entries, sheets, date1904 };
}

/** The workbook's worksheets in order, with their row counts (from the sheet's dimension, else counted). */
export async function xlsxSheets(file: string): Promise<TablePart[]> {
  const book = await openBook(file);
  const out: TablePart[] = [];
  for (const s of book.sheets) {
    const entry = book.entries.get(s.path);
    if (!entry) continue;
    out.push({ name: s.name, kind: 'sheet', rows: await countRows(file, entry) });
  }
  return out;
}

/** Rows of a sheet: the dimension's height when it is there, else the count of <row> elements. */
async function countRows(file: string, entry: ZipEntry): Promise<number> {
  let rows = 0;
  let dim: number | null = null;
  const p = xmlParser(file, entry.name);
  p.on('opentag', (t) => {
    const n = local(t.name);
    if (n === 'dimension') {
      const m = /:?[A-Z]+(\d+)$/.exec(String(t.attributes.ref ?? ''));
      const first = /^[A-Z]+(\d+)/.exec(String(t.attributes.ref ?? ''));
      if (m && first) dim = Number(m[1]) - Number(first[1]) + 1;
    } else if (n === 'row') rows++;
  });
  const stream = await zipStream(file, entry);
  for await (const chunk of stream) {
    p.write((chunk as Buffer).toString('utf8'));
    if (dim !== null) {
      stream.destroy();
      return dim;
    }
  }
  p.close();
  return rows;
}

async function sharedStrings(file: string, book: Book): Promise<string[]> {
  const xml = await zipText(file, book.entries, 'xl/sharedStrings.xml');
  const out: string[] = [];
  if (xml === null) return out;
  let cur = '';
  let inT = false;
  let inPhonetic = false;
  parseSmall(file, xml, 'xl/sharedStrings.xml', (t) => {
    const n = local(t.name);
    if (n === 'si') cur = '';
    else if (n === 't') inT = true;
    else if (n === 'rPh') inPhonetic = true;
  }, (text) => {
    if (inT && !inPhonetic) cur += text;
  }, (n) => {
    if (n === 't') inT = false;
    else if (n === 'rPh') inPhonetic = false;
    else if (n === 'si') out.push(cur);
  });
  return out;
}

const DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const TIME_IDS = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

type Style = 'date' | 'time' | 'datetime' | null;

function classify(code: string): Style {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '').split(';')[0]!.toLowerCase();
  const hasDate = /[dy]/.test(bare) || (/m/.test(bare) && !/[hs]/.test(bare));
  const hasTime = /[hs]/.test(bare);
  return hasDate && hasTime ? 'datetime' : hasDate ? 'date' : hasTime ? 'time' : null;
}

/** For each cell style index, whether its number format shows a date, a time, or both. */
async function styles(file: string, book: Book): Promise<Style[]> {
  const xml = await zipText(file, book.entries, 'xl/styles.xml');
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const out: Style[] = [];
  let inXfs = false;
  parseSmall(file, xml, 'xl/styles.xml', (t) => {
    const n = local(t.name);
    if (n === 'numFmt') custom.set(Number(t.attributes.numFmtId), String(t.attributes.formatCode ?? ''));
    else if (n === 'cellXfs') inXfs = true;
    else if (n === 'xf' && inXfs) {
      const id = Number(t.attributes.numFmtId ?? 0);
      const code = custom.get(id);
      out.push(code !== undefined ? classify(code) : DATE_IDS.has(id) ? 'date' : TIME_IDS.has(id) ? (id === 22 ? 'datetime' : 'time') : null);
    }
  }, undefined, (n) => {
    if (n === 'cellXfs') inXfs = false;
  });
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An Excel serial number as ISO text, in the workbook's date system. */
export function serialToIso(serial: number, style: Exclude<Style, null>, date1904: boolean): string {
  let days = Math.floor(serial);
  let ms = Math.round((serial - days) * 86_400_000);
  if (ms >= 86_400_000) {
    days++;
    ms -= 86_400_000;
  }
  const time = `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${ms % 1000 ? '.' + pad(ms % 1000, 3) : ''}`;
  if (style === 'time' && serial < 1) return time;
  // 1900 system: serial 1 is 1900-01-01 and 60 is Excel's phantom 1900-02-29 (kept as 1900-02-28 + 1 day = 03-01 from 61 on).
  let epochDays: number;
  if (date1904) epochDays = days - 24107;
  else if (days >= 61) epochDays = days - 25569;
  else if (days === 60) return `1900-02-29${style === 'date' ? '' : 'T' + time}`;
  else epochDays = days - 25568;
  const d = new Date(epochDays * 86_400_000);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return style === 'date' && ms === 0 ? date : `${date}T${time}`;
}

/** Column index (0-based) of a cell reference like `AB12`. */
function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return c - 1;
}

export function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function pickSheet(file: string, book: Book, sheet: string | number | undefined): Book['sheets'][number] {
  const names = book.sheets.map((s) => JSON.stringify(s.name)).join(', ');
  if (!book.sheets.length) throw new TidysetError('MALFORMED_FILE', `${file}: the workbook has no worksheets`, { file });
  if (sheet === undefined) return book.sheets[0]!;
  const asIndex = typeof sheet === 'number' ? sheet : /^\d+$/.test(sheet) && !book.sheets.some((s) => s.name === sheet) ? Number(sheet) : null;
  const found = asIndex !== null ? book.sheets[asIndex - 1] : book.sheets.find((s) => s.name === sheet) ?? book.sheets.find((s) => s.name.toLowerCase() === String(sheet).toLowerCase());
  if (!found) throw new TidysetError('BAD_INPUT', `${file}: no sheet ${asIndex !== null ? `number ${asIndex}` : JSON.stringify(sheet)} (sheets: ${names})`, { file });
  return found;
}

/** Reads one sheet (name or 1-based number; default the first) into a new table at `input.temp`. */
export async function readXlsx(input: TabularInput, sheet?: string | number): Promise<TabularResult> {
  const { file, ctx, label } = input;
  const book = await openBook(file);
  const chosen = pickSheet(file, book, sheet);
  const entry = book.entries.get(chosen.path);
  if (!entry) throw new TidysetError('MALFORMED_FILE', `${file}: sheet ${JSON.stringify(chosen.name)} is listed but its part ${chosen.path} is missing`, { file });
  const sst = await sharedStrings(file, book);
  const fmt = await styles(file, book);
  const where = (row: number, col: number) => `${file}, sheet ${JSON.stringify(chosen.name)}, row ${row}, column ${columnLetters(col)}`;

  const warnings: string[] = [];
  const head: Array<Array<string | null>> = [];
  let writer: TableWriter | undefined;
  let inferrer: TypeInferrer | undefined;
  let width = 0;
  let pendingEmpty = 0;
  let uncached = 0;
  let merged = 0;
  let rowNo = 0;
  let row: Array<string | null> = [];
  let cell: { col: number; t: string; s: number; v: string; hasF: boolean; hasV: boolean } | null = null;
  let textTarget: 'v' | 't' | null = null;
  let inIs = false;
  let headerNames: string[] | null = null;

  const emit = (r: Array<string | null>) => {
    const w = writer!;
    if (r.length > width) {
      w.addColumns(r.length - width);
      inferrer!.extend(r.length, w.rows);
      width = r.length;
    }
    const out = r.length === width ? r : [...r, ...new Array<null>(width - r.length).fill(null)];
    w.add(out);
    inferrer!.addRecord(out);
  };
  const flushHead = () => {
    const records = head.map((r) => r.map((v) => v ?? ''));
    const header = head.length > 1 && looksLikeHeader(records);
    const cols = Math.max(0, ...head.map((r) => r.length));
    const raw = header ? Array.from({ length: cols }, (_, i) => head[0]![i] ?? '') : Array.from({ length: cols }, (_, i) => columnLetters(i));
    writer = new TableWriter(input.temp, 0, file);
    inferrer = new TypeInferrer(0);
    for (const r of header ? head.slice(1) : head) emit(r);
    if (width < raw.length) {
      writer.addColumns(raw.length - width);
      inferrer.extend(raw.length, writer.rows);
      width = raw.length;
    }
    head.length = 0;
    headerNames = raw;
  };
  const endRow = () => {
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === '')) row.pop();
    if (!row.length) {
      if (headerNames !== null || head.length) pendingEmpty++;
      return;
    }
    const blanks = Array.from({ length: pendingEmpty }, () => [] as Array<string | null>);
    pendingEmpty = 0;
    if (headerNames === null) {
      head.push(...blanks, row);
      if (head.length >= 20) flushHead();
    } else {
      for (const b of blanks) emit(b);
      emit(row);
    }
  };

  const p = xmlParser(file, `sheet ${JSON.stringify(chosen.name)}`);
  p.on('opentag', (t) => {
    const n = local(t.name);
    if (n === 'row') {
      const r = Number(t.attributes.r ?? rowNo + 1);
      if (r > rowNo + 1 && (headerNames !== null || head.length)) pendingEmpty += r - rowNo - 1;
      rowNo = r;
      row = [];
    } else if (n === 'c') {
      const ref = String(t.attributes.r ?? '');
      cell = { col: ref ? columnOf(ref) : row.length, t: String(t.attributes.t ?? 'n'), s: Number(t.attributes.s ?? 0), v: '', hasF: false, hasV: false };
    } else if (cell && n === 'v') {
      textTarget = 'v';
      cell.hasV = true;
    } else if (cell && n === 'f') cell.hasF = true;
    else if (cell && n === 'is') inIs = true;
    else if (cell && inIs && n === 't') {
      textTarget = 't';
      cell.hasV = true;
    } else if (n === 'mergeCell') merged++;
  });
  p.on('text', (text) => {
    if (cell && textTarget) cell.v += text;
  });
  p.on('closetag', (t) => {
    const n = local(t.name);
    if (n === 'v' || n === 't') textTarget = null;
    else if (n === 'is') inIs = false;
    else if (n === 'c' && cell) {
      const c = cell;
      cell = null;
      let value: string | null;
      if (!c.hasV) {
        if (c.hasF) uncached++;
        value = null;
      } else if (c.t === 's') {
        const s = sst[Number(c.v)];
        if (s === undefined) throw new TidysetError('MALFORMED_FILE', `${where(rowNo, c.col)}: shared string ${c.v} does not exist`, { file, line: rowNo });
        value = s;
      } else if (c.t === 'b') value = c.v === '1' || c.v === 'true' ? 'true' : 'false';
      else if (c.t === 'n') {
        const style = fmt[c.s] ?? null;
        const num = Number(c.v);
        if (c.v !== '' && !Number.isFinite(num)) throw new TidysetError('MALFORMED_FILE', `${where(rowNo, c.col)}: ${JSON.stringify(c.v)} is not a number`, { file, line: rowNo });
        value = style && c.v !== '' ? serialToIso(num, style, book.date1904) : c.v;
      } else value = c.v; // str (formula text), inlineStr, e (errors), d (ISO dates)
      if (c.col >= row.length) row.push(...new Array<null>(c.col - row.length + 1).fill(null));
      row[c.col] = value;
    } else if (n === 'row') endRow();
  });

  try {
    const stream = await zipStream(file, entry);
    let done = 0;
    let n = 0;
    for await (const chunk of stream) {
      if (ctx.isCancelled()) {
        stream.destroy();
        throw new TidysetError('CANCELLED', 'import cancelled');
      }
      const buf = chunk as Buffer;
      p.write(buf.toString('utf8'));
      done += buf.length;
      if (++n % 4 === 0) ctx.progress(Math.min(done, entry.size), entry.size, `${label}: ${(writer?.rows ?? 0).toLocaleString('en-US')} rows`);
    }
    p.close();
    if (headerNames === null) {
      if (!head.length) throw new TidysetError('MALFORMED_FILE', `${file}: sheet ${JSON.stringify(chosen.name)} is empty`, { file });
      flushHead();
    }
    const w = writer!;
    const named = uniqueHeaderNames(headerNames!, warnings);
    const inferred = inferrer!.results();
    const types = named.names.map((_, i): { type: ColumnType; detail: TypeDetail } => inferred[i] ?? { type: 'empty', detail: { nonEmpty: 0, empty: w.rows } });
    if (uncached) warnings.push(`${uncached.toLocaleString('en-US')} formula cell${uncached === 1 ? ' has' : 's have'} no cached value (the workbook was saved without calculating); imported as missing`);
    if (merged) warnings.push(`${merged} merged cell range${merged === 1 ? '' : 's'}: the value is in the top-left cell, the other cells are empty`);
    if (book.sheets.length > 1) warnings.push(`sheet ${JSON.stringify(chosen.name)} of ${book.sheets.length} (${book.sheets.map((s) => s.name).join(', ')}); choose another with --sheet`);
    const sha256 = await sha256File(file);
    return { writer: w, names: named.names, originals: named.originals, types, sha256, warnings };
  } catch (e) {
    writer?.abort();
    if (e instanceof TidysetError) throw e;
    throw new TidysetError('MALFORMED_FILE', `${file}: sheet ${JSON.stringify(chosen.name)} cannot be read (${(e as Error).message})`, { file });
  }
}
