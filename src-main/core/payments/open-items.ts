// A member's open items: every charge line on their account (from the journal's memberCharges),
// less reversed ones, less what earlier payments' stored allocations already paid on each line.
import { defaultDueDate, type ChargeCode, type OpenItem } from './allocation.js';

/** What payments need of one charge line (the journal's PostedCharge carries at least this). */
export interface ChargeLine {
  readonly lineId: number;
  readonly effectiveDate: string;
  readonly amount: number;
  readonly code: ChargeCode;
  readonly agreementId: number | null;
  readonly instalmentNo: number | null;
  readonly dueDate: string | null;
  readonly reversed: boolean;
}

/** `paidByLine`: Σ of live (not reversed) allocations per charge line id. */
export function openItems(charges: readonly ChargeLine[], paidByLine: ReadonlyMap<number, number>): OpenItem[] {
  const items: OpenItem[] = [];
  for (const charge of charges) {
    if (charge.reversed) continue;
    const owed = charge.amount - (paidByLine.get(charge.lineId) ?? 0);
    if (owed <= 0) continue;
    items.push({
      chargeLineId: charge.lineId,
      code: charge.code,
      owed,
      dueDate: charge.dueDate ?? defaultDueDate(charge.effectiveDate),
      agreementId: charge.agreementId,
      instalmentNo: charge.instalmentNo,
    });
  }
  return items;
}
