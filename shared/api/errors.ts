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
  'DATASET_BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
