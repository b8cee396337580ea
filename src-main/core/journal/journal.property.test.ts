// Invariants of the journal on random input (fast-check), on one real SQLite database per property;
// each run happens inside a transaction rolled back afterwards, which also exercises postEntries
// nesting as a savepoint inside a caller's transaction.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/connection.js';
import { seedMembers } from '../../../test/support/journal-seed.js';
import { accountBalance, accountKey, checkJournalIntegrity, JournalError, postEntries, reverseEntry, type AccountRef, type JournalEntryInput, type JournalLineInput } from './index.js';

const COOPERATIVE_ACCOUNTS: AccountRef[] = [
  { kind: 'cooperative-fees' }, { kind: 'cooperative-energy' }, { kind: 'grid' }, { kind: 'government' },
  { kind: 'cash' }, { kind: 'mobile-money' }, { kind: 'suspense' }, { kind: 'token-redemption' },
];

function accountArbitrary(memberIds: number[]): fc.Arbitrary<AccountRef> {
  return fc.oneof(
    fc.constantFrom(...memberIds).map((memberId): AccountRef => ({ kind: 'member', memberId })),
    fc.constantFrom(...COOPERATIVE_ACCOUNTS),
  );
}

/** Cuts `total` into `parts` positive integers (total ≥ parts). */
function cut(total: number, cuts: number[]): number[] {
  const points = [...new Set(cuts.map((c) => 1 + (c % (total - 1 || 1))))].filter((p) => p < total).sort((a, b) => a - b);
  const bounds = [0, ...points, total];
  return bounds.slice(1).map((b, i) => b - (bounds[i] ?? 0));
}

function balancedEntry(memberIds: number[]): fc.Arbitrary<JournalEntryInput> {
  const account = accountArbitrary(memberIds);
  return fc
    .record({
      debits: fc.array(fc.integer({ min: 1, max: 1_000_000_000 }), { minLength: 1, maxLength: 4 }),
      creditCuts: fc.array(fc.nat(), { minLength: 0, maxLength: 3 }),
      debitAccounts: fc.array(account, { minLength: 4, maxLength: 4 }),
      creditAccounts: fc.array(account, { minLength: 4, maxLength: 4 }),
      charged: fc.boolean(),
    })
    .map(({ debits, creditCuts, debitAccounts, creditAccounts, charged }) => {
      const total = debits.reduce((a, b) => a + b, 0);
      const credits = cut(total, creditCuts);
      const lines: JournalLineInput[] = [
        ...debits.map((debit, i) => {
          const ref = debitAccounts[i]!;
          return { account: ref, debit, credit: 0, ...(charged && ref.kind === 'member' ? { charge: { code: 'energy' as const } } : {}) };
        }),
        ...credits.map((credit, i) => ({ account: creditAccounts[i]!, debit: 0, credit })),
      ];
      return { kind: 'settlement', source: { type: 'property', id: 'x' }, memo: 'random', effectiveDate: '2026-11-30', lines, createdBy: null };
    });
}

/** A balanced entry with one line's amount moved by a non-zero delta (staying positive). */
function unbalancedEntry(memberIds: number[]): fc.Arbitrary<JournalEntryInput> {
  return fc.tuple(balancedEntry(memberIds), fc.nat(), fc.integer({ min: 1, max: 1000 }), fc.boolean()).map(([entry, at, delta, up]) => {
    const index = at % entry.lines.length;
    const lines = entry.lines.map((line, i) => {
      if (i !== index) return line;
      const side = line.debit > 0 ? 'debit' : 'credit';
      const amount = up || line[side] <= delta ? line[side] + delta : line[side] - delta;
      return { ...line, [side]: amount };
    });
    return { ...entry, lines };
  });
}

function rowCount(db: Database): number {
  return (db.prepare(`SELECT (SELECT COUNT(*) FROM journal_entries) + (SELECT COUNT(*) FROM journal_lines) + (SELECT COUNT(*) FROM journal_balances) AS n`).get() as { n: number }).n;
}

function inRolledBackTransaction(db: Database, body: () => void): void {
  db.exec('BEGIN');
  try {
    body();
  } finally {
    db.exec('ROLLBACK');
  }
}

