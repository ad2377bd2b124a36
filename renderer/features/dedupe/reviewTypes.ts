// Shapes the review components share (kept out of the .tsx files so pure modules and tests can use them).

export interface ScoreBin {
  from: number;
  to: number;
  count: number;
}

export interface ThresholdCounts {
  pairs: number;
  clusters: number;
  records: number;
}

export type Decision = 'match' | 'nonmatch' | 'split' | null;
