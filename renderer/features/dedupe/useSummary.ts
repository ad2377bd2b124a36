// A stored result's summary (config, model, threshold curve, labels) and the threshold the screen shows,
// starting at the run's own; `refit` re-estimates the model with the labels, one at a time (calls made
// while one runs coalesce into one more).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultSummary } from '../../../shared/api/dedupe';
import { api, errorMessage } from '../../api';

export function useSummary(result: string) {
  const [summary, setSummary] = useState<ResultSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [threshold, setThreshold] = useState<number | null>(null);
  const [refitting, setRefitting] = useState(false);
  /** Bumps after every re-fit, so pages of clusters or pairs reload with the new scores. */
  const [version, setVersion] = useState(0);
  const inflight = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  useEffect(() => {
    let stale = false;
    api['dedupe.summary']({ result }).then(
      (s) => {
        if (stale) return;
        setSummary(s);
        setThreshold((t) => t ?? s.config.threshold);
      },
      (e) => !stale && setError(errorMessage(e)),
    );
    return () => {
      stale = true;
    };
  }, [result]);

  const refit = useCallback((): Promise<void> => {
    if (inflight.current) {
      again.current = true;
      return inflight.current;
    }
    setRefitting(true);
    inflight.current = (async () => {
      do {
        again.current = false;
        try {
          setSummary(await api['dedupe.refit']({ result }));
          setError(null);
        } catch (e) {
          setError(errorMessage(e));
        }
        setVersion((v) => v + 1);
      } while (again.current);
    })().finally(() => {
      inflight.current = null;
      setRefitting(false);
    });
    return inflight.current;
  }, [result]);

  return { summary, error, threshold: threshold ?? 0.5, setThreshold, refit, refitting, version };
}
