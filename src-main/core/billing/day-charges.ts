// What a prepaid member is drawn down for one day: what the settlement core charges them for that
// day (the sum of their negative lines), so the provisional drawdown and the month's settlement are
// the same rule. Earnings (positive lines) are not advanced: they arrive with the settlement.
import type { SettlementResult } from '../settlement/types.js';

export function chargesByMember(result: Pick<SettlementResult, 'lines'>): Map<number, number> {
  const out = new Map<number, number>();
  for (const line of result.lines) if (line.amountMinor < 0) out.set(line.memberId, (out.get(line.memberId) ?? 0) - line.amountMinor);
  return out;
}
