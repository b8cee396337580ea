// What a person types into a number field ↔ the number, in the operator's language: French "210,50"
// or "1 250,5", English "210.50" or "1,250.5". Nothing is ever rounded, clamped or replaced: text
// that is not a number, or a number outside the field's range, is reported as a problem for the
// field to show, and the value the person typed is kept as they typed it.

export type ParsedNumber = { readonly kind: 'empty' } | { readonly kind: 'number'; readonly value: number; readonly decimals: number } | { readonly kind: 'invalid' };

export interface NumberRules {
  readonly min?: number;
  readonly max?: number;
  /** Most digits allowed after the decimal separator; 0 = whole numbers only. */
  readonly decimals?: number;
}

/** A key under `common.numberField`, with the values its sentence needs. */
export type NumberProblem =
  | { readonly key: 'notNumber'; readonly example: string }
  | { readonly key: 'negative' }
  | { readonly key: 'atLeast'; readonly min: string }
  | { readonly key: 'atMost'; readonly max: string }
  | { readonly key: 'wholeNumber' }
  | { readonly key: 'decimals'; readonly decimals: number };

function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
}

const SPACES = /[\s\u00a0\u202f]/g;

export function parseNumberText(text: string, locale: string): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const { decimal } = separators(locale);
  // Spaces (French groups are narrow no-break spaces) are only ever grouping.
  let body = trimmed.replace(SPACES, '').replace(/^[−–]/, '-');
  if (decimal === ',') {
    // French: the comma is the decimal mark; a point typed from a keypad means the same when it is
    // the only separator. "1.250,5" (point as grouping) is accepted too.
    if (body.includes(',')) body = body.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  } else if (body.includes(',')) {
    // English: a comma only groups thousands ("1,250.5"); "2,5" is refused, not read as 25.
    if (!/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(body)) return { kind: 'invalid' };
    body = body.replace(/,/g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(body)) return { kind: 'invalid' };
  const value = Number(body);
  if (!Number.isFinite(value)) return { kind: 'invalid' };
  const decimals = body.includes('.') ? body.length - body.indexOf('.') - 1 : 0;
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, decimals };
}

/** The number as the field shows it: the operator's decimal mark, no grouping (easy to edit). */
export function formatNumberText(value: number | null, locale: string, padDecimals = 0): string {
  if (value === null || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { useGrouping: false, minimumFractionDigits: padDecimals, maximumFractionDigits: 20 }).format(value);
}

export function numberProblem(parsed: ParsedNumber, rules: NumberRules, locale: string): NumberProblem | null {
  const show = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(n);
  if (parsed.kind === 'empty') return null;
  if (parsed.kind === 'invalid') return { key: 'notNumber', example: show(rules.decimals === 0 ? 1250 : 1250.5) };
  if (rules.min !== undefined && parsed.value < rules.min) return rules.min === 0 ? { key: 'negative' } : { key: 'atLeast', min: show(rules.min) };
  if (rules.max !== undefined && parsed.value > rules.max) return { key: 'atMost', max: show(rules.max) };
  if (rules.decimals !== undefined && parsed.decimals > rules.decimals) return rules.decimals === 0 ? { key: 'wholeNumber' } : { key: 'decimals', decimals: rules.decimals };
  return null;
}
