import { useEffect, useState } from 'react';
import type { ApiError, ApiInput, ApiMethod, ApiResults } from '../../shared/api';
import { call } from './api';

export interface ApiQuery<T> {
  /** The latest value for this input; null before the first answer or after an error. */
  value: T | null;
  error: ApiError | null;
  /** True while an answer for the current input and revision is on its way. */
  loading: boolean;
}

interface Answer {
  inputKey: string;
  revision: number;
  value: unknown;
  error: ApiError | null;
}

/**
 * Reads one API method and re-reads it whenever its input or `revision` changes (callers
 * bump the revision after anything that changes the vault). Answers to superseded requests
 * are dropped, so a slow search never overwrites a newer one.
 *
 * `keepPrevious` shows the last value while a different input loads (a list being
 * filtered); without it, a new input starts empty (a different case).
 */
export function useApiQuery<M extends ApiMethod>(
  method: M,
  input: ApiInput<M> | null,
  revision = 0,
  options: { keepPrevious?: boolean } = {},
): ApiQuery<ApiResults[M]> {
  const inputKey = input === null ? null : JSON.stringify(input);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (inputKey === null) return;
    let live = true;
    void call(method, JSON.parse(inputKey) as ApiInput<M>).then((result) => {
      if (!live) return;
      setAnswer({
        inputKey,
        revision,
        value: result.ok ? result.value : null,
        error: result.ok ? null : result.error,
      });
    });
    return () => {
      live = false;
    };
  }, [method, inputKey, revision]);

  if (inputKey === null) return { value: null, error: null, loading: false };
  const current = answer !== null && answer.inputKey === inputKey;
  const usable = current || (options.keepPrevious === true && answer !== null);
  return {
    value: usable ? (answer.value as ApiResults[M] | null) : null,
    error: current ? answer.error : null,
    loading: !current || answer.revision !== revision,
  };
}
