// What a long-running job sees of its runner: a progress callback and a cancel flag.

export interface JobContext {
  /** Reports progress: `done` of `total` units (bytes, files, rows), with an optional message. */
  progress(done: number, total: number, message?: string): void;
  /** True once the user asked to cancel; the job then stops at its next check and cleans up. */
  isCancelled(): boolean;
}

/** A context that reports nowhere and is never cancelled (tests, quick in-process work). */
export const quietContext: JobContext = {
  progress: () => {},
  isCancelled: () => false,
};
