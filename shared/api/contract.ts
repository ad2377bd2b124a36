// The one API contract: every method's input and output schema. Both transports, the dispatcher and
// the renderer's client derive from this map, so a method is added here once.
import { z } from 'zod';
import { DatasetSchema, RejectSchema, SourceSchema } from './catalog';
import { OpSchema, RecipeSchema } from '../ops/schema';
import { FilterSchema, SortSchema } from './filters';
import { protectContract } from './protect';
import { detectContract } from './detect';

export { FilterSchema, SortSchema };
export type { Filter, Sort } from './filters';

export const JobInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(['import', 'scan', 'export', 'index', 'clean', 'detect']),
  title: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number(),
  total: z.number(),
  message: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** What the job produced, for the UI to follow up (dataset name of an import, …). */
  outcome: z.record(z.string(), z.unknown()).nullable().optional(),
  /** Whether jobs.cancel can stop it (index builds and single history steps run to their end). */
  cancellable: z.boolean().optional(),
});
export type JobInfo = z.infer<typeof JobInfoSchema>;

const DatasetRef = z.object({ dataset: z.string().min(1) });

export const RowsPageInSchema = DatasetRef.extend({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000),
  sort: z.array(SortSchema).max(8).default([]),
  filters: z.array(FilterSchema).max(32).default([]),
});
export type RowsPageIn = z.infer<typeof RowsPageInSchema>;

export const RowBlockSchema = z.object({
  /** Stable row ids, one per row. */
  rids: z.array(z.number().int()),
  /** Values in column order; null is a missing value, '' an empty one. */
  rows: z.array(z.array(z.string().nullable())),
  /** Rows matching the filters (the whole dataset when there are none). */
  total: z.number().int(),
  /** Sorts that had no index yet and were answered by a full scan; the UI may build an index. */
  unindexed: z.array(z.string()),
});
export type RowBlock = z.infer<typeof RowBlockSchema>;

export const DirEntrySchema = z.object({ name: z.string(), path: z.string(), dir: z.boolean(), size: z.number() });

