// The clustering methods as the dialog offers them: label, family and a line saying what each does.
import type { ClusterMethod } from '../../../shared/api/cluster';

export interface MethodInfo {
  id: ClusterMethod;
  label: string;
  family: 'Key collision' | 'Nearest neighbour';
  hint: string;
}

export const METHODS: readonly MethodInfo[] = [
  { id: 'fingerprint', label: 'Fingerprint', family: 'Key collision', hint: 'Same words in any order, case, accents and punctuation ignored.' },
  { id: 'ngram', label: 'N-gram fingerprint', family: 'Key collision', hint: 'Same character n-grams: catches spacing and some typos.' },
  { id: 'metaphone', label: 'Double Metaphone', family: 'Key collision', hint: 'Sounds alike in English: Smith, Smyth.' },
  { id: 'cologne', label: 'Cologne phonetic', family: 'Key collision', hint: 'Sounds alike in German: Müller, Mueller, Möller.' },
  { id: 'levenshtein', label: 'Levenshtein', family: 'Nearest neighbour', hint: 'At most this many edits from the most frequent value.' },
  { id: 'jaro-winkler', label: 'Jaro-Winkler', family: 'Nearest neighbour', hint: 'At least this similar to the most frequent value (1 = equal).' },
];

export function methodInfo(id: ClusterMethod): MethodInfo {
  return METHODS.find((m) => m.id === id)!;
}
