// Writes .xlsx workbooks for tests: the OOXML parts as Excel itself writes them (workbook, relationships,
// shared strings, styles with number formats, sheets with typed cells, formulas with cached values,
// merged ranges), zipped with deflate. Tests state each cell exactly, so the reader is checked against
// the Office Open XML spec (ECMA-376 Part 1, §18) rather than against another library's reading.
import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/** A cell: a string (shared string), a number, a boolean, or a full spec. */
export type Cell =
  | string | number | boolean | null
  | { v?: string; t?: 's' | 'n' | 'b' | 'e' | 'str' | 'inlineStr' | 'd'; s?: number; f?: string; text?: string };

export interface SheetSpec {
  name: string;
  /** Rows from row `startRow` (default 1); a row is a list of cells from column A (or a map ref → cell). */
  rows: Array<Cell[] | Record<string, Cell>>;
  startRow?: number;
  merges?: string[];
  dimension?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  date1904?: boolean;
  /** Custom number formats by id (≥ 164), and the cell styles (index → numFmtId) cells refer to with `s`. */
  numFmts?: Record<number, string>;
  cellXfs?: number[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function letters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Builds a ZIP (deflate) from name → content. */
export function zip(files: Array<[string, string | Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const comp = deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, comp);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The bytes of a workbook. */
export function xlsxBytes(spec: BookSpec): Buffer {
  const sst: string[] = [];
  const sstIndex = new Map<string, number>();
  const shared = (s: string) => {
    if (!sstIndex.has(s)) {
      sstIndex.set(s, sst.length);
      sst.push(s);
    }
    return sstIndex.get(s)!;
  };
  const cellXml = (ref: string, c: Cell): string => {
    if (c === null) return '';
    if (typeof c === 'string') return `<c r="${ref}" t="s"><v>${shared(c)}</v></c>`;
    if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
    if (typeof c === 'boolean') return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
    const attrs = `${c.t && c.t !== 'n' ? ` t="${c.t}"` : ''}${c.s !== undefined ? ` s="${c.s}"` : ''}`;
    if (c.t === 'inlineStr') return `<c r="${ref}"${attrs}><is><t>${esc(c.text ?? '')}</t></is></c>`;
    const v = c.t === 's' && c.text !== undefined ? String(shared(c.text)) : c.v;
    return `<c r="${ref}"${attrs}>${c.f !== undefined ? `<f>${esc(c.f)}</f>` : ''}${v !== undefined ? `<v>${esc(v)}</v>` : ''}</c>`;
  };
  const sheetXml = (s: SheetSpec) => {
    const start = s.startRow ?? 1;
    const rows = s.rows.map((r, i) => {
      const n = start + i;
      const cells = Array.isArray(r) ? r.map((c, j) => cellXml(`${letters(j)}${n}`, c)) : Object.entries(r).map(([ref, c]) => cellXml(`${ref}${n}`, c));
      return `<row r="${n}">${cells.join('')}</row>`;
    });
    const merges = s.merges?.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${s.dimension ? `<dimension ref="${s.dimension}"/>` : ''}<sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`;
  };
  const sheets = spec.sheets.map(sheetXml);
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${spec.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${spec.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const fmts = Object.entries(spec.numFmts ?? {});
  const xfs = spec.cellXfs ?? [0];
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet ${ns}>${fmts.length ? `<numFmts count="${fmts.length}">${fmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>` : ''}<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs></styleSheet>`;
  const sstXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${ns} count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  // Excel's own order: the sheets come before the shared strings, so a reader must seek.
  return zip([
    ['[Content_Types].xml', types],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', rels],
    ...sheets.map((x, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, x]),
    ['xl/styles.xml', styles],
    ['xl/sharedStrings.xml', sstXml],
  ]);
}

export function writeXlsx(file: string, spec: BookSpec): string {
  writeFileSync(file, xlsxBytes(spec));
  return file;
}
