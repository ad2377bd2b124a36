// Catalog domain types (sources, datasets, columns) as zod schemas shared by the engine, the API and the UI.
import { z } from 'zod';

export const ColumnTypeSchema = z.enum(['empty', 'boolean', 'integer', 'decimal', 'date', 'datetime', 'text']);
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

export const FileFormatSchema = z.enum(['csv', 'jsonl', 'json', 'parquet', 'xlsx', 'sqlite', 'image', 'binary', 'empty', 'unknown']);
export type FileFormat = z.infer<typeof FileFormatSchema>;

export const SourceStatusSchema = z.enum(['ok', 'recognised', 'unreadable', 'unsupported']);
export type SourceStatus = z.infer<typeof SourceStatusSchema>;

/** What type inference learned about a column besides its type. */
export const TypeDetailSchema = z.object({
  /** Count of non-empty values seen. */
  nonEmpty: z.number().int(),
  /** Count of empty strings and missing fields. */
  empty: z.number().int(),
  /** Date/datetime formats seen, like 'YYYY-MM-DD' or 'DD/MM/YYYY'. */
  formats: z.array(z.string()).optional(),
  /** Non-empty values that do not fit the type (a few are tolerated: the type facet lists them). */
  misfits: z.number().int().optional(),
  /** Decimal separator seen for decimals: '.' or ','. */
  decimalSeparator: z.enum(['.', ',']).optional(),
});
export type TypeDetail = z.infer<typeof TypeDetailSchema>;

export const ColumnSchema = z.object({
  position: z.number().int(),
  name: z.string(),
  /** Name as it stood in the file's header before it was made unique or filled in. */
  originalName: z.string(),
  type: ColumnTypeSchema,
  detail: TypeDetailSchema.nullable(),
  description: z.string(),
  unit: z.string(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const SourceSchema = z.object({
  id: z.number().int(),
  path: z.string(),
  size: z.number().int(),
  mtimeMs: z.number(),
  sha256: z.string().nullable(),
  format: FileFormatSchema,
  importable: z.boolean(),
  encoding: z.string().nullable(),
  bom: z.boolean(),
  delimiter: z.string().nullable(),
  quote: z.string().nullable(),
  header: z.boolean().nullable(),
  lineCount: z.number().int().nullable(),
  columns: z.array(z.string()).nullable(),
  status: SourceStatusSchema,
  error: z.string().nullable(),
  /** What the user should know about how the file is read (encoding fallback, a doubtful delimiter…). */
  notes: z.array(z.string()),
  /** Id of an earlier-found byte-identical file, when this one is a duplicate. */
  duplicateOf: z.number().int().nullable(),
  scannedAt: z.string(),
});
export type Source = z.infer<typeof SourceSchema>;

export const DatasetSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  rows: z.number().int(),
  rejects: z.number().int(),
  description: z.string(),
  createdAt: z.string(),
  importMs: z.number().int().nullable(),
  columns: z.array(ColumnSchema),
  source: z.object({
    id: z.number().int().nullable(),
    path: z.string().nullable(),
    sha256: z.string().nullable(),
    size: z.number().int().nullable(),
    format: FileFormatSchema,
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    quote: z.string().nullable(),
    header: z.boolean().nullable(),
  }),
});
export type Dataset = z.infer<typeof DatasetSchema>;

export const RejectSchema = z.object({
  line: z.number().int(),
  raw: z.string(),
  reason: z.string(),
});
export type Reject = z.infer<typeof RejectSchema>;
