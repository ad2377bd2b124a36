// The operation history of datasets in the catalog, and the column mapping it switches between.
import type { Db } from '../open';
import type { StoredColumn } from './datasets';

export type HistoryState = 'pending' | 'done' | 'undoing' | 'undone' | 'redoing';

/** What an operation did, beyond its definition: counts and the physical columns it created. */
export interface OpDetail {
  changed: number;
  /** Values a cast could not convert (left as they were). */
  failed?: number;
  /** Physical columns this operation added (kept across undo so that redo fills the same ones). */
  physicals?: string[];
  /** An erasure purged this step's undo data (or it is the erasure): it cannot be undone. */
  erased?: boolean;
}

export interface HistoryEntry {
  seq: number;
  op: unknown;
  description: string;
  state: HistoryState;
  columnsBefore: StoredColumn[];
  columnsAfter: StoredColumn[] | null;
  rowsBefore: number;
  rowsAfter: number | null;
  detail: OpDetail | null;
  createdAt: string;
}

interface Row {
  seq: number; op: string; description: string; state: string; columns_before: string; columns_after: string | null;
  rows_before: number; rows_after: number | null; detail: string | null; created_at: string;
}

function toEntry(r: Row): HistoryEntry {
  return {
    seq: r.seq,
    op: JSON.parse(r.op),
    description: r.description,
    state: r.state as HistoryState,
    columnsBefore: JSON.parse(r.columns_before) as StoredColumn[],
    columnsAfter: r.columns_after ? (JSON.parse(r.columns_after) as StoredColumn[]) : null,
    rowsBefore: r.rows_before,
    rowsAfter: r.rows_after,
    detail: r.detail ? (JSON.parse(r.detail) as OpDetail) : null,
    createdAt: r.created_at,
  };
}

export class HistoryRepo {
  constructor(private readonly db: Db) {}

  /** Every entry of a dataset, oldest first. */
  list(datasetId: number): HistoryEntry[] {
    return (this.db.prepare('SELECT * FROM history WHERE dataset_id = ? ORDER BY seq').all(datasetId) as Row[]).map(toEntry);
  }

  get(datasetId: number, seq: number): HistoryEntry | undefined {
    const r = this.db.prepare('SELECT * FROM history WHERE dataset_id = ? AND seq = ?').get(datasetId, seq) as Row | undefined;
    return r && toEntry(r);
  }

  /** Entries caught between the two phases of a change (a crash or kill): recovery looks at these. */
  unfinished(): Array<HistoryEntry & { datasetId: number; ownerPid: number | null }> {
    return (this.db.prepare("SELECT * FROM history WHERE state IN ('pending', 'undoing', 'redoing')").all() as Array<Row & { dataset_id: number; owner_pid: number | null }>)
      .map((r) => ({ ...toEntry(r), datasetId: r.dataset_id, ownerPid: r.owner_pid }));
  }

  /** Starts a new operation: drops the redo stack and inserts a pending entry; returns its seq. */
  begin(datasetId: number, op: unknown, description: string, columnsBefore: StoredColumn[], rowsBefore: number): number {
    return this.db.transaction(() => {
      this.db.prepare("DELETE FROM history WHERE dataset_id = ? AND state = 'undone'").run(datasetId);
      const max = (this.db.prepare('SELECT max(seq) AS m FROM history WHERE dataset_id = ?').get(datasetId) as { m: number | null }).m ?? 0;
      const seq = max + 1;
      this.db.prepare(`INSERT INTO history (dataset_id, seq, op, description, state, columns_before, rows_before, created_at, owner_pid)
        VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?)`).run(datasetId, seq, JSON.stringify(op), description, JSON.stringify(columnsBefore), rowsBefore, new Date().toISOString(), process.pid);
      return seq;
    })();
  }

  setState(datasetId: number, seq: number, state: HistoryState): void {
    this.db.prepare('UPDATE history SET state = ?, owner_pid = ? WHERE dataset_id = ? AND seq = ?').run(state, process.pid, datasetId, seq);
  }

  remove(datasetId: number, seq: number): void {
    this.db.prepare('DELETE FROM history WHERE dataset_id = ? AND seq = ?').run(datasetId, seq);
  }

  /**
   * Ends a change in one transaction: the entry's state, what it produced, and the dataset's
   * column mapping and row count switched to the given ones.
   */
  finish(datasetId: number, seq: number, state: 'done' | 'undone', columns: StoredColumn[], rows: number, after?: { columns: StoredColumn[]; rows: number; detail: OpDetail }): void {
    this.db.transaction(() => {
      if (after) {
        this.db.prepare('UPDATE history SET state = ?, columns_after = ?, rows_after = ?, detail = ? WHERE dataset_id = ? AND seq = ?')
          .run(state, JSON.stringify(after.columns), after.rows, JSON.stringify(after.detail), datasetId, seq);
      } else {
        this.db.prepare('UPDATE history SET state = ? WHERE dataset_id = ? AND seq = ?').run(state, datasetId, seq);
      }
      this.db.prepare('DELETE FROM columns WHERE dataset_id = ?').run(datasetId);
      const ins = this.db.prepare(`INSERT INTO columns (dataset_id, position, name, physical, original_name, type, type_detail, description, unit)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      columns.forEach((c, i) => ins.run(datasetId, i, c.name, c.physical, c.originalName, c.type, c.detail ? JSON.stringify(c.detail) : null, c.description, c.unit));
      this.db.prepare('UPDATE datasets SET row_count = ? WHERE id = ?').run(rows, datasetId);
    })();
  }
}
