// Shapes shared by the grid modules: one grid row, and the id of the row-number column.
export interface GridRow {
  rid: number;
  /** Values in dataset column order; null is a missing value. */
  v: (string | null)[];
}

/** Column id of the pinned row-number column; never a dataset column. */
export const ROW_NUMBER_COL = '__row';
