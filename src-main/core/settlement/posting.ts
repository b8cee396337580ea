// The journal entries of a posted period: one balanced entry per transfer (debit the payer, credit
// the payee), keyed `settlement:<periodId>:<transferNo>` so posting twice writes nothing twice. A
// debit on a member account carries the charge kind payments need for open items. Pure.
import type { ChargeInfo, JournalEntryInput } from '../journal/index.js';
import type { SettlementLineCode, Transfer } from './types.js';

const CHARGE: Record<SettlementLineCode, ChargeInfo['code']> = {
  energy_main: 'energy', energy_pool: 'energy', lease_energy: 'energy', lto_energy: 'energy',
  fixed_fee: 'fixed-fee', instalment: 'instalment', rent_share: 'rent', p2p_energy: 'p2p',
  grid_fee: 'wheeling', p2p_wheeling: 'wheeling', tax: 'tax', p2p_tax: 'tax',
  pool_earnings: 'other', surplus_share: 'other', adjustment: 'other',
};

export const entryKeyPrefix = (periodId: number): string => `settlement:${periodId}:`;

export function journalEntries(periodId: number, periodTo: string, siteName: string, transfers: readonly Transfer[], by: number | null): JournalEntryInput[] {
  return transfers.map((t, transferNo) => {
    const charge: ChargeInfo = {
      code: CHARGE[t.code],
      ...(t.source.agreementId !== undefined ? { agreementId: t.source.agreementId } : {}),
      ...(t.source.instalmentNo !== undefined ? { instalmentNo: t.source.instalmentNo } : {}),
      ...(t.source.dueOn !== undefined ? { dueDate: t.source.dueOn } : {}),
    };
    const memo = `${t.code}${t.source.agreementId !== undefined ? ` · agreement ${t.source.agreementId}` : ''}`;
    return {
      kind: t.code === 'adjustment' ? 'adjustment' : 'settlement',
      source: { type: 'settlement-transfer', id: `${periodId}:${transferNo}` },
      memo: `Settlement ${siteName} to ${periodTo}: ${memo}`,
      idempotencyKey: `${entryKeyPrefix(periodId)}${transferNo}`,
      effectiveDate: periodTo,
      createdBy: by,
      lines: [
        { account: t.payer, debit: t.amountMinor, credit: 0, memo, ...(t.payer.kind === 'member' ? { charge } : {}) },
        { account: t.payee, debit: 0, credit: t.amountMinor, memo },
      ],
    };
  });
}
