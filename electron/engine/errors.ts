import type { ApiErrorCode } from '../../shared/api';

/**
 * An error a person can act on: a stable code for programs and a message that names
 * what failed, on which file or field, and what to do.
 */
export class VetbenchError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VetbenchError';
  }
}

export const isVetbenchError = (error: unknown): error is VetbenchError => error instanceof VetbenchError;