function applyToModel(model: Map<string, number>, lines: readonly JournalLineInput[], sign = 1): void {
  for (const line of lines) model.set(accountKey(line.account), (model.get(accountKey(line.account)) ?? 0) + sign * (line.credit - line.debit));
}

describe('journal invariants on random entries', () => {
  let db: Database;
  let memberIds: number[];
  beforeAll(() => {
    db = openDatabase({ file: ':memory:' });
    memberIds = seedMembers(db, 3);
  });
  afterAll(() => db.close());

  it('posts a batch of balanced entries; a batch with any unbalanced entry is refused with nothing written', () => {
    const batch = fc.array(fc.oneof({ arbitrary: balancedEntry(memberIds), weight: 4 }, { arbitrary: unbalancedEntry(memberIds), weight: 1 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(batch, (entries) => {
        inRolledBackTransaction(db, () => {
          const balanced = entries.every((e) => e.lines.reduce((s, l) => s + l.debit - l.credit, 0) === 0);
          const before = rowCount(db);
          if (balanced) {
            const ids = postEntries(db, entries);
            expect(new Set(ids).size).toBe(entries.length);
            const model = new Map<string, number>();
            entries.forEach((e) => applyToModel(model, e.lines));
            for (const [key, expected] of model) {
              const ref: AccountRef = key.startsWith('member:') ? { kind: 'member', memberId: Number(key.slice(7)) } : ({ kind: key } as AccountRef);
              expect(accountBalance(db, ref)).toBe(expected);
            }
          } else {
            let error: unknown;
            try {
              postEntries(db, entries);
            } catch (e) {
              error = e;
            }
            expect(error).toBeInstanceOf(JournalError);
            expect((error as JournalError).code).toBe('UNBALANCED');
            expect(rowCount(db)).toBe(before);
          }
          expect(checkJournalIntegrity(db).ok).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('after any sequence of posts and reversals the journal balances and every cached balance is its sum', () => {
    type Step = { post: JournalEntryInput } | { reverse: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      { arbitrary: balancedEntry(memberIds).map((post) => ({ post })), weight: 3 },
      { arbitrary: fc.nat().map((reverse) => ({ reverse })), weight: 2 },
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        inRolledBackTransaction(db, () => {
          const model = new Map<string, number>();
          const posted: { id: number; lines: JournalLineInput[]; reversed: boolean; isReversal: boolean }[] = [];
          for (const s of steps) {
            if ('post' in s) {
              const [id] = postEntries(db, [s.post]) as [number];
              posted.push({ id, lines: s.post.lines, reversed: false, isReversal: false });
              applyToModel(model, s.post.lines);
              continue;
            }
            const target = posted[s.reverse % Math.max(posted.length, 1)];
            if (!target) continue;
            const expectedCode = target.isReversal ? 'IS_REVERSAL' : target.reversed ? 'ALREADY_REVERSED' : null;
            if (expectedCode) {
              expect(() => reverseEntry(db, target.id, 'random', null)).toThrow(expect.objectContaining({ code: expectedCode }));
              continue;
            }
            const id = reverseEntry(db, target.id, 'random', null);
            target.reversed = true;
            posted.push({ id, lines: target.lines, reversed: false, isReversal: true });
            applyToModel(model, target.lines, -1);
          }
          const report = checkJournalIntegrity(db);
          expect(report).toMatchObject({ ok: true, unbalancedEntries: [], balanceMismatches: [] });
          expect(report.totalDebits).toBe(report.totalCredits);
          const cached = db
            .prepare(`SELECT a.kind, a.member_id, b.credit_total - b.debit_total AS balance FROM journal_balances b JOIN journal_accounts a ON a.id = b.account_id`)
            .all() as { kind: string; member_id: number | null; balance: number }[];
          for (const row of cached) {
            const derived = db.prepare(`SELECT IFNULL(SUM(credit) - SUM(debit), 0) AS s FROM journal_lines l JOIN journal_accounts a ON a.id = l.account_id WHERE a.kind = ? AND IFNULL(a.member_id, 0) = ?`).get(row.kind, row.member_id ?? 0) as { s: number };
            expect(row.balance).toBe(derived.s);
            expect(row.balance).toBe(model.get(row.kind === 'member' ? `member:${row.member_id}` : row.kind) ?? 0);
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
