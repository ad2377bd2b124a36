// The default missing-value tokens offered by the "Missing-value tokens" dialog.
// Mirrors NULL_TOKENS_DEFAULT in shared/ops/schema.ts (the e2e suite checks they agree): importing that
// module would bundle zod into the renderer, ~450 KB for one array.
export const NULL_TOKENS_DEFAULT: readonly string[] = ['', 'N/A', 'n/a', '-', 'NULL', 'null', '?', 'NA', 'none'];
