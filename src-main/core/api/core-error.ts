// The one error type services throw on purpose. Anything else reaching the dispatcher is a bug
// and is reported as INTERNAL without leaking internals to the caller.
import type { ApiErrorCode, ApiErrorData, ApiErrorDetails, ApiIssue, ErrorReason } from '../../contract/errors.js';

export class CoreError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: readonly ApiIssue[],
    readonly details?: ApiErrorDetails,
  ) {
    super(message);
    this.name = 'CoreError';
  }

  toData(): ApiErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues && { issues: this.issues }),
      ...(this.details && { details: this.details }),
    };
  }
}

export const notFound = (what: string, id: number | string): CoreError =>
  new CoreError('NOT_FOUND', `${what} ${id} does not exist.`, undefined, { reason: 'notFound', params: {} });

/** A refusal people meet often: the English sentence plus the reason and values the console says it from. */
export const refusal = (code: ApiErrorCode, reason: ErrorReason, message: string, params: Readonly<Record<string, string | number>> = {}, issues?: readonly ApiIssue[]): CoreError =>
  new CoreError(code, message, issues, { reason, params });
