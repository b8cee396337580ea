// Turns any thrown value into a sentence for the operator, in their language (see error-sentence.ts).
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/index.js';
import { refusalText, TRANSLATED_CODES } from './error-sentence.js';

export function translatedCode(error: unknown): string | null {
  return error instanceof ApiError && TRANSLATED_CODES.has(error.code) ? error.code : null;
}

export function useErrorText() {
  const { t, te, locale } = useI18n();
  return (error: unknown): string => {
    if (error instanceof ApiError) return refusalText({ t: (key, params) => t(key, params ?? {}), te: (key) => te(key), locale: String(locale.value) }, error);
    return t('errors.UNEXPECTED', { message: error instanceof Error ? error.message : String(error) });
  };
}
