// Pure rules of prepaid and postpaid billing: credit status, the supply switch to propose, and what
// of a postpaid member's debt is overdue. No I/O; amounts in integer minor units; dates YYYY-MM-DD.
// Why each rule is as it is: README.md beside this file.

export type BillingMode = 'prepaid' | 'postpaid';
export type CreditStatus = 'ok' | 'low' | 'empty';
export type RelayAction = 'off' | 'on';

/** The mode in force on `day`: the latest change not after it; postpaid when there is none. */
export function modeOn(changes: readonly { validFrom: string; mode: BillingMode }[], day: string): BillingMode {
  let best: { validFrom: string; mode: BillingMode } | null = null;
  for (const change of changes) if (change.validFrom <= day && (best === null || change.validFrom > best.validFrom)) best = change;
  return best?.mode ?? 'postpaid';
}

/** Empty at zero or below (nothing left to draw on); low below the tariff's threshold. */
export function creditStatus(balanceMinor: number, lowThresholdMinor: number | null): CreditStatus {
  if (balanceMinor <= 0) return 'empty';
  if (lowThresholdMinor !== null && balanceMinor < lowThresholdMinor) return 'low';
  return 'ok';
}

/**
 * The switch to propose for one prepaid member's meter, or null. Off when the credit is used up and
 * the supply was not already switched off by the console; on again once a top-up brought the
 * balance above zero, only if the console was the one that switched it off (a supply cut for another
 * reason — a technician's test, a fault — is not the billing's to restore). Never a second open
 * proposal for the same meter.
 */
export function relayToPropose(input: {
  mode: BillingMode;
  balanceMinor: number;
  /** The last switch the console sent to this meter (null: never). */
  lastSent: RelayAction | null;
  hasOpenProposal: boolean;
}): RelayAction | null {
  if (input.hasOpenProposal) return null;
  if (input.mode === 'prepaid' && input.balanceMinor <= 0 && input.lastSent !== 'off') return 'off';
  if (input.balanceMinor > 0 && input.lastSent === 'off') return 'on';
  return null;
}

export interface ChargeForDues {
  /** Positive amount charged (minor units). */
  amountMinor: number;
  /** When it falls due. */
  dueDate: string;
}

export interface Dues {
  /** What the member owes in all: max(0, −balance). */
  owedMinor: number;
  /** Of that, charges not yet due. */
  notYetDueMinor: number;
  /** Owed and past due. */
  overdueMinor: number;
  /** Due date of the oldest charge still unpaid (null when nothing is overdue). */
  overdueSince: string | null;
  /** Whole days from overdueSince to today (0 when nothing is overdue). */
  daysOverdue: number;
}

/**
 * Oldest debts are paid first (the payment order of core/payments starts with arrears), so what a
 * member still owes is their NEWEST charges. Walking the charges from newest to oldest, the unpaid
 * ones are those that make up `owed`; the overdue part is whatever of them fell due before today.
 */
export function duesOf(balanceMinor: number, charges: readonly ChargeForDues[], today: string): Dues {
  const owedMinor = Math.max(0, -balanceMinor);
  const newestFirst = [...charges].filter((c) => c.amountMinor > 0).sort((a, b) => (a.dueDate < b.dueDate ? 1 : a.dueDate > b.dueDate ? -1 : 0));
  let notYetDueMinor = 0;
  for (const c of newestFirst) if (c.dueDate >= today) notYetDueMinor += c.amountMinor;
  notYetDueMinor = Math.min(notYetDueMinor, owedMinor);
  const overdueMinor = owedMinor - notYetDueMinor;
  if (overdueMinor === 0) return { owedMinor, notYetDueMinor, overdueMinor, overdueSince: null, daysOverdue: 0 };
  // The unpaid past-due charges: newest past-due first until the overdue amount is covered.
  let covered = 0;
  let overdueSince: string | null = null;
  for (const c of newestFirst) {
    if (c.dueDate >= today) continue;
    covered += c.amountMinor;
    overdueSince = c.dueDate;
    if (covered >= overdueMinor) break;
  }
  // A debt with no charge behind it (e.g. an opening balance) counts as due since the oldest charge.
  overdueSince ??= today;
  return { owedMinor, notYetDueMinor, overdueMinor, overdueSince, daysOverdue: daysBetween(overdueSince, today) };
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
