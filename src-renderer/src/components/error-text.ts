// Turns any thrown value into a sentence for the operator, in their language. A refusal with a
// reason (details.reason) is said from it and its values; codes whose sentence never varies are
// translated; any other refusal keeps the core's specific English sentence on an English screen and
// is said from its code (what happened, what to do) on any other, never in English there.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/api-error.js';

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
  'CHAIN_NOT_BOOTSTRAPPED',
  'KEYSTORE_NOT_INITIALIZED',
  'KEYSTORE_LOCKED',
  'KEYSTORE_WRONG_PASSPHRASE',
  'KEYSTORE_CORRUPT_FILE',
]);

export function translatedCode(error: unknown): string | null {
  return error instanceof ApiError && TRANSLATED.has(error.code) ? error.code : null;
}

export interface ErrorTranslator {
  t: (key: string, params?: Record<string, unknown>) => string;
  te: (key: string) => boolean;
  locale: string;
}

/** The sentence for a thrown value (pure, for tests and for useErrorText). */
export function errorTextWith(tr: ErrorTranslator, error: unknown): string {
  if (!(error instanceof ApiError)) return tr.t('errors.UNEXPECTED', { message: error instanceof Error ? error.message : String(error) });
  const reason = error.details.reason;
  if (reason && tr.te(`errors.reasons.${reason}`)) return tr.t(`errors.reasons.${reason}`, { ...(error.details.params ?? {}) });
  if (TRANSLATED.has(error.code)) return tr.t(`errors.${error.code}`);
  if (tr.locale.startsWith('en') || !tr.te(`errors.${error.code}`)) return error.message;
  return tr.t(`errors.${error.code}`);
}

export function useErrorText() {
  const { t, te, locale } = useI18n();
  return (error: unknown): string => errorTextWith({ t: (key, params) => t(key, params ?? {}), te: (key) => te(key), locale: String(locale.value) }, error);
}
