// Turns any thrown value into a sentence for the operator, in their language (see error-sentence.ts).
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/index.js';
import { refusalText, TRANSLATED_CODES } from './error-sentence.js';

export function translatedCode(error: unknown): string | null {
  return error instanceof ApiError && TRANSLATED_CODES.has(error.code) ? error.code : null;
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
    if (error instanceof ApiError) {
      const params = error.details.params ? refusalParams(error.details.params, String(locale.value)) : undefined;
      const refusal = { code: error.code, message: error.message, details: { ...error.details, ...(params ? { params } : {}) } };
      return refusalText({ t: (key, p) => t(key, p ?? {}), te: (key) => te(key), locale: String(locale.value) }, refusal);
    }
    return t('errors.UNEXPECTED', { message: error instanceof Error ? error.message : String(error) });
  };
}
