// The payment-reminders export: a CSV an SMS gateway can send from (one row per overdue member with
// a phone number). The message is written in the cooperative's language because it goes to
// villagers, not to the operator's screen. Cells that could start a spreadsheet formula are guarded.
import { stringify } from 'csv-stringify/sync';
import type { OverdueMemberView } from '../../contract/billing.js';
import { currencyDigits } from '../agreements/terms-document.js';
import { guard } from '../members/members-csv.js';

export const REMINDER_COLUMNS = ['phone', 'member_no', 'full_name', 'overdue_amount', 'currency', 'overdue_since', 'days_overdue', 'message'] as const;

/** Exact plain decimal (no grouping) of an amount in minor units: 123456 EUR → "1234.56". */
export function plainAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

const MESSAGES = {
  en: (m: OverdueMemberView, amount: string) =>
    `Hello ${m.fullName}, your energy account ${m.memberNo} has ${amount} unpaid since ${m.overdueSince}. Please pay at the cooperative office or by mobile money with reference ${m.memberNo}. Thank you.`,
  fr: (m: OverdueMemberView, amount: string) =>
    `Bonjour ${m.fullName}, votre compte énergie ${m.memberNo} a ${amount} impayés depuis le ${m.overdueSince}. Merci de payer au bureau de la coopérative ou par mobile money avec la référence ${m.memberNo}.`,
} as const;

/** A phone number made only of digits, spaces and + ( ) - cannot run as a formula; an SMS gateway needs the leading + kept. */
const phoneCell = (phone: string): string => (/^\+?[0-9 ()-]+$/.test(phone.trim()) ? phone.trim() : guard(phone.trim()));

export function remindersCsv(overdue: readonly OverdueMemberView[], options: { currency: string; locale: 'en' | 'fr'; today: string }): { csv: string; rows: number; withoutPhone: number } {
  const withPhone = overdue.filter((m) => m.phone.trim() !== '');
  const rows = withPhone.map((m) => {
    const amount = plainAmount(m.overdueMinor, options.currency);
    return [phoneCell(m.phone), guard(m.memberNo), guard(m.fullName), amount, options.currency, m.overdueSince, m.daysOverdue, guard(MESSAGES[options.locale](m, `${amount} ${options.currency}`))];
  });
  return { csv: stringify([[...REMINDER_COLUMNS], ...rows]), rows: rows.length, withoutPhone: overdue.length - withPhone.length };
}
