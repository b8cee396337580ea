// What the member and the operator read about money, in their language: a journal entry's
// description (the core derives its code and values; the stored English memo stays the record) and
// a balance said in words ("You owe X" / "In credit: X"), never as a bare minus sign. Pure: the
// translator and formatters are passed in, so it is tested without a browser.
import type { EntryDescription } from '@contract';
import { balanceState } from './member-account.js';
import { formatTokens } from '../../tokens/token-format.js';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface EntryFormatters {
  /** YYYY-MM-DD → the reader's date. */
  date(day: string): string;
  /** Token units (`decimals` places) as the tokens area writes them, in the reader's format. */
  tokens(units: number, decimals: number): string;
}

/** The formatters of a screen: its date formatter and language ('en' | 'fr'). */
export function entryFormatters(date: (day: string) => string, locale: string): EntryFormatters {
  const intl = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return { date, tokens: (units, decimals) => formatTokens(units, decimals, intl) };
}

/** The entry in the reader's language (keys under journal.describe; line codes from settlements.codes). */
export function describeEntryText(description: EntryDescription, t: Translate, format: EntryFormatters): string {
  switch (description.code) {
    case 'settlement': {
      const p = description.params;
      const params = { site: p.site, from: format.date(p.from), to: format.date(p.to), line: t(`settlements.codes.${p.line}`), agreement: p.agreementId };
      return t(p.agreementId !== undefined ? 'journal.describe.settlementAgreement' : 'journal.describe.settlement', params);
    }
    case 'adjustment': {
      const p = description.params;
      return t('journal.describe.adjustment', { site: p.site, from: format.date(p.from), to: format.date(p.to), line: t(`settlements.codes.${p.line}`) });
    }
    case 'payment':
    case 'payment-suspense': {
      const { method, reference, receiptNo } = description.params;
      const said = description.code === 'payment' ? t(`journal.describe.payment.${method}`, { reference }) : t('journal.describe.paymentSuspense', { reference, method: t(`journal.describe.methods.${method}`) });
      return receiptNo ? `${said}${t('journal.describe.receipt', { receipt: receiptNo })}` : said;
    }
    case 'payment-assigned':
      return t('journal.describe.paymentAssigned', { reference: description.params.reference, receipt: description.params.receiptNo, memberNo: description.params.memberNo });
    case 'prepaid-day':
      return t('journal.describe.prepaidDay', { day: format.date(description.params.day) });
    case 'reversal':
    case 'payment-reversal': {
      const key = description.code === 'reversal' ? 'reversal' : 'paymentReversal';
      const { entryId, reason, of } = description.params;
      // What was cancelled, said like the entry itself (a member knows a payment, not an entry number).
      if (of) {
        const what = describeEntryText(of, t, format);
        return reason ? t('journal.describe.cancelled', { what, reason }) : t('journal.describe.cancelledNoReason', { what });
      }
      return reason ? t(`journal.describe.${key}`, { id: entryId, reason }) : t(`journal.describe.${key}NoReason`, { id: entryId });
    }
    case 'token-credit':
    case 'token-cash-out':
      return t(description.code === 'token-credit' ? 'journal.describe.tokenCredit' : 'journal.describe.tokenCashOut', {
        tokens: format.tokens(description.params.tokens, description.params.decimals),
        symbol: description.params.symbol,
      });
    case 'unrecognised':
      return t(`journal.entryKinds.${description.params.kind}`);
  }
}

/**
 * The settlement line a settlement entry's lines were posted for, said in the reader's language
 * ("Lease-to-own: instalment · agreement 4"): its lines' stored notes are that line's code. Null for
 * entries of other kinds. A reversal of a settlement entry says the cancelled entry's line.
 */
export function settlementLineNote(description: EntryDescription, t: Translate): string | null {
  if (description.code === 'reversal' || description.code === 'payment-reversal') return description.params.of ? settlementLineNote(description.params.of, t) : null;
  if (description.code !== 'settlement' && description.code !== 'adjustment') return null;
  const line = t(`settlements.codes.${description.params.line}`);
  return description.code === 'settlement' && description.params.agreementId !== undefined ? `${line} · ${t('journal.describe.agreement', { agreement: description.params.agreementId })}` : line;
}

/** A member's balance in words: "You owe KES 2.50", "In credit: KES 70.00", "Nothing owed". */
export function balanceWords(balance: number, money: (minor: number) => string, t: Translate): string {
  const state = balanceState(balance);
  return state === 'settled' ? t('journal.balanceWords.settled') : t(`journal.balanceWords.${state}`, { amount: money(Math.abs(balance)) });
}
