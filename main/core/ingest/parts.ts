// What a container file holds, for the import dialog and the scan: the sheets of a workbook, the
// tables and views of a SQLite database, the rows and columns of a Parquet file or folder.
import { statSync } from 'node:fs';
import { sniffFile } from '../scan/detect';
import { parquetInfo, parquetParts } from './parquet';
import { sqliteTables } from './sqliteTable';
import type { TablePart } from './tabular';
import { xlsxSheets } from './xlsx';

export interface FileParts {
  format: string;
  /** Sheets or tables to choose from; null for formats that hold one table. */
  parts: TablePart[] | null;
  /** Parquet: rows and columns from the footers, and the part files of a folder. */
  rows: number | null;
  columns: string[] | null;
  files: string[] | null;
}

export async function fileParts(file: string): Promise<FileParts> {
  const none = { parts: null, rows: null, columns: null, files: null };
  if (statSync(file).isDirectory()) {
    if (!parquetParts(file)) return { format: 'folder', ...none };
    const info = await parquetInfo(file);
    return { format: 'parquet', ...none, rows: info.rows, columns: info.columns, files: info.parts };
  }
  const sniffed = await sniffFile(file);
  if (sniffed.format === 'xlsx') return { format: 'xlsx', ...none, parts: await xlsxSheets(file) };
  if (sniffed.format === 'sqlite') return { format: 'sqlite', ...none, parts: sqliteTables(file) };
  if (sniffed.format === 'parquet') {
    const info = await parquetInfo(file);
    return { format: 'parquet', ...none, rows: info.rows, columns: info.columns, files: info.parts };
  }
  return { format: sniffed.format, ...none };
}

/** One line for the scan table: "sheets: Orders (120 rows), Summary (4 rows)". */
export function describeParts(p: FileParts): string | null {
  if (p.parts) {
    const what = p.format === 'xlsx' ? 'sheet' : 'table';
    if (!p.parts.length) return `no ${what}s`;
    return `${what}s: ${p.parts.map((t) => `${t.name}${t.kind === 'view' ? ' (view)' : ''} (${t.rows.toLocaleString('en-US')} row${t.rows === 1 ? '' : 's'})`).join(', ')}`;
  }
  if (p.rows !== null) return `${p.rows.toLocaleString('en-US')} rows, ${p.columns?.length ?? 0} columns${p.files && p.files.length > 1 ? ` in ${p.files.length} part files` : ''}`;
  return null;
}
