import { apiSchemas, type ApiMethod, type ApiParsedInput, type ApiResult, type ApiResults } from '../../../shared/api';
import { isVetbenchError } from '../errors';

export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiResults[M]> | ApiResults[M];
};

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

const isApiMethod = (method: string): method is ApiMethod => Object.hasOwn(apiSchemas, method);

/**
 * Turns a set of handlers into the single entry point that IPC (electron/main/ipc.ts) and
 * the test bridge call: unknown methods and bad input are refused before any handler runs,
 * and nothing throws across the boundary — every outcome is an ApiResult.
 */
export function createDispatcher(
  handlers: ApiHandlers,
  onInternalError: (method: string, error: unknown) => void = () => {},
): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method "${method}".` } };
    }
    const parsed = apiSchemas[method].safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'input';
      return {
        ok: false,
        error: { code: 'BAD_INPUT', message: `${method}: ${where}: ${issue?.message ?? 'invalid'}` },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (isVetbenchError(error)) {
        return { ok: false, error: { code: error.code, message: error.message } };
      }
      // Unexpected errors may carry paths or data; the renderer gets a generic message and
      // the details stay on the Node side.
      onInternalError(method, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `${method} failed unexpectedly; see the application log.` },
      };
    }
  };
}
