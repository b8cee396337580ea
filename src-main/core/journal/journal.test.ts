// The journal against a real SQLite database (in memory, every migration applied): posting all or
// nothing, idempotency, nesting, append-only triggers, reversals, charges and the integrity check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/connection.js';
import { seedMembers } from '../../../test/support/journal-seed.js';
import { accountBalance, checkJournalIntegrity, JournalError, memberCharges, postEntries, reverseEntry, type JournalEntryInput } from './index.js';

function energyCharge(memberId: number, amount: number, key?: string): JournalEntryInput {
  return {
    kind: 'settlement',
    source: { type: 'settlement-line', id: `${memberId}-${amount}` },
    memo: 'Energy from the main supply',
    ...(key ? { idempotencyKey: key } : {}),
    effectiveDate: '2026-11-30',
    lines: [
      { account: { kind: 'member', memberId }, debit: amount, credit: 0, charge: { code: 'energy', dueDate: '2026-12-15' } },
      { account: { kind: 'cooperative-energy' }, debit: 0, credit: amount },
    ],
    createdBy: null,
  };
}

function counts(db: Database): { entries: number; lines: number; accounts: number; balances: number } {
  const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { entries: n('journal_entries'), lines: n('journal_lines'), accounts: n('journal_accounts'), balances: n('journal_balances') };
}

function refusal(action: () => unknown): JournalError {
  try {
    action();
  } catch (error) {
    if (error instanceof JournalError) return error;
    throw error;
  }
  throw new Error('expected a JournalError');
}

