// Types of the one talisman module the tests and benchmark compare against (talisman ships none).
declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro-Winkler similarity in [0, 1] (boost threshold 0.7, scaling 0.1). */
  export default function jaroWinkler(a: string, b: string): number;
}
