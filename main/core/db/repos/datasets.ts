// Datasets and their columns in the catalog: the only code that reads or writes those tables.
import type { Db } from '../open';
import type { Column, ColumnType, Dataset, FileFormat, TypeDetail } from '../../../../shared/api/catalog';
import { TidysetError } from '../../errors';

/** A column as stored: the display metadata plus its physical name in the dataset file. */
export interface StoredColumn extends Column {
  physical: string;
}

/** A dataset with the relative path of its SQLite file under the workspace's data folder. */
export interface StoredDataset extends Dataset {
  file: string;
  columns: StoredColumn[];
}

export interface NewDataset {
  name: string;
  file: string;
  rows: number;
  rejects: number;
  importMs: number | null;
  source: Dataset['source'];
  columns: Array<{ name: string; originalName: string; physical: string; type: ColumnType; detail: TypeDetail | null }>;
}

/** One place a search query matched: a dataset (column null) or one of its columns. */
export interface SearchHit {
  dataset: string;
  column: string | null;
  field: 'name' | 'description' | 'unit';
  text: string;
}

interface DatasetRow {
  id: number; name: string; file: string; source_id: number | null; source_path: string | null;
  source_sha256: string | null; source_size: number | null; format: string; encoding: string | null;
  delimiter: string | null; quote: string | null; header: number | null; row_count: number;
  reject_count: number; description: string; created_at: string; import_ms: number | null;
}
interface ColumnRow {
  dataset_id: number; position: number; name: string; physical: string; original_name: string;
  type: string; type_detail: string | null; description: string; unit: string;
}

export class DatasetsRepo {
  private readonly listStmt;
  private readonly byIdStmt;
  private readonly byNameStmt;
  private readonly columnsStmt;
  private readonly allColumnsStmt;
  private readonly insertStmt;
  private readonly insertColumnStmt;
  private readonly deleteStmt;
  private readonly renameStmt;
  private readonly describeStmt;
  private readonly columnMetaStmt;

