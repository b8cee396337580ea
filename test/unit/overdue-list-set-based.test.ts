// The overdue list reads every member's charges in one query (journal liveChargesByMember) instead of
// memberCharges once per member. On random books in a real SQLite file (every migration; fast-check):
// members on two sites, postpaid or prepaid (some switching), some inactive; charge lines with and
// without their own due date, negative charge lines (corrections), payments, reversed entries of
// both; on a random "today": the list equals, row for row and in order, the per-member loop it
// replaced (test/support/overdue-per-member-loop.ts), for every site and for all sites.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src-main/core/audit/audit-repo.js';
import { BillingService } from '../../src-main/core/billing/billing-service.js';
import { openDatabase, type Database } from '../../src-main/core/db/connection.js';
import { postEntries, reverseEntry, type ChargeCode } from '../../src-main/core/journal/index.js';
import { overduePerMemberLoop } from '../support/overdue-per-member-loop.js';

const day = (n: number) => new Date(Date.UTC(2026, 6, 1) + n * 86_400_000).toISOString().slice(0, 10); // n days after 1 July 2026
/** True once in `n` draws. */
const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((k) => k === 1);
const member = fc.record({ site: fc.constantFrom(0, 1), active: oneIn(6).map((b) => !b), modes: fc.array(fc.record({ from: fc.nat({ max: 180 }), prepaid: fc.boolean() }), { maxLength: 2 }) });
const line = fc.oneof(
  fc.record({ kind: fc.constant('charge' as const), code: fc.constantFrom<ChargeCode>('energy', 'fixed-fee', 'instalment', 'tax', 'other'), amount: fc.integer({ min: 1, max: 20_000 }), on: fc.nat({ max: 180 }), due: fc.option(fc.nat({ max: 220 })), negative: oneIn(8) }),
  fc.record({ kind: fc.constant('payment' as const), amount: fc.integer({ min: 1, max: 30_000 }), on: fc.nat({ max: 180 }) }),
);
const books = fc.record({
  members: fc.array(member, { minLength: 1, maxLength: 6 }),
  entries: fc.array(fc.record({ who: fc.nat(), line, reversed: oneIn(5) }), { maxLength: 30 }),
  today: fc.nat({ max: 240 }),
});

describe('overdue list: one query for every member = the per-member loop it replaced', () => {
  let dir: string;
  let db: Database;
  const sites: number[] = [];
  let run = 0;
  let today = '2026-12-07';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'overdue-'));
    db = openDatabase({ file: join(dir, 'coop.sqlite') });
    for (const name of ['North', 'South']) sites.push(Number(db.prepare(`INSERT INTO sites (name, created_at) VALUES (?, '2026-01-01')`).run(name).lastInsertRowid));
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same rows in the same order on random books', () => {
    const billing = new BillingService({
      db, audit: new AuditRepo(db, () => '2026-12-07T00:00:00Z'), now: () => new Date(`${today}T12:00:00Z`), timeZone: () => 'UTC', currency: () => 'KES', locale: () => 'en',
      dayCharges: () => new Map(), postedThrough: () => null, switchSupply: async () => undefined,
    });
    fc.assert(
      fc.property(books, (b) => {
        run++;
        // Members of earlier runs stay: the lists cover a growing cooperative.
        const ids = b.members.map((m, i) => {
          const id = Number(db.prepare(`INSERT INTO members (member_no, full_name, site_id, joined_on, active, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', ?, '2026-01-01', '2026-01-01')`)
            .run(`M-${run}-${i}`, `Member ${run}.${i}`, sites[m.site], m.active ? 1 : 0).lastInsertRowid);
          for (const mode of m.modes) db.prepare(`INSERT OR REPLACE INTO member_billing_modes (member_id, valid_from, mode, created_by, created_at) VALUES (?, ?, ?, NULL, '2026-01-01')`).run(id, day(mode.from), mode.prepaid ? 'prepaid' : 'postpaid');
          return id;
        });
        b.entries.forEach((e, n) => {
          const memberId = ids[e.who % ids.length] as number;
          const l = e.line;
          const [entryId] = postEntries(db, [l.kind === 'charge'
            ? {
                kind: 'settlement', source: { type: 'test', id: `${run}:${n}` }, memo: 'charge', effectiveDate: day(l.on), createdBy: null,
                lines: l.negative
                  ? [{ account: { kind: 'cooperative-fees' }, debit: l.amount, credit: 0 }, { account: { kind: 'member', memberId }, debit: 0, credit: l.amount, charge: { code: l.code, ...(l.due !== null ? { dueDate: day(l.due) } : {}) } }]
                  : [{ account: { kind: 'member', memberId }, debit: l.amount, credit: 0, charge: { code: l.code, ...(l.due !== null ? { dueDate: day(l.due) } : {}) } }, { account: { kind: 'cooperative-fees' }, debit: 0, credit: l.amount }],
              }
            : { kind: 'payment', source: { type: 'test', id: `${run}:${n}` }, memo: 'payment', effectiveDate: day(l.on), createdBy: null, lines: [{ account: { kind: 'cash' }, debit: l.amount, credit: 0 }, { account: { kind: 'member', memberId }, debit: 0, credit: l.amount }] }]);
          if (e.reversed) reverseEntry(db, entryId as number, 'Posted in error', null, { effectiveDate: day(l.on) });
        });
        today = day(b.today);
        for (const siteId of [null, ...sites]) expect(billing.overdue(siteId)).toEqual(overduePerMemberLoop(db, siteId, today));
      }),
      { numRuns: 40 },
    );
    // The comparison was not vacuous: some members were overdue.
    expect(billing.overdue(null).length).toBeGreaterThan(0);
  });
});
