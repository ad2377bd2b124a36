// Engine errors with stable codes; the CLI maps them to exit codes, the API to error payloads.
import type { ErrorCode } from '../../shared/api/errors';

export type { ErrorCode };

/** Where in a file a problem is: 1-based line and column. */
export interface FilePosition {
  file: string;
  line?: number;
  column?: number;
}

/** An error the user can act on; `code` is stable, `message` names file, line and column where known. */
export class TidysetError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly position?: FilePosition,
  ) {
    super(message);
    this.name = 'TidysetError';
  }
}

/** True for errors caused by the user's input rather than a fault of ours. */
export function isUserError(e: unknown): e is TidysetError {
  return e instanceof TidysetError && e.code !== 'INTERNAL';
}

/** Formats `file:line:column: message` the way compilers do. */
export function atPosition(pos: FilePosition, message: string): string {
  let where = pos.file;
  if (pos.line !== undefined) where += `:${pos.line}`;
  if (pos.line !== undefined && pos.column !== undefined) where += `:${pos.column}`;
  return `${where}: ${message}`;
}
