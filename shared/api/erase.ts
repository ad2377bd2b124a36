// Erasure of a data subject (GDPR Art. 17): the search for a value across datasets, the erase job's
// parameters and result, the audit log of erasures and the export log, as the API and CLI carry them.
import { z } from 'zod';

/** Where to look: every dataset, or one; every column, or one (by display name). */
export const EraseScopeSchema = z.object({
  /** The searched value: matched exactly after trimming, and for ids also without spaces and dashes. */
  value: z.string().min(1).max(1000),
  column: z.string().min(1).optional(),
  /** Only this dataset (default: every dataset of the workspace). */
  dataset: z.string().min(1).optional(),
});
export type EraseScope = z.infer<typeof EraseScopeSchema>;

export const EraseSearchInSchema = EraseScopeSchema.extend({
  /** Paging of each dataset's matching rows. */
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(20),
});

/** The matching rows of one dataset, one page of them. */
export const EraseMatchesSchema = z.object({
  dataset: z.string(),
  /** Rows with a matching cell in a visible column (what erasing deletes or blanks). */
  rows: z.number().int(),
  /** Matching cells in those rows. */
  cells: z.number().int(),
  /** Matching cells in hidden columns (dropped, or left by an undone split): always blanked. */
  hiddenCells: z.number().int(),
  /** Cells that mention the value inside longer text (a note, an address): not erased; edit them first. */
  mentions: z.number().int(),
  /** Visible columns with a match, in display order. */
  matchedColumns: z.array(z.string()),
  columns: z.array(z.string()),
  page: z.array(z.object({ rid: z.number().int(), values: z.array(z.string().nullable()), matched: z.array(z.string()) })),
  offset: z.number().int(),
});
export type EraseMatches = z.infer<typeof EraseMatchesSchema>;

export const EraseSearchOutSchema = z.object({
  /** The forms the value was searched in (trimmed, normalised). */
  forms: z.array(z.string()),
  datasets: z.array(EraseMatchesSchema),
  /** When the searched value was a pseudonym: the pseudonymised columns ("dataset.column") where the value it stands for was found (none: it stands for nothing here); null otherwise. */
  pseudonymOf: z.array(z.string()).nullable(),
  /** Datasets searched (those without the column are skipped when a column is given). */
  searched: z.number().int(),
});
export type EraseSearchOut = z.infer<typeof EraseSearchOutSchema>;

export const EraseRunInSchema = z.object({
  value: z.string().min(1).max(1000),
  column: z.string().min(1).optional(),
  /** The datasets to erase in (names); empty: every dataset with a match. */
  datasets: z.array(z.string().min(1)).max(1000).default([]),
  reason: z.string().trim().min(1).max(2000),
  /** Blank the matching cells instead of deleting the rows. */
  blank: z.boolean().default(false),
});
export type EraseRunIn = z.infer<typeof EraseRunInSchema>;

export const EraseDatasetOutcomeSchema = z.object({
  dataset: z.string(),
  /** Rows deleted (delete mode) or rows whose cells were blanked (blank mode). */
  rows: z.number().int(),
  cells: z.number().int(),
  hiddenCells: z.number().int(),
  /** Earlier history steps whose undo data held the subject: they can no longer be undone. */
  purgedSteps: z.array(z.number().int()),
  rejects: z.number().int(),
  /** The history step of the erasure. */
  seq: z.number().int().nullable(),
  done: z.boolean(),
});
export type EraseDatasetOutcome = z.infer<typeof EraseDatasetOutcomeSchema>;

export const ExportLogEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  dataset: z.string(),
  format: z.string(),
  path: z.string(),
  rows: z.number().int(),
  sha256: z.string().nullable(),
});
export type ExportLogEntry = z.infer<typeof ExportLogEntrySchema>;

export const EraseResultSchema = z.object({
  auditId: z.number().int(),
  valueSha256: z.string(),
  mode: z.enum(['delete', 'blank']),
  datasets: z.array(EraseDatasetOutcomeSchema),
  /** The physical purge: files rewritten (VACUUM) or wiped in place (secure_delete), WAL truncated, and checked byte by byte. */
  purge: z.object({ files: z.number().int(), vacuumed: z.array(z.string()), verified: z.boolean() }),
  /** Exports made earlier from these datasets: they may hold the subject, re-issue them. */
  exports: z.array(ExportLogEntrySchema),
  ms: z.number(),
  /** Milliseconds of each phase: the search and plan, the history steps, the physical purge and its check. */
  phases: z.object({ search: z.number(), erase: z.number(), purge: z.number() }),
});
export type EraseResult = z.infer<typeof EraseResultSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  finishedAt: z.string().nullable(),
  user: z.string(),
  reason: z.string(),
  valueSha256: z.string(),
  mode: z.enum(['delete', 'blank']),
  column: z.string().nullable(),
  state: z.enum(['erasing', 'purging', 'done']),
  datasets: z.array(z.object({ dataset: z.string(), rows: z.number().int(), cells: z.number().int() })),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
