// A schema issue (zod 4) → the contract's ApiIssue: its path, the English sentence, and the code and
// values the renderer needs to say it in the operator's language ("cannot be negative", "at most 40
// characters"). Only plain values cross: the schema's own objects (patterns, unions) stay here.
import type { z } from 'zod';
import { API_ISSUE_CODES, type ApiIssue, type ApiIssueCode } from '../../contract/errors.js';
import { ISSUE_REASONS, type IssueReason } from '../../contract/issues.js';

type Plain = string | number | boolean;
const CODES = new Set<string>(API_ISSUE_CODES);
const REASONS = new Set<string>(ISSUE_REASONS);
/** Values of an issue worth handing on; anything else (regex objects, nested errors) is dropped. */
const KEPT = ['minimum', 'maximum', 'inclusive', 'origin', 'expected', 'format', 'divisor'] as const;

const plain = (value: unknown): value is Plain => typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

export function issueFromSchema(issue: z.core.$ZodIssue): ApiIssue {
  const raw = issue as unknown as Record<string, unknown>;
  const params: Record<string, Plain> = {};
  for (const key of KEPT) {
    const value = raw[key];
    if (typeof value === 'bigint') params[key] = Number(value);
    else if (plain(value)) params[key] = value;
  }
  let reason: IssueReason | undefined;
  if (issue.code === 'custom' && issue.params) {
    for (const [key, value] of Object.entries(issue.params as Record<string, unknown>)) {
      if (key === 'reason' && typeof value === 'string' && REASONS.has(value)) reason = value as IssueReason;
      else if (plain(value)) params[key] = value;
    }
  }
  // A missing value is its own case: "required", not "expected a number".
  if (issue.code === 'invalid_type' && raw.input === undefined) params.missing = true;
  const code: ApiIssueCode = CODES.has(issue.code) ? (issue.code as ApiIssueCode) : 'custom';
  return {
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code,
    ...(reason && { reason }),
    ...(Object.keys(params).length > 0 && { params }),
  };
}
