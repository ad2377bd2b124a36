// Shapes shared by the grid modules: one grid row, and the id of the row-number column.
export interface GridRow {
  rid: number;
  /** Values in the column order of the page that brought the row; null is a missing value. */
  v: (string | null)[];
  /**
   * Column name → index into `v`, shared by the rows of one page. Cells look values up by name, so rows
   * still cached from before a column was added, dropped or moved never show another column's value.
   */
  cols: ReadonlyMap<string, number>;
}

/** Column id of the pinned row-number column; never a dataset column. */
export const ROW_NUMBER_COL = '__row';

/** A row's value in a column, or undefined when the row's page did not have that column. */
export function cellOf(row: GridRow, column: string): string | null | undefined {
  const i = row.cols.get(column);
  return i === undefined ? undefined : row.v[i];
}
