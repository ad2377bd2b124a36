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

/** Plain words for the operating system's error codes on files and folders. */
const ERRNO_TEXT: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'not a folder',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'already exists',
  ENOTEMPTY: 'folder not empty',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EROFS: 'read-only file system',
  EBUSY: 'busy or locked by another program',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'name too long',
  EXDEV: 'cannot move across file systems',
  ETXTBSY: 'file busy',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
};

/**
 * The user error for a file-system error (EACCES, ENOSPC, EIO, …): names the file and the reason, as
 * `file: permission denied (EACCES, open)`; null when `e` is not one. `file` names the file when the
 * error does not (reads and writes on an open handle carry no path). The one place errno codes are
 * mapped; the dispatcher, the job worker and the CLI all go through it.
 */
export function fileSystemError(e: unknown, file?: string): TidysetError | null {
  const err = e as NodeJS.ErrnoException | null;
  if (!err || typeof err !== 'object' || typeof err.code !== 'string' || !(err.code in ERRNO_TEXT)) return null;
  const where = typeof err.path === 'string' ? err.path : file;
  const reason = `${ERRNO_TEXT[err.code]} (${err.code}${err.syscall ? `, ${err.syscall}` : ''})`;
  const code: ErrorCode = err.code === 'ENOENT' || err.code === 'ENOTDIR' ? 'NOT_FOUND' : err.code === 'EEXIST' ? 'ALREADY_EXISTS' : 'FILE_ACCESS';
  return new TidysetError(code, where ? `${where}: ${reason}` : reason, where ? { file: where } : undefined);
}
