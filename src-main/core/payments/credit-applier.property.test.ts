// Credit paid ahead on a real SQLite file (every migration, the real journal, payments and the
// credit applier), on random sequences of charges posted, payments booked, charges reversed and
// payments reversed (fast-check). After every step:
//  - no live charge line is paid more than it charged, no payment gives more than its amount;
//  - the member's balance, summed from the journal lines themselves, equals available credit − Σ
//    owed on open items (every figure re-derives from the books), and the cached balance agrees;
//  - another application pass writes nothing (idempotent).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorPublic } from '../../contract/session.js';
import { AuditRepo } from '../audit/audit-repo.js';
import { openDatabase, type Database } from '../db/connection.js';
import { accountBalance, checkJournalIntegrity, postEntries, reverseEntry } from '../journal/index.js';
import type { ChargeCode } from './allocation.js';
import { CreditApplier } from './credit-applier.js';
import { PaymentsService } from './payments-service.js';

const clock = { now: () => new Date('2026-12-07T09:00:00Z') };
type Step =
  | { op: 'charge'; code: ChargeCode; amount: number; day: number }
  | { op: 'pay'; amount: number }
  | { op: 'reverseCharge'; pick: number }
  | { op: 'reversePayment'; pick: number }
  | { op: 'reversePaymentEntry'; pick: number }
  | { op: 'apply' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('charge' as const), code: fc.constantFrom<ChargeCode>('energy', 'fixed-fee', 'instalment', 'tax'), amount: fc.integer({ min: 1, max: 40_000 }), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ op: fc.constant('pay' as const), amount: fc.integer({ min: 1, max: 60_000 }) }),
  fc.record({ op: fc.constant('reverseCharge' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('reversePayment' as const), pick: fc.nat() }),
  // The Account tab's generic "Reverse…" on a payment's journal entry (not the Payments area's reversal).
  fc.record({ op: fc.constant('reversePaymentEntry' as const), pick: fc.nat() }),
  fc.constant({ op: 'apply' as const }),
);

describe('credit applied to later charges (SQLite, random sequences)', () => {
  let dir: string;
  let db: Database;
  let payments: PaymentsService;
  let credit: CreditApplier;
  let actor: OperatorPublic;
  let run = 0;
  let site = 0;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'credit-'));
    db = openDatabase({ file: join(dir, 'coop.sqlite') });
    const opId = Number(db.prepare(`INSERT INTO operators (username, display_name, role, password_hash, created_at) VALUES ('desk', 'Desk', 'operator', 'x', '2026-01-01')`).run().lastInsertRowid);
    actor = { id: opId, username: 'desk', displayName: 'Desk', role: 'operator' };
    site = Number(db.prepare(`INSERT INTO sites (name, created_at) VALUES ('Credit test site', '2026-11-01')`).run().lastInsertRowid);
    credit = new CreditApplier({ db, clock });
    payments = new PaymentsService({ db, clock, audit: new AuditRepo(db, () => clock.now().toISOString()), currency: () => 'KES', credit });
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const check = (memberId: number) => {
    const live = (sql: string) => db.prepare(sql).all(memberId) as { id: number; amount: number; paid: number }[];
    // Charge lines not reversed: what live payments paid on each (split + credit) never exceeds it.
    const paid = payments.repo.paidByLine(memberId);
    for (const line of live(`SELECT l.id, l.debit AS amount, 0 AS paid FROM journal_lines l JOIN journal_accounts a ON a.id = l.account_id AND a.member_id = ?
                             WHERE l.charge_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_entry_id = l.entry_id)`))
      expect(paid.get(line.id) ?? 0).toBeLessThanOrEqual(line.amount);
    for (const pool of credit.repo.pools(memberId)) expect(pool.available).toBeGreaterThanOrEqual(0);
    const owed = payments.repo.openItems(memberId).reduce((s, i) => s + i.owed, 0);
    const fromLines = (db.prepare(`SELECT COALESCE(SUM(l.credit - l.debit), 0) AS b FROM journal_lines l JOIN journal_accounts a ON a.id = l.account_id AND a.kind = 'member' AND a.member_id = ?`).get(memberId) as { b: number }).b;
    const available = credit.repo.available(memberId);
    // Credit and open items never coexist after a pass: one of them is used up.
    expect(available === 0 || owed === 0).toBe(true);
    expect(fromLines).toBe(available - owed);
    expect(accountBalance(db, { kind: 'member', memberId })).toBe(fromLines);
    const rows = (db.prepare('SELECT COUNT(*) AS n FROM payment_credit_applications').get() as { n: number }).n;
    expect(credit.applyForMembers([memberId], 'catch-up')).toBe(0);
    expect((db.prepare('SELECT COUNT(*) AS n FROM payment_credit_applications').get() as { n: number }).n).toBe(rows);
  };

  it('never over-applies, every balance re-derives from the journal lines, and a re-run writes nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
        run++;
        const memberId = Number(db.prepare(`INSERT INTO members (member_no, full_name, site_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '2026-11-01', '2026-11-01')`).run(`C-${run}`, `Member ${run}`, site).lastInsertRowid);
        const charges: number[] = [];
        const booked: number[] = [];
        steps.forEach((s, n) => {
          if (s.op === 'charge') {
            // A charge posts, then (as a settlement's onPosted hook does) the member's credit is applied in the same transaction.
            db.transaction(() => {
              const [entryId] = postEntries(db, [{
                kind: 'settlement', source: { type: 'test', id: `${run}:${n}` }, memo: s.code, effectiveDate: '2026-11-30', createdBy: null,
                lines: [{ account: { kind: 'member', memberId }, debit: s.amount, credit: 0, charge: { code: s.code, dueDate: `2026-12-${String(s.day).padStart(2, '0')}` } }, { account: { kind: 'cooperative-fees' }, debit: 0, credit: s.amount }],
              }]);
              charges.push(entryId as number);
              credit.applyForAll('settlement');
            })();
          } else if (s.op === 'pay') {
            booked.push(payments.record(actor, { memberId, amountMinor: s.amount, method: 'cash', reference: `P-${run}-${n}`, receivedOn: '2026-12-07' }).id);
          } else if (s.op === 'reverseCharge' && charges.length > 0) {
            const entryId = charges.splice(s.pick % charges.length, 1)[0] as number;
            db.transaction(() => {
              reverseEntry(db, entryId, 'Charged in error', null);
              credit.applyForMembers([memberId], 'reversal');
            })();
          } else if (s.op === 'reversePayment' && booked.length > 0) {
            payments.reverse(actor, booked.splice(s.pick % booked.length, 1)[0] as number, 'Cheque bounced');
          } else if (s.op === 'reversePaymentEntry' && booked.length > 0) {
            const id = booked.splice(s.pick % booked.length, 1)[0] as number;
            db.transaction(() => {
              reverseEntry(db, payments.get(id).journalEntryId, 'Entered on the wrong member', null);
              credit.applyForMembers([memberId], 'reversal');
            })();
          } else if (s.op === 'apply') {
            credit.applyForAll('catch-up');
          }
          check(memberId);
        });
      }),
      { numRuns: 25 },
    );
    expect(checkJournalIntegrity(db).ok).toBe(true);
  });
});
