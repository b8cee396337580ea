// The posting a crash trial interrupts: the period's journal entries and its chain mirror's outbox
// rows in ONE transaction, as the settlement service posts (S's `postPeriod` calls
// enqueueSettlementMirror through its onPosted hook inside its transaction). Until the trials run
// S's posting itself, this writes the same shape directly: one entry per statement line, keyed
// `settlement:<period>:line:<line>` so a re-run posts nothing twice.
import type { Database } from 'better-sqlite3';
import { postEntries, type JournalEntryInput } from '../../src-main/core/journal/index.js';
import { enqueueSettlementMirrorInput, type MirrorEnqueueResult, type SettlementMirrorInput } from '../../src-main/core/settlement/mirror/index.js';

export function periodEntries(input: SettlementMirrorInput): JournalEntryInput[] {
  return input.lines.map((line) => {
    const member = { kind: 'member' as const, memberId: line.memberId };
    const buyer = line.counterparty.startsWith('member:') ? { kind: 'member' as const, memberId: Number(line.counterparty.slice('member:'.length)) } : null;
    const magnitude = Math.abs(line.amount);
    const lines =
      line.amount < 0
        ? [{ account: member, debit: magnitude, credit: 0, charge: { code: 'energy' as const } }, { account: { kind: 'cooperative-energy' as const }, debit: 0, credit: magnitude }]
        : [{ account: buyer ?? { kind: 'cooperative-energy' as const }, debit: magnitude, credit: 0, ...(buyer ? { charge: { code: 'p2p' as const } } : {}) }, { account: member, debit: 0, credit: magnitude }];
    return {
      kind: 'settlement' as const,
      source: { type: 'settlement-line', id: String(line.lineId) },
      memo: `${line.code} (period ${input.periodId})`,
      idempotencyKey: `settlement:${input.periodId}:line:${line.lineId}`,
      effectiveDate: '2026-11-30',
      lines,
      createdBy: null,
    };
  });
}

/** Posts the period and records its mirror, all or nothing. */
export function postPeriodWithMirror(db: Database, input: SettlementMirrorInput): MirrorEnqueueResult {
  return db.transaction(() => {
    postEntries(db, periodEntries(input));
    return enqueueSettlementMirrorInput(db, input);
  })();
}
