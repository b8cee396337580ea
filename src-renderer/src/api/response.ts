// Validates what a carrier hands back: the renderer trusts no shape it did not check.
import type { ApiErrorCode, ApiIssue, ApiResponse, EventMessage, EventName } from '@contract';

const EVENT_NAMES: readonly EventName[] = ['members.changed', 'job.progress', 'database.restored', 'meters.provisioning', 'meters.changed', 'meters.modbus.polled'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseIssues(raw: unknown): ApiIssue[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw
    .filter(isRecord)
    .map((issue) => ({ path: String(issue.path ?? ''), message: String(issue.message ?? '') }));
}

/** Returns the response, or null when the value is not an ApiResponse at all. */
export function parseApiResponse(raw: unknown): ApiResponse<unknown> | null {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') return null;
  if (raw.ok) return 'value' in raw ? { ok: true, value: raw.value } : null;
  const error = raw.error;
  if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string') return null;
  const issues = parseIssues(error.issues);
  return {
    ok: false,
    // The code is kept even if this renderer does not know it yet: the message still explains it.
    error: { code: error.code as ApiErrorCode, message: error.message, ...(issues ? { issues } : {}) },
  };
}

export function parseEventMessage(raw: unknown): EventMessage | null {
  if (!isRecord(raw) || typeof raw.event !== 'string' || !isRecord(raw.payload)) return null;
  if (!(EVENT_NAMES as readonly string[]).includes(raw.event)) return null;
  return { event: raw.event as EventName, payload: raw.payload as EventMessage['payload'] };
}
