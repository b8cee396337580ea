// The one error type services throw on purpose. Anything else reaching the dispatcher is a bug
// and is reported as INTERNAL without leaking internals to the caller.
import type { ApiErrorCode, ApiErrorData, ApiIssue } from '../../contract/errors.js';

export class CoreError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: readonly ApiIssue[],
  ) {
    super(message);
    this.name = 'CoreError';
  }

  toData(): ApiErrorData {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string, id: number | string): CoreError =>
  new CoreError('NOT_FOUND', `${what} ${id} does not exist.`);