const ImportOptionsSchema = z.object({
  name: z.string().min(1).optional(),
  format: z.enum(['csv', 'jsonl', 'json', 'parquet', 'xlsx', 'sqlite']).optional(),
  /** XLSX: the sheet, by name or 1-based number (default the first). */
  sheet: z.string().min(1).optional(),
  /** SQLite: the table or view (default the only one). */
  table: z.string().min(1).optional(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
  delimiter: z.string().length(1).optional(),
  quote: z.string().length(1).nullable().optional(),
  header: z.boolean().optional(),
  onError: z.enum(['stop', 'skip']).optional(),
  maxFieldBytes: z.number().int().positive().optional(),
  maxRecordBytes: z.number().int().positive().optional(),
});

const Ok = z.object({ ok: z.literal(true) });

/** What an applied operation did. */
export const HistoryStepSchema = z.object({
  seq: z.number().int(),
  description: z.string(),
  detail: z.object({ changed: z.number().int(), failed: z.number().int().optional() }).passthrough(),
});

export const HistoryEntrySchema = z.object({
  seq: z.number().int(),
  description: z.string(),
  state: z.enum(['pending', 'done', 'undoing', 'undone', 'redoing']),
  op: z.unknown(),
  detail: z.object({ changed: z.number().int(), failed: z.number().int().optional() }).passthrough().nullable(),
  createdAt: z.string(),
});
export type HistoryEntryInfo = z.infer<typeof HistoryEntrySchema>;

/** Method name → input and output schema. Names are `domain.verbNoun`. */
export const contract = {
  /** Version, workspace folder and which face is talking. */
  'app.info': { input: z.object({}), output: z.object({ version: z.string(), workspace: z.string(), platform: z.string() }) },
  /** Every dataset with its columns. */
  'datasets.list': { input: z.object({}), output: z.array(DatasetSchema) },
  'datasets.get': { input: DatasetRef, output: DatasetSchema },
  /** Rename a dataset or change its description. */
  'datasets.update': { input: DatasetRef.extend({ name: z.string().min(1).optional(), description: z.string().optional() }), output: DatasetSchema },
  'datasets.delete': { input: DatasetRef, output: Ok },
  /** Search names and descriptions of datasets and columns (case-insensitive substring). */
  'datasets.search': {
    input: z.object({ query: z.string() }),
    output: z.array(z.object({ dataset: z.string(), column: z.string().nullable(), field: z.enum(['name', 'description', 'unit']), text: z.string() })),
  },
  /** Change a column's description or unit. */
  'columns.update': { input: DatasetRef.extend({ column: z.string(), description: z.string().optional(), unit: z.string().optional() }), output: DatasetSchema },
  /** Scanned files, optionally below one folder. */
  'sources.list': { input: z.object({ root: z.string().optional() }), output: z.array(SourceSchema) },
  /**
   * How a file reads with these options (sniffed where not given): column names and the first rows,
   * from its first 64 KB only, with notes (one column only, syntax problems). Changes nothing.
   */
  /**
   * What a container file holds: the sheets of a workbook or the tables and views of a SQLite
   * database with row counts (`parts`), or a Parquet file's or folder's rows and columns.
   */
  'sources.parts': {
    input: z.object({ path: z.string().min(1) }),
    output: z.object({
      format: z.string(),
      parts: z.array(z.object({ name: z.string(), kind: z.enum(['sheet', 'table', 'view']), rows: z.number().int() })).nullable(),
      rows: z.number().int().nullable(), columns: z.array(z.string()).nullable(), files: z.array(z.string()).nullable(),
    }),
  },
  'sources.preview': {
    input: z.object({ path: z.string().min(1), options: ImportOptionsSchema.omit({ name: true, onError: true, sheet: true, table: true }).default({}) }),
    output: z.object({
      columns: z.array(z.string()),
      rows: z.array(z.array(z.string().nullable())),
      notes: z.array(z.string()),
      options: z.object({ format: z.enum(['csv', 'jsonl', 'json']), encoding: z.string(), delimiter: z.string().nullable(), quote: z.string().nullable(), header: z.boolean().nullable() }),
    }),
  },
  /** Folder listing for the serve-mode folder browser (no file contents). */
  'fs.list': { input: z.object({ path: z.string().optional() }), output: z.object({ path: z.string(), parent: z.string().nullable(), entries: z.array(DirEntrySchema) }) },
  /** The data roots: the folders file access is confined to, for the folder browser to start from; `native` if fs.pickFolder opens a dialog. */
  'fs.roots': { input: z.object({}), output: z.object({ roots: z.array(z.string()), native: z.boolean() }) },
  /**
   * Desktop: a native folder dialog; the picked folder becomes a data root and `path` is it (null if
   * cancelled). Serve mode: `{ native: false, path: null }` — the UI uses its folder browser instead.
   */
  'fs.pickFolder': { input: z.object({}), output: z.object({ native: z.boolean(), path: z.string().nullable() }) },
  /** Start a scan job. */
  'jobs.scan': { input: z.object({ root: z.string().min(1), includeHidden: z.boolean().default(false) }), output: JobInfoSchema },
  /** Start one import job per file; default names are unique within the batch and against the catalog. */
  'jobs.import': { input: z.object({ files: z.array(z.object({ path: z.string().min(1), options: ImportOptionsSchema.default({}) })).min(1).max(200) }), output: z.array(JobInfoSchema) },
  /**
   * Import a dataset's source file again with other options; on success the new import takes the
   * dataset's place (its history goes), on failure or cancel the dataset stays as it was.
   */
  'jobs.reimport': { input: DatasetRef.extend({ options: ImportOptionsSchema.omit({ name: true }).default({}) }), output: JobInfoSchema },
  /** Import the bundled sample dataset. */
  'jobs.importSample': { input: z.object({}), output: JobInfoSchema },
  /** Build the sort index of a column in the background. */
  'jobs.buildIndex': { input: DatasetRef.extend({ column: z.string() }), output: JobInfoSchema },
  /**
   * Start an export job (the engine path of `tidyset export`): all rows or those `filters` match, in
   * `sort` order, the chosen `columns` (default all), into folder `out`. ALREADY_EXISTS when the output
   * exists and `force` is not set; the job's outcome lists the files and the manifest entry.
   */
  'jobs.export': {
    input: DatasetRef.extend({
      format: z.enum(['csv', 'jsonl']),
      out: z.string().min(1),
      columns: z.array(z.string()).min(1).max(4096).optional(),
      filters: z.array(FilterSchema).max(32).optional(),
      sort: z.array(SortSchema).max(8).optional(),
      force: z.boolean().default(false),
      /** Write columns tagged `direct` whose action is keep; without it the call fails with DIRECT_IDENTIFIER. */
      allowDirect: z.boolean().default(false),
    }),
    output: JobInfoSchema,
  },
  /** Detect personal data in a dataset's columns in the background (job kind `detect`); suggestions never replace a confirmed tag. */
  'jobs.detect': { input: DatasetRef, output: JobInfoSchema },
  'jobs.list': { input: z.object({}), output: z.array(JobInfoSchema) },
  'jobs.cancel': { input: z.object({ id: z.string() }), output: Ok },
  /** A page of rows, sorted and filtered. */
  'rows.page': { input: RowsPageInSchema, output: RowBlockSchema },
  /** Change one cell; the one change path that history records. */
  'cells.update': {
    input: DatasetRef.extend({ rid: z.number().int(), column: z.string(), value: z.string().nullable() }),
    output: z.object({ rid: z.number().int(), column: z.string(), value: z.string().nullable() }),
  },
  'rejects.list': {
    input: DatasetRef.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.object({ total: z.number().int(), rejects: z.array(RejectSchema) }),
  },
  /** What a value operation would change (in the rows its `where` selects), without changing anything. */
  'ops.preview': {
    input: DatasetRef.extend({ op: OpSchema, limit: z.number().int().min(1).max(200).default(20) }),
    output: z.object({
      changed: z.number().int(), failed: z.number().int(), samples: z.array(z.object({ rid: z.number().int(), before: z.string().nullable(), after: z.string().nullable() })),
      /** Rows the operation's `where` matches (all rows without one), and all rows. */
      matching: z.number().int(), total: z.number().int(),
    }),
  },
  /** Apply an operation (a history step). */
  'ops.apply': { input: DatasetRef.extend({ op: OpSchema }), output: HistoryStepSchema },
  'history.list': { input: DatasetRef, output: z.array(HistoryEntrySchema) },
  /** Undo the last applied step; null when there is none. */
  'history.undo': { input: DatasetRef, output: HistoryEntrySchema.nullable() },
  /** Redo the next undone step; null when there is none. */
  'history.redo': { input: DatasetRef, output: HistoryEntrySchema.nullable() },
  /** Undo or redo until step `seq` is the last applied one (0: before all). */
  'history.jumpTo': { input: DatasetRef.extend({ seq: z.number().int().min(0) }), output: z.array(HistoryEntrySchema) },
  /** The applied history as a recipe; `rowKey` lets cell edits replay on other datasets. */
  'recipes.export': { input: DatasetRef.extend({ rowKey: z.string().optional() }), output: RecipeSchema },
  /** Replay a recipe (all or nothing), renaming columns through `map` (old → new). */
  'recipes.apply': { input: DatasetRef.extend({ recipe: z.unknown(), map: z.record(z.string(), z.string()).default({}) }), output: z.array(HistoryStepSchema) },
  /**
   * Replay a recipe as a background job (kind `clean`): progress is "step n of N", jobs.cancel stops it
   * between steps or during one, and a cancelled or failed replay leaves the dataset as it was.
   */
  'jobs.applyRecipe': { input: DatasetRef.extend({ recipe: z.unknown(), map: z.record(z.string(), z.string()).default({}) }), output: JobInfoSchema },
  /** Value counts of a column under filters. */
  'facets.text': {
    input: DatasetRef.extend({ column: z.string(), filters: z.array(FilterSchema).default([]), sort: z.enum(['count', 'value']).default('count'), limit: z.number().int().min(1).max(5000).default(500) }),
    output: z.object({ values: z.array(z.object({ value: z.string().nullable(), count: z.number().int() })), distinct: z.number().int(), total: z.number().int() }),
  },
  /** Histogram of the values that read as numbers, and counts of the rest. */
  'facets.numeric': {
    input: DatasetRef.extend({ column: z.string(), filters: z.array(FilterSchema).default([]), bins: z.number().int().min(2).max(200).default(24) }),
    output: z.object({ min: z.number().nullable(), max: z.number().nullable(), bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })), numeric: z.number().int(), nonNumeric: z.number().int(), blank: z.number().int() }),
  },
  'facets.blank': { input: DatasetRef.extend({ column: z.string(), filters: z.array(FilterSchema).default([]) }), output: z.object({ blank: z.number().int(), nonBlank: z.number().int() }) },
  /** Values that do not fit the column's inferred type. */
  'facets.type': {
    input: DatasetRef.extend({ column: z.string(), filters: z.array(FilterSchema).default([]) }),
    output: z.object({ type: z.string(), mismatches: z.number().int(), values: z.array(z.object({ value: z.string(), count: z.number().int() })) }),
  },
  ...protectContract,
  ...detectContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type In<M extends Method> = z.input<Contract[M]['input']>;
export type Out<M extends Method> = z.output<Contract[M]['output']>;
/** The API as the renderer and CLI see it: one async function per method. */
export type Api = { [M in Method]: (input: In<M>) => Promise<Out<M>> };

/** Server-pushed events. */
export const events = {
  'job.progress': JobInfoSchema,
  'job.end': JobInfoSchema,
  'datasets.changed': z.object({ dataset: z.string().nullable() }),
  /** A command from the desktop app's menu for the window (File → Export…). */
  'app.command': z.object({ command: z.enum(['export']) }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

/** The reply of every call on either transport. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
