// Stable error codes of the API; messages are for people, codes for programs.
export const ERROR_CODES = [
  'BAD_INPUT',
  'VALIDATION',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'MALFORMED_FILE',
  'UNSUPPORTED_FILE',
  'TOO_MANY_COLUMNS',
  'WORKSPACE_TOO_NEW',
  'CANCELLED',
  /** A path outside the data roots (serve: `--root`; desktop: home and folders picked in the dialog). */
  'FORBIDDEN_PATH',
  /** A file or folder the operating system would not let us read or write (permission, disk full, …). */
  'FILE_ACCESS',
  /** Another writer holds the resource (an export into the same folder). */
  'BUSY',
  /** An export would write a column tagged as a direct identifier as it is, and that was not confirmed (`--allow-direct`). */
  'DIRECT_IDENTIFIER',
  /** The workspace secret that pseudonyms are keyed by is missing, corrupt or not the one the catalog records. */
  'SECRET_UNAVAILABLE',

  'DATASET_BUSY',
  /** A quality rule of severity block failed (an export refused, `tidyset check`). */
  'RULES_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