  /** `onInserted` hears of each dataset file once the catalog records it (the workspace ends its claim). */
  constructor(private readonly db: Db, private readonly onInserted: (file: string) => void = () => {}) {
    this.listStmt = db.prepare<[], DatasetRow>('SELECT * FROM datasets ORDER BY name COLLATE NOCASE');
    this.byIdStmt = db.prepare<[number], DatasetRow>('SELECT * FROM datasets WHERE id = ?');
    this.byNameStmt = db.prepare<[string], DatasetRow>('SELECT * FROM datasets WHERE name = ?');
    this.columnsStmt = db.prepare<[number], ColumnRow>('SELECT * FROM columns WHERE dataset_id = ? ORDER BY position');
    this.allColumnsStmt = db.prepare<[], ColumnRow>('SELECT * FROM columns ORDER BY dataset_id, position');
    this.insertStmt = db.prepare(`INSERT INTO datasets
      (name, file, source_id, source_path, source_sha256, source_size, format, encoding, delimiter, quote, header,
       row_count, reject_count, created_at, import_ms)
      VALUES (@name, @file, @sourceId, @sourcePath, @sourceSha256, @sourceSize, @format, @encoding, @delimiter, @quote,
       @header, @rows, @rejects, @createdAt, @importMs)`);
    this.insertColumnStmt = db.prepare(`INSERT INTO columns
      (dataset_id, position, name, physical, original_name, type, type_detail) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.deleteStmt = db.prepare<[number]>('DELETE FROM datasets WHERE id = ?');
    this.renameStmt = db.prepare<[string, number]>('UPDATE datasets SET name = ? WHERE id = ?');
    this.describeStmt = db.prepare<[string, number]>('UPDATE datasets SET description = ? WHERE id = ?');
    this.columnMetaStmt = db.prepare<[string, string, number, number]>(
      'UPDATE columns SET description = ?, unit = ? WHERE dataset_id = ? AND position = ?');
  }

  /** Every dataset with its columns, by name. */
  list(): StoredDataset[] {
    const byDataset = new Map<number, StoredColumn[]>();
    for (const c of this.allColumnsStmt.all()) {
      let cols = byDataset.get(c.dataset_id);
      if (!cols) byDataset.set(c.dataset_id, (cols = []));
      cols.push(toColumn(c));
    }
    return this.listStmt.all().map((r) => toDataset(r, byDataset.get(r.id) ?? []));
  }

  /** The dataset with this id or name, or undefined. */
  find(idOrName: number | string): StoredDataset | undefined {
    const row = typeof idOrName === 'number' ? this.byIdStmt.get(idOrName) : this.byNameStmt.get(idOrName);
    if (!row) return undefined;
    return toDataset(row, this.columnsStmt.all(row.id).map(toColumn));
  }

  /** Like find, but throws NOT_FOUND naming what was asked for. */
  get(idOrName: number | string): StoredDataset {
    const ds = this.find(idOrName);
    if (!ds) throw new TidysetError('NOT_FOUND', `no dataset named ${JSON.stringify(String(idOrName))}`);
    return ds;
  }

  /** Inserts a dataset and its columns in one transaction; returns its id. */
  insert(d: NewDataset): number {
    if (this.byNameStmt.get(d.name)) throw new TidysetError('ALREADY_EXISTS', `a dataset named ${JSON.stringify(d.name)} already exists`);
    const id = this.db.transaction(() => {
      const id = Number(
        this.insertStmt.run({
          name: d.name, file: d.file, sourceId: d.source.id, sourcePath: d.source.path, sourceSha256: d.source.sha256,
          sourceSize: d.source.size, format: d.source.format, encoding: d.source.encoding, delimiter: d.source.delimiter,
          quote: d.source.quote, header: d.source.header === null ? null : d.source.header ? 1 : 0, rows: d.rows,
          rejects: d.rejects, createdAt: new Date().toISOString(), importMs: d.importMs,
        }).lastInsertRowid,
      );
      d.columns.forEach((c, i) =>
        this.insertColumnStmt.run(id, i, c.name, c.physical, c.originalName, c.type, c.detail ? JSON.stringify(c.detail) : null),
      );
      return id;
    })();
    this.onInserted(d.file);
    return id;
  }

  /** Removes a dataset from the catalog (the caller deletes its file). */
  remove(id: number): void {
    this.deleteStmt.run(id);
  }

  /**
   * Replaces dataset `oldId` by `newId` in one transaction: the old entry (columns and history
   * cascade) is removed and the new one takes its name and description. The caller deletes the old file.
   */
  swap(oldId: number, newId: number): void {
    const old = this.get(oldId);
    this.get(newId);
    this.db.transaction(() => {
      this.deleteStmt.run(oldId);
      this.renameStmt.run(old.name, newId);
      this.describeStmt.run(old.description, newId);
    })();
  }

  /** Renames a dataset and/or changes its description; ALREADY_EXISTS if the new name is taken. */
  update(id: number, change: { name?: string; description?: string }): StoredDataset {
    const current = this.get(id);
    const name = change.name?.trim();
    if (change.name !== undefined && !name) throw new TidysetError('BAD_INPUT', 'a dataset name cannot be blank');
    if (name !== undefined && name !== current.name && this.byNameStmt.get(name)) {
      throw new TidysetError('ALREADY_EXISTS', `a dataset named ${JSON.stringify(name)} already exists`);
    }
    this.db.transaction(() => {
      if (name !== undefined && name !== current.name) this.renameStmt.run(name, id);
      if (change.description !== undefined) this.describeStmt.run(change.description, id);
    })();
    return this.get(id);
  }

  /** Changes a column's description and/or unit (by display name); NOT_FOUND for an unknown column. */
  updateColumn(id: number, column: string, change: { description?: string; unit?: string }): StoredDataset {
    const ds = this.get(id);
    const col = ds.columns.find((c) => c.name === column);
    if (!col) throw new TidysetError('NOT_FOUND', `dataset ${JSON.stringify(ds.name)} has no column ${JSON.stringify(column)}`);
    this.columnMetaStmt.run(change.description ?? col.description, change.unit ?? col.unit, id, col.position);
    return this.get(id);
  }

  /**
   * Case-insensitive substring search over dataset names and descriptions and column names,
   * descriptions and units; at most `limit` hits, datasets in name order. Matching is done here
   * rather than with SQL LIKE because SQLite folds only ASCII case ("é" ≠ "É"); the catalog is small.
   */
  search(query: string, limit = 200): SearchHit[] {
    const q = fold(query.trim());
    if (!q) return [];
    const hits: SearchHit[] = [];
    const add = (dataset: string, column: string | null, field: SearchHit['field'], text: string) => {
      if (hits.length < limit && text && fold(text).includes(q)) hits.push({ dataset, column, field, text });
    };
    for (const ds of this.list()) {
      add(ds.name, null, 'name', ds.name);
      add(ds.name, null, 'description', ds.description);
      for (const c of ds.columns) {
        add(ds.name, c.name, 'name', c.name);
        add(ds.name, c.name, 'description', c.description);
        add(ds.name, c.name, 'unit', c.unit);
      }
    }
    return hits;
  }

  /** Picks a name not yet used: `base`, `base-2`, `base-3`, … */
  freeName(base: string): string {
    let name = base;
    for (let i = 2; this.byNameStmt.get(name); i++) name = `${base}-${i}`;
    return name;
  }
}

/** Case-folds for search (Unicode-aware, unlike SQLite's lower()). */
function fold(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

function toColumn(c: ColumnRow): StoredColumn {
  return {
    position: c.position,
    name: c.name,
    originalName: c.original_name,
    physical: c.physical,
    type: c.type as ColumnType,
    detail: c.type_detail ? (JSON.parse(c.type_detail) as TypeDetail) : null,
    description: c.description,
    unit: c.unit,
  };
}

function toDataset(r: DatasetRow, columns: StoredColumn[]): StoredDataset {
  return {
    id: r.id,
    name: r.name,
    file: r.file,
    rows: r.row_count,
    rejects: r.reject_count,
    description: r.description,
    createdAt: r.created_at,
    importMs: r.import_ms,
    columns,
    source: {
      id: r.source_id,
      path: r.source_path,
      sha256: r.source_sha256,
      size: r.source_size,
      format: r.format as FileFormat,
      encoding: r.encoding,
      delimiter: r.delimiter,
      quote: r.quote,
      header: r.header === null ? null : r.header === 1,
    },
  };
}