describe('the journal', () => {
  let db: Database;
  let members: number[];
  beforeEach(() => {
    db = openDatabase({ file: ':memory:' });
    members = seedMembers(db, 3);
  });
  afterEach(() => db.close());

  it('posts a balanced entry and keeps credits − debits per account', () => {
    const [a] = members as [number];
    const [id] = postEntries(db, [energyCharge(a, 500)]);
    expect(id).toBeGreaterThan(0);
    expect(accountBalance(db, { kind: 'member', memberId: a })).toBe(-500);
    expect(accountBalance(db, { kind: 'cooperative-energy' })).toBe(500);
    expect(accountBalance(db, { kind: 'cash' })).toBe(0);
    expect(checkJournalIntegrity(db).ok).toBe(true);
  });

  it('refuses unbalanced, empty, fractional and one-sided input with nothing written', () => {
    const [a] = members as [number];
    const before = counts(db);
    const bad = energyCharge(a, 500);
    expect(refusal(() => postEntries(db, [energyCharge(a, 100), { ...bad, lines: [bad.lines[0]!, { ...bad.lines[1]!, credit: 499 }] }])).code).toBe('UNBALANCED');
    expect(refusal(() => postEntries(db, [])).code).toBe('EMPTY');
    expect(refusal(() => postEntries(db, [{ ...bad, lines: [] }])).code).toBe('EMPTY');
    expect(refusal(() => postEntries(db, [{ ...bad, lines: [{ ...bad.lines[0]!, debit: 2.5 }, { ...bad.lines[1]!, credit: 2.5 }] }])).code).toBe('BAD_AMOUNT');
    expect(refusal(() => postEntries(db, [{ ...bad, lines: [{ ...bad.lines[0]!, credit: 500 }, bad.lines[1]!] }])).code).toBe('BAD_AMOUNT');
    expect(refusal(() => postEntries(db, [{ ...bad, effectiveDate: '2026-02-30' }])).code).toBe('BAD_INPUT');
    expect(refusal(() => postEntries(db, [{ ...bad, lines: [bad.lines[0]!, { ...bad.lines[1]!, account: { kind: 'bank' } as never }] }])).code).toBe('UNKNOWN_ACCOUNT');
    expect(refusal(() => postEntries(db, [{ ...bad, lines: [bad.lines[1]!, { account: { kind: 'cash' }, debit: 500, credit: 0, charge: { code: 'energy' } }] }])).code).toBe('BAD_INPUT');
    expect(counts(db)).toEqual(before);
  });

  it('writes all entries or none: an unknown member in the last entry undoes the first', () => {
    const [a] = members as [number];
    const error = refusal(() => postEntries(db, [energyCharge(a, 100), energyCharge(9999, 100)]));
    expect(error.code).toBe('UNKNOWN_ACCOUNT');
    expect(error.message).toMatch(/Entry 2, line 1: there is no member with id 9999/);
    expect(counts(db)).toEqual({ entries: 0, lines: 0, accounts: 0, balances: 0 });
  });

  it('returns the first entry for a repeated idempotency key and writes nothing more', () => {
    const [a] = members as [number];
    const [first] = postEntries(db, [energyCharge(a, 500, 'settlement:1:a')]);
    const again = postEntries(db, [energyCharge(a, 500, 'settlement:1:a'), energyCharge(a, 500, 'settlement:1:a')]);
    expect(again).toEqual([first, first]);
    expect(counts(db).entries).toBe(1);
    expect(accountBalance(db, { kind: 'member', memberId: a })).toBe(-500);
  });

  it('nests inside a caller transaction: the caller rollback undoes it, its refusal undoes only itself', () => {
    const [a] = members as [number];
    const caller = db.transaction(() => {
      postEntries(db, [energyCharge(a, 100)]);
      throw new Error('caller changed its mind');
    });
    expect(() => caller()).toThrow('caller changed its mind');
    expect(counts(db).entries).toBe(0);

    const tolerant = db.transaction(() => {
      postEntries(db, [energyCharge(a, 100)]);
      expect(() => postEntries(db, [energyCharge(a, 50), energyCharge(9999, 1)])).toThrow(JournalError);
    });
    tolerant();
    expect(counts(db).entries).toBe(1);
    expect(accountBalance(db, { kind: 'member', memberId: a })).toBe(-100);
    expect(checkJournalIntegrity(db).ok).toBe(true);
  });

  it('refuses to update or delete entries, lines and accounts', () => {
    const [a] = members as [number];
    postEntries(db, [energyCharge(a, 100)]);
    expect(() => db.prepare(`UPDATE journal_lines SET debit = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM journal_lines`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE journal_entries SET memo = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM journal_entries`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM journal_accounts`).run()).toThrow(/cannot be deleted/);
  });

  it('reverses an entry once, with a reason, and never a reversal', () => {
    const [a] = members as [number];
    const [charge] = postEntries(db, [energyCharge(a, 500)]) as [number];
    expect(refusal(() => reverseEntry(db, charge, '   ', null)).code).toBe('REASON_REQUIRED');
    expect(refusal(() => reverseEntry(db, 424242, 'typo', null)).code).toBe('NOT_FOUND');
    const reversal = reverseEntry(db, charge, 'meter read twice', null, { effectiveDate: '2026-12-02' });
    expect(accountBalance(db, { kind: 'member', memberId: a })).toBe(0);
    expect(accountBalance(db, { kind: 'cooperative-energy' })).toBe(0);
    expect(refusal(() => reverseEntry(db, charge, 'again', null)).code).toBe('ALREADY_REVERSED');
    expect(refusal(() => reverseEntry(db, reversal, 'undo the undo', null)).code).toBe('IS_REVERSAL');
    const row = db.prepare(`SELECT kind, reverses_entry_id, reversal_reason, effective_date FROM journal_entries WHERE id = ?`).get(reversal);
    expect(row).toEqual({ kind: 'reversal', reverses_entry_id: charge, reversal_reason: 'meter read twice', effective_date: '2026-12-02' });
    expect(checkJournalIntegrity(db).ok).toBe(true);
  });

  it('lists a member’s charges with their fields and whether they were reversed', () => {
    const [a, b] = members as [number, number];
    const [first, second] = postEntries(db, [energyCharge(a, 500), energyCharge(a, 70), energyCharge(b, 9)]) as [number, number];
    reverseEntry(db, first, 'wrong meter', null);
    const charges = memberCharges(db, a);
    expect(charges.map((c) => [c.entryId, c.amount, c.charge.code, c.charge.dueDate, c.reversed])).toEqual([
      [first, 500, 'energy', '2026-12-15', true],
      [second, 70, 'energy', '2026-12-15', false],
    ]);
  });

  it('finds a tampered cached balance and an entry made unbalanced behind its back', () => {
    const [a] = members as [number];
    const [entry] = postEntries(db, [energyCharge(a, 500)]) as [number];
    const memberAccount = `(SELECT id FROM journal_accounts WHERE member_id = ${a})`;
    db.prepare(`UPDATE journal_balances SET debit_total = debit_total + 1 WHERE account_id = ${memberAccount}`).run();
    let report = checkJournalIntegrity(db);
    expect(report.ok).toBe(false);
    expect(report.balanceMismatches).toEqual([expect.objectContaining({ account: { kind: 'member', memberId: a }, cachedDebits: 501, derivedDebits: 500 })]);
    db.prepare(`UPDATE journal_balances SET debit_total = debit_total - 1 WHERE account_id = ${memberAccount}`).run();
    expect(checkJournalIntegrity(db).ok).toBe(true);
    db.prepare(`INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit) VALUES (?, 3, 1, 7, 0)`).run(entry);
    report = checkJournalIntegrity(db);
    expect(report.ok).toBe(false);
    expect(report.unbalancedEntries).toEqual([{ entryId: entry, debits: 507, credits: 500, lineCount: 3 }]);
    expect(report.totalDebits - report.totalCredits).toBe(7);
  });
});
