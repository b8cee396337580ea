// Validates what a carrier hands back: the renderer trusts no shape it did not check.
import type { ApiErrorCode, ApiErrorDetails, ErrorReason, ApiIssue, ApiIssueCode, ApiResponse, EventMessage, EventName } from '@contract';

// A record over EventName: a new event in the contract fails the type check here until it is listed.
const KNOWN_EVENTS: Record<EventName, true> = {
  'members.changed': true,
  'job.progress': true,
  'database.restored': true,
  'meters.provisioning': true,
  'meters.changed': true,
  'meters.modbus.polled': true,
  'chain.status': true,
  'chain.head': true,
  'chain.outbox': true,
  'chain.tx': true,
  'energy.recompute': true,
  'energy.changed': true,
  'fieldSync.progress': true,
  'settlements.progress': true,
  'settlements.changed': true,
  'statements.progress': true,
};
const EVENT_NAMES = Object.keys(KNOWN_EVENTS) as readonly EventName[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The issue codes of the contract (errors.ts), repeated here because the renderer imports types only.
const ISSUE_CODES: ReadonlySet<string> = new Set<ApiIssueCode>(['invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom']);

function parseIssueParams(raw: unknown): Record<string, string | number | boolean> | undefined {
  if (!isRecord(raw)) return undefined;
  const plain = Object.entries(raw).filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') as [string, string | number | boolean][];
  return plain.length ? Object.fromEntries(plain) : undefined;
}

/** Path and English message, plus the code, reason and values the renderer says the issue from. */
function parseIssues(raw: unknown): ApiIssue[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(isRecord).map((issue) => {
    const params = parseIssueParams(issue.params);
    return {
      path: String(issue.path ?? ''),
      message: String(issue.message ?? ''),
      ...(typeof issue.code === 'string' && ISSUE_CODES.has(issue.code) ? { code: issue.code as ApiIssueCode } : {}),
      ...(typeof issue.reason === 'string' ? { reason: issue.reason } : {}),
      ...(params ? { params } : {}),
    };
  });
}

function parseDetails(raw: unknown): ApiErrorDetails | undefined {
  if (!isRecord(raw)) return undefined;
  const details: { -readonly [K in keyof ApiErrorDetails]: ApiErrorDetails[K] } = {};
  if (typeof raw.attemptsLeft === 'number' && Number.isInteger(raw.attemptsLeft)) details.attemptsLeft = raw.attemptsLeft;
  if (typeof raw.lockedUntil === 'string' && !Number.isNaN(Date.parse(raw.lockedUntil))) details.lockedUntil = raw.lockedUntil;
  if (Array.isArray(raw.missing)) details.missing = raw.missing.filter((m): m is string => typeof m === 'string');
  // The reason is kept even if this renderer has no sentence for it: the code's sentence is said then.
  if (typeof raw.reason === 'string') details.reason = raw.reason as ErrorReason;
  const params = parseIssueParams(raw.params);
  if (params) details.params = Object.fromEntries(Object.entries(params).filter((e): e is [string, string | number] => typeof e[1] !== 'boolean'));
  return details;
}

/** Returns the response, or null when the value is not an ApiResponse at all. */
export function parseApiResponse(raw: unknown): ApiResponse<unknown> | null {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') return null;
  if (raw.ok) return 'value' in raw ? { ok: true, value: raw.value } : null;
  const error = raw.error;
  if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string') return null;
  const issues = parseIssues(error.issues);
  const details = parseDetails(error.details);
  return {
    ok: false,
    // The code is kept even if this renderer does not know it yet: the message still explains it.
    error: { code: error.code as ApiErrorCode, message: error.message, ...(issues ? { issues } : {}), ...(details ? { details } : {}) },
  };
}

export function parseEventMessage(raw: unknown): EventMessage | null {
  if (!isRecord(raw) || typeof raw.event !== 'string' || !isRecord(raw.payload)) return null;
  if (!(EVENT_NAMES as readonly string[]).includes(raw.event)) return null;
  return { event: raw.event as EventName, payload: raw.payload as EventMessage['payload'] };
}
