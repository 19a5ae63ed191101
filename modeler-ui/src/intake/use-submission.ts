/**
 * Sending a new case: one at a time, with the form's idempotency key; the server's field errors shown on their
 * fields, anything else (a missing document, a duplicate, a refused rule) in the form's alert.
 */
import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { newIdempotencyKey, showServerErrors } from './server-errors';

export function useSubmission(form: FormInstance) {
  const { t, apiText } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [key, setKey] = useState(newIdempotencyKey);
  async function submit(send: (idempotencyKey: string) => Promise<void>) {
    setBusy(true);
    setProblem(undefined);
    try {
      await send(key);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const elsewhere = showServerErrors(form, error.fieldErrors, apiText);
      setProblem(error.fieldErrors.length && elsewhere.length === 0 ? t('intake.fixFields') : apiText(error.message));
    } finally {
      setBusy(false);
    }
  }
  /** A new form (the next customer): a new key. */
  function reset() {
    setProblem(undefined);
    setKey(newIdempotencyKey());
  }
  return { busy, problem, submit, reset };
}
