// Cells of a mobile-money statement → exact values. Amounts are read as decimal text and turned
// into integer minor units with BigInt (never through floating point); more decimals than the
// currency has are refused unless they are zeros (1500.00 in a 0-decimal currency is still exact).
import type { StatementIssueCode } from '../../contract/payments.js';

export type CellResult<T> = { ok: true; value: T } | { ok: false; code: StatementIssueCode; params?: Record<string, string | number> };

/** Statements write Kenyan shillings as Ksh; any other 3-letter code is taken as ISO 4217. */
const CURRENCY_ALIASES: Readonly<Record<string, string>> = { KSH: 'KES', KSHS: 'KES', TSH: 'TZS', USH: 'UGX' };
const MAX_MINOR = 10n ** 12n;
const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * "1,500.00", "1 500,50", "KES 1,500", "-200.00" (signed only when `signed`) → minor units.
 * A single comma followed by exactly three digits groups thousands; otherwise a lone comma is the
 * decimal mark (semicolon-separated exports from French or Swahili settings write 1500,50).
 */
export function parseAmount(raw: string, currency: string, digits: number, signed: boolean): CellResult<number> {
  let text = raw.replace(/[\s\u00a0\u202f']/g, '');
  const code = /^([A-Za-z]{3,4})|([A-Za-z]{3,4})$/.exec(text);
  const written = code ? (code[1] ?? code[2] ?? '').toUpperCase() : '';
  const iso = CURRENCY_ALIASES[written] ?? written;
  if (code && KNOWN_CURRENCIES.has(iso)) {
    if (iso !== currency) return { ok: false, code: 'other_currency', params: { value: raw, currency } };
    text = text.replace(/^[A-Za-z]{3,4}|[A-Za-z]{3,4}$/, '');
  }
  let negative = false;
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = text.startsWith('-');
    text = text.slice(1);
  }
  if (negative && !signed) return { ok: false, code: 'bad_amount', params: { value: raw } };
  let whole: string;
  let fraction = '';
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) || /^\d+(\.\d+)?$/.test(text)) {
    [whole = '', fraction = ''] = text.replace(/,/g, '').split('.');
  } else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text) || /^\d+,\d+$/.test(text)) {
    [whole = '', fraction = ''] = text.replace(/\./g, '').split(',');
  } else {
    return { ok: false, code: 'bad_amount', params: { value: raw } };
  }
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) return { ok: false, code: 'too_many_decimals', params: { value: raw, digits, currency } };
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(significant.padEnd(digits, '0') || '0');
  if (minor > MAX_MINOR) return { ok: false, code: 'amount_too_large', params: { value: raw } };
  return { ok: true, value: Number(negative ? -minor : minor) };
}

const pad = (n: string) => n.padStart(2, '0');

/** "2026-12-01 14:05:09", "01/12/2026 14:05", "01-12-2026 14:05:09", ISO with T → "YYYY-MM-DD HH:MM:SS". */
export function parseCompletionTime(raw: string): CellResult<string> {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1], dayFirst[4], dayFirst[5], dayFirst[6]] : null;
  if (!parts) return { ok: false, code: 'bad_time', params: { value: raw } };
  const [year = '', month = '', day = '', hour = '', minute = '', second = '00'] = parts.map((p) => p ?? '00');
  const value = `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${minute}:${second}`;
  const check = new Date(`${value.replace(' ', 'T')}Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 19) !== value.replace(' ', 'T')) return { ok: false, code: 'bad_time', params: { value: raw } };
  return { ok: true, value };
}

/** "Pay Bill from 254712345678 - JANE WANJIRU Acc. K-101" → "K-101"; the A/C No. column wins when given. */
export function accountReferenceIn(details: string): string | null {
  const match = /\b(?:acc(?:ount)?(?:\s*(?:no|number))?|a\/c(?:\s*no)?)\.?\s*[:#]?\s*([A-Za-z0-9][A-Za-z0-9/_-]*)/i.exec(details);
  return match?.[1] ?? null;
}

/** The first run of 9+ digits (spaces inside allowed) in "254712345678 - JANE W" or Details; masked numbers give null. */
export function phoneIn(text: string): string | null {
  const match = /\+?\d[\d ]{7,}\d/.exec(text);
  return match ? match[0].replace(/[^\d+]/g, '') : null;
}
