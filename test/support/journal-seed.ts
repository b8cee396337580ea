// A site and members written straight into a fresh database, for journal tests that need member
// accounts without the members service around them.
import type { Database } from 'better-sqlite3';
import { postEntries } from '../../src-main/core/journal/index.js';

export function seedMembers(db: Database, count: number): number[] {
  const now = '2026-11-01T00:00:00.000Z';
  const site = Number(db.prepare(`INSERT INTO sites (name, created_at) VALUES ('Journal test site', ?)`).run(now).lastInsertRowid);
  const insert = db.prepare(`INSERT INTO members (member_no, full_name, site_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', ?, ?)`);
  return Array.from({ length: count }, (_, i) => Number(insert.run(`J${i + 1}`, `Member ${i + 1}`, site, now, now).lastInsertRowid));
}

/**
 * A member's few months on the books, posted through the journal core: monthly energy and fixed-fee
 * charges, a cash payment, a mobile-money top-up and earnings from a P2P sale to `buyerId`.
 * Amounts in minor units. The member ends at −250 (owes 2.50 in a 2-decimal currency).
 */
export function seedMemberEntries(db: Database, memberId: number, buyerId: number, createdBy: number | null): number[] {
  const charge = (month: string, energy: number, fee: number) => ({
    kind: 'settlement' as const,
    source: { type: 'settlement-period', id: month },
    memo: `Energy and fees ${month}`,
    idempotencyKey: `seed:${memberId}:${month}`,
    effectiveDate: `${month}-28`,
    lines: [
      { account: { kind: 'member' as const, memberId }, debit: energy, credit: 0, memo: 'Energy from the main supply', charge: { code: 'energy' as const, dueDate: `${month}-28` } },
      { account: { kind: 'member' as const, memberId }, debit: fee, credit: 0, memo: 'Monthly fixed fee', charge: { code: 'fixed-fee' as const, dueDate: `${month}-28` } },
      { account: { kind: 'cooperative-energy' as const }, debit: 0, credit: energy },
      { account: { kind: 'cooperative-fees' as const }, debit: 0, credit: fee },
    ],
    createdBy,
  });
  return postEntries(db, [
    charge('2026-08', 120_000, 20_000),
    { kind: 'payment', source: { type: 'payment', id: 'R-1001' }, memo: 'Cash at the office', effectiveDate: '2026-09-03', idempotencyKey: `seed:${memberId}:pay1`,
      lines: [{ account: { kind: 'cash' }, debit: 150_000, credit: 0 }, { account: { kind: 'member', memberId }, debit: 0, credit: 150_000 }], createdBy },
    charge('2026-09', 98_000, 20_000),
    { kind: 'settlement', source: { type: 'settlement-line', id: 'p2p-9' }, memo: 'Surplus sold to a neighbour', effectiveDate: '2026-09-28', idempotencyKey: `seed:${memberId}:p2p`,
      lines: [
        { account: { kind: 'member', memberId: buyerId }, debit: 45_000, credit: 0, charge: { code: 'p2p' } },
        { account: { kind: 'member', memberId }, debit: 0, credit: 40_000, memo: 'P2P sale' },
        { account: { kind: 'grid' }, debit: 0, credit: 3_000, memo: 'Wheeling fee' },
        { account: { kind: 'government' }, debit: 0, credit: 2_000, memo: 'Tax' },
      ], createdBy },
    { kind: 'payment', source: { type: 'payment', id: 'MP-QX7' }, memo: 'M-Pesa top-up', effectiveDate: '2026-10-05', idempotencyKey: `seed:${memberId}:pay2`,
      lines: [{ account: { kind: 'mobile-money' }, debit: 67_750, credit: 0 }, { account: { kind: 'member', memberId }, debit: 0, credit: 67_750 }], createdBy },
  ]);
}
