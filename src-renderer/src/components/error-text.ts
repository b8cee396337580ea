// Turns any thrown value into a sentence for the operator: generic codes are translated, specific
// ones (conflicts, lock-outs, import refusals) keep the core's own message, which names the problem.
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
  'ALREADY_REVERSED',
  'NOT_REVERSIBLE',
  'JOURNAL_REFUSED',
]);

export function translatedCode(error: unknown): string | null {
  return error instanceof ApiError && TRANSLATED.has(error.code) ? error.code : null;
}

export function useErrorText() {
  const { t } = useI18n();
  return (error: unknown): string => {
    const code = translatedCode(error);
    if (code) return t(`errors.${code}`);
    if (error instanceof ApiError) return error.message;
    return t('errors.UNEXPECTED', { message: error instanceof Error ? error.message : String(error) });
  };
}
