// Errors cross the carrier as data ({ code, message, issues }); the bridge rebuilds them as ApiError
// so views can branch on a stable code and show per-field issues.
import type { ApiErrorCode, ApiErrorData, ApiErrorDetails, ApiIssue } from '@contract';
import { describeIssue } from '../i18n/issue-text.js';

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

  /**
   * Issues keyed by path, each said in the operator's language (never the core's English sentence);
   * a path prefix (e.g. "changes.") can be stripped for form fields.
   */
  fieldErrors(prefix = '', describe: (issue: ApiIssue) => string = describeIssue): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.issues) {
      const path = prefix && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
      out[path] ??= describe(issue);
    }
    return out;
  }

  /** The first issue in the operator's language, for a form with a single field. */
  firstIssueText(describe: (issue: ApiIssue) => string = describeIssue): string | null {
    const first = this.issues[0];
    return first ? describe(first) : null;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
