// The generic reversal ("Reverse…" on the Account tab, channel journal.entries.reverse) applies the
// members' credit in its own transaction, as a payment's reversal does (README.md, "Credit applied to
// later charges"). Real SQLite file (every migration), the real journal service wired as
// core/app/services.ts wires it, the real payments service and credit applier; random sequences
// (fast-check) of charges (some on two members in one entry, as a settlement's), payments, generic
// reversals of a charge or of a payment's entry, and payment reversals. After EVERY step, with no
// extra pass run by the test:
//  - no member has both credit left and an open item (credit pays any open item, in the order);
//  - each member's balance summed from the journal lines = credit left − Σ owed, the cached
//    balance agrees, and the journal is balanced (integrity check);
//  - another pass writes nothing (the reversal's pass was complete: idempotent).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorPublic } from '../../contract/session.js';
import { AuditRepo } from '../audit/audit-repo.js';
import { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import { openDatabase, type Database } from '../db/connection.js';
import { accountBalance, checkJournalIntegrity, postEntries } from '../journal/index.js';
import { JournalService } from '../journal/journal-service.js';
import type { ChargeCode } from './allocation.js';
import { CreditApplier } from './credit-applier.js';
import { PaymentsService } from './payments-service.js';

const clock = { now: () => new Date('2026-12-07T09:00:00Z') };
type Step =
  | { op: 'charge'; code: ChargeCode; amounts: [number, number]; day: number }
  | { op: 'pay'; who: 0 | 1; amount: number }
  | { op: 'reverseCharge'; pick: number }
  | { op: 'reversePaymentEntry'; pick: number }
  | { op: 'reversePayment'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  // An amount of 0 leaves that member out of the entry; [0, 0] posts nothing.
  fc.record({ op: fc.constant('charge' as const), code: fc.constantFrom<ChargeCode>('energy', 'fixed-fee', 'instalment', 'tax'), amounts: fc.tuple(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 30_000 })), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ op: fc.constant('pay' as const), who: fc.constantFrom<0 | 1>(0, 1), amount: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ op: fc.constant('reverseCharge' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('reversePaymentEntry' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('reversePayment' as const), pick: fc.nat() }),
);

describe('a generic journal reversal applies credit at once (SQLite, random sequences)', () => {
  let dir: string;
  let db: Database;
  let payments: PaymentsService;
  let credit: CreditApplier;
  let journal: JournalService;
  let actor: OperatorPublic;
  let run = 0;
  let site = 0;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'credit-reversal-'));
    db = openDatabase({ file: join(dir, 'coop.sqlite') });
    const opId = Number(db.prepare(`INSERT INTO operators (username, display_name, role, password_hash, created_at) VALUES ('desk', 'Desk', 'operator', 'x', '2026-01-01')`).run().lastInsertRowid);
    actor = { id: opId, username: 'desk', displayName: 'Desk', role: 'operator' };
    db.prepare(`INSERT INTO cooperative (id, name, currency, timezone, locale, created_at) VALUES (1, 'Test', 'KES', 'Africa/Nairobi', 'en', '2026-01-01')`).run();
    site = Number(db.prepare(`INSERT INTO sites (name, created_at) VALUES ('Reversal test site', '2026-11-01')`).run().lastInsertRowid);
    const audit = new AuditRepo(db, () => clock.now().toISOString());
    credit = new CreditApplier({ db, clock });
    payments = new PaymentsService({ db, clock, audit, currency: () => 'KES', credit });
    // As core/app/services.ts wires it.
    journal = new JournalService({ db, audit, cooperative: new CooperativeRepo(db), now: () => clock.now(), afterReverse: (entryId) => credit.applyAfterEntryReversed(entryId) });
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const check = (memberId: number) => {
    const owed = payments.repo.openItems(memberId).reduce((s, i) => s + i.owed, 0);
    const available = credit.repo.available(memberId);
    expect({ memberId, available: Math.min(available, 1), owed: Math.min(owed, 1) }).not.toEqual({ memberId, available: 1, owed: 1 });
    const fromLines = (db.prepare(`SELECT COALESCE(SUM(l.credit - l.debit), 0) AS b FROM journal_lines l JOIN journal_accounts a ON a.id = l.account_id AND a.kind = 'member' AND a.member_id = ?`).get(memberId) as { b: number }).b;
    expect(fromLines).toBe(available - owed);
    expect(accountBalance(db, { kind: 'member', memberId })).toBe(fromLines);
    expect(credit.applyForMembers([memberId], 'catch-up')).toBe(0);
  };

  it('leaves nobody in credit and owing at once after any reversal, the journal balanced', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
        run++;
        const members = [0, 1].map((i) => Number(db.prepare(`INSERT INTO members (member_no, full_name, site_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '2026-11-01', '2026-11-01')`).run(`R-${run}-${i}`, `Member ${run}.${i}`, site).lastInsertRowid));
        const charges: number[] = [];
        const booked: number[] = [];
        steps.forEach((s, n) => {
          if (s.op === 'charge' && s.amounts.some((a) => a > 0)) {
            // Posted as a settlement posts (its hook applies credit in the same transaction).
            const total = s.amounts[0] + s.amounts[1];
            const lines = s.amounts.flatMap((amount, i) => (amount > 0 ? [{ account: { kind: 'member' as const, memberId: members[i] as number }, debit: amount, credit: 0, charge: { code: s.code, dueDate: `2026-12-${String(s.day).padStart(2, '0')}` } }] : []));
            db.transaction(() => {
              const [entryId] = postEntries(db, [{ kind: 'settlement', source: { type: 'test', id: `${run}:${n}` }, memo: s.code, effectiveDate: '2026-11-30', createdBy: null, lines: [...lines, { account: { kind: 'cooperative-fees' }, debit: 0, credit: total }] }]);
              charges.push(entryId as number);
              credit.applyForAll('settlement');
            })();
          } else if (s.op === 'pay') {
            booked.push(payments.record(actor, { memberId: members[s.who] as number, amountMinor: s.amount, method: 'cash', reference: `Q-${run}-${n}`, receivedOn: '2026-12-07' }).id);
          } else if (s.op === 'reverseCharge' && charges.length > 0) {
            journal.reverse(actor, charges.splice(s.pick % charges.length, 1)[0] as number, 'Charged in error');
          } else if (s.op === 'reversePaymentEntry' && booked.length > 0) {
            journal.reverse(actor, payments.get(booked.splice(s.pick % booked.length, 1)[0] as number).journalEntryId, 'Entered twice');
          } else if (s.op === 'reversePayment' && booked.length > 0) {
            payments.reverse(actor, booked.splice(s.pick % booked.length, 1)[0] as number, 'Cheque bounced');
          }
          members.forEach(check);
          expect(checkJournalIntegrity(db).ok).toBe(true);
        });
      }),
      { numRuns: 25 },
    );
  });
});
