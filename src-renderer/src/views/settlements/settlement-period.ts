// Pure helpers of the settlement views: the default period (last month), what is wrong with a
// chosen range before it is sent, the tag colour of a status.
import type { SettlementStatus } from '@contract';

/** Last calendar month before `today` (YYYY-MM-DD) as a date-picker range (the picker's local midnights). */
export function lastMonth(today: string): [number, number] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return [new Date(y, m - 2, 1).getTime(), new Date(y, m - 1, 0).getTime()];
}

/** A date picker's value (local midnight) → YYYY-MM-DD. */
export function pickedDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export type PeriodProblem = 'endsBeforeStart' | 'notEnded' | null;

export function periodProblem(range: readonly [number, number] | null, today: string): PeriodProblem {
  if (!range) return null;
  const from = pickedDate(range[0]);
  const to = pickedDate(range[1]);
  if (to < from) return 'endsBeforeStart';
  if (to >= today) return 'notEnded';
  return null;
}

export const statusType = (status: SettlementStatus): 'default' | 'info' | 'success' => (status === 'posted' ? 'success' : status === 'approved' ? 'info' : 'default');
