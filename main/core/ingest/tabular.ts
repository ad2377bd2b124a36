// What the readers of tabular binary formats (Parquet, XLSX, SQLite tables) share with the import
// pipeline: each reads one source into a new table file at `temp` through a TableWriter and returns
// the same result as the CSV pipeline, so importFile keeps one path for atomicity, catalog and cleanup.
import type { JobContext } from '../jobs/context';
import type { PipelineResult } from './csvPipeline';

export interface TabularInput {
  /** The file (or, for Parquet, a folder of part files), absolute. */
  file: string;
  /** Where the new dataset file is written (renamed into place by importFile on success). */
  temp: string;
  /** Bytes to read in all, for progress. */
  size: number;
  ctx: JobContext;
  /** Dataset name, for progress messages. */
  label: string;
  /** 'stop': the first bad record aborts (nothing kept); 'skip': it goes to the rejects table. */
  onError: 'stop' | 'skip';
}

/** A readers's answer: the filled writer (not yet finished), column names, types, the source hash, warnings. */
export type TabularResult = PipelineResult;

/** One importable part of a container file: a sheet of a workbook or a table/view of a database. */
export interface TablePart {
  name: string;
  kind: 'sheet' | 'table' | 'view';
  /** Data rows (for sheets: non-empty rows, header included until the header is decided). */
  rows: number;
}
