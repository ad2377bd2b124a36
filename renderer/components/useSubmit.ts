// A dialog's confirm action: runs once at a time, keeps the dialog open with the error when it fails.
import { useState } from 'react';
import { errorMessage } from '../api';

/**
 * Wraps `action` (which closes the dialog itself on success): `busy` while it runs, a second call
 * meanwhile is ignored, and a failure leaves `error` set (as `describe(message)`) and the dialog usable.
 */
export function useSubmit(action: () => Promise<void>, describe: (message: string) => string = (m) => m) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(describe(errorMessage(e)));
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
