// The audit log stores stable codes ("demo.load", "tariff_version"); people read labels. Known codes
// are translated; a code without a label (new areas add their own) is still shown readably.
export type Translate = (key: string) => string;
export type HasTranslation = (key: string) => boolean;

/** "chain.keystore.initialize" → "Chain keystore initialize" (the fallback for codes without a label). */
export function humanizeCode(code: string): string {
  const words = code.split(/[._-]+/).filter(Boolean).join(' ');
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : code;
}

/** The translation key of a code: vue-i18n reads dots as nesting, so they become underscores. */
export const codeKey = (prefix: string, code: string): string => `${prefix}.${code.replace(/[.\-]/g, '_')}`;

export function auditLabel(prefix: string, code: string, t: Translate, te: HasTranslation): string {
  const key = codeKey(prefix, code);
  return te(key) ? t(key) : humanizeCode(code);
}
