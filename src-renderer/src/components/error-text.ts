// Turns any thrown value into a sentence for the operator: a refusal the core names (details.reason)
// and generic codes are translated; other specific ones (conflicts, import refusals) keep the core's
// own message, which names the problem.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/index.js';

const TRANSLATED = new Set<string>([
  'UNREACHABLE',
  'BAD_RESPONSE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_CHANNEL',
  'MALFORMED_REQUEST',
  'INVALID_CREDENTIALS',
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  'VALIDATION',
  'DB_NEWER',
  'DB_UNREADABLE',
  'INTERNAL',
  'CHAIN_OFF',
  'CHAIN_NOT_CONNECTED',
  'KEYSTORE_NOT_INITIALIZED',
  'KEYSTORE_LOCKED',
  'KEYSTORE_WRONG_PASSPHRASE',
  'KEYSTORE_CORRUPT_FILE',
]);

export function translatedCode(error: unknown): string | null {
  return error instanceof ApiError && TRANSLATED.has(error.code) ? error.code : null;
}

/** A refusal the core named (details.reason, e.g. 'key_overlaps_version'): its key under errors.reasons. */
export function refusalKey(error: unknown): string | null {
  return error instanceof ApiError && error.details.reason ? `errors.reasons.${error.details.reason}` : null;
}

/** The refusal's values, instants (ISO-8601) said as a local date and time. */
export function refusalParams(params: Readonly<Record<string, string | number>>, locale: string): Record<string, string | number> {
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' && instant.test(value) ? format.format(new Date(value)) : value]));
}

export function useErrorText() {
  const { t, te, locale } = useI18n();
  return (error: unknown): string => {
    const refusal = refusalKey(error);
    if (refusal && te(refusal) && error instanceof ApiError) return t(refusal, refusalParams(error.details.params ?? {}, locale.value));
    const code = translatedCode(error);
    if (code) return t(`errors.${code}`);
    if (error instanceof ApiError) return error.message;
    return t('errors.UNEXPECTED', { message: error instanceof Error ? error.message : String(error) });
  };
}
