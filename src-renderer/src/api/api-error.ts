// Errors cross the carrier as data ({ code, message, issues }); the bridge rebuilds them as ApiError
// so views can branch on a stable code and show per-field issues.
import type { ApiErrorCode, ApiErrorData, ApiErrorDetails, ApiIssue } from '@contract';

/** Codes the renderer adds for failures that never reached the core. */
export type ClientErrorCode = 'UNREACHABLE' | 'BAD_RESPONSE';
export type AnyErrorCode = ApiErrorCode | ClientErrorCode;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: AnyErrorCode,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
  }

  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.issues ?? [], data.details ?? {});
  }

  /** Issues keyed by path; a path prefix (e.g. "changes.") can be stripped for form fields. */
  fieldErrors(prefix = ''): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.issues) {
      const path = prefix && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
      out[path] ??= issue.message;
    }
    return out;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
