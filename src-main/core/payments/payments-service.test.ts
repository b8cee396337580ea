// Payments against a real SQLite file (every migration applied) and the real journal: booking with
// its allocation in one transaction, a repeated reference refused, reversal, statement import
// (preview → book, twice → nothing twice, suspense → resolved), another currency refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedMembers } from '../../../test/support/journal-seed.js';
import type { OperatorPublic } from '../../contract/session.js';
import { AuditRepo } from '../audit/audit-repo.js';
import { CoreError } from '../api/core-error.js';
import { openDatabase, type Database } from '../db/connection.js';
import { accountBalance, checkJournalIntegrity, postEntries } from '../journal/index.js';
import { memberAccount } from '../journal/journal-views.js';
import { PaymentsService } from './payments-service.js';
import { StatementImport } from './statement-import.js';

const clock = { now: () => new Date('2026-12-07T09:00:00Z') };
const HEADER = 'Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Other Party Info,A/C No.';

describe('payments', () => {
  let dir: string;
  let db: Database;
  let payments: PaymentsService;
  let statements: StatementImport;
  let actor: OperatorPublic;
  let a: number;
  let b: number;
  const settled: number[] = [];

  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const charge = (memberId: number, code: 'energy' | 'fixed-fee' | 'instalment', amount: number, dueDate: string, key: string) =>
    postEntries(db, [{
      kind: 'settlement', source: { type: 'test', id: key }, memo: code, effectiveDate: '2026-11-30', createdBy: null,
      lines: [{ account: { kind: 'member', memberId }, debit: amount, credit: 0, charge: { code, dueDate } }, { account: { kind: 'cooperative-fees' }, debit: 0, credit: amount }],
    }]);
  const refusal = (action: () => unknown): CoreError => {
    try {
      action();
    } catch (error) {
      if (error instanceof CoreError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'payments-'));
    db = openDatabase({ file: join(dir, 'coop.sqlite') });
    [a, b] = seedMembers(db, 2) as [number, number];
    db.prepare(`UPDATE members SET phone = '+254 712 000 102' WHERE id = ?`).run(b);
    const opId = Number(db.prepare(`INSERT INTO operators (username, display_name, role, password_hash, created_at) VALUES ('desk', 'Desk Clerk', 'operator', 'x', '2026-01-01')`).run().lastInsertRowid);
    actor = { id: opId, username: 'desk', displayName: 'Desk Clerk', role: 'operator' };
    settled.length = 0;
    payments = new PaymentsService({ db, clock, audit: new AuditRepo(db, () => clock.now().toISOString()), currency: () => 'KES', onInstalmentsSettled: (id) => settled.push(id) });
    statements = new StatementImport({ db, clock, payments, currency: () => 'KES' });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('books a cash payment: journal entry, allocation in the documented order, balance', () => {
    charge(a, 'energy', 3000, '2026-12-20', 'e1');
    charge(a, 'fixed-fee', 500, '2026-12-20', 'f1');
    charge(a, 'energy', 1200, '2026-11-25', 'old'); // overdue: arrears
    const paid = payments.record(actor, { memberId: a, amountMinor: 5000, method: 'cash', reference: 'RB 0042', receivedOn: '2026-12-07' });
    expect(paid).toMatchObject({ receiptNo: 'R-000001', status: 'booked', memberNo: 'J1', takenBy: 'Desk Clerk', amountMinor: 5000, currency: 'KES' });
    expect(paid.allocations.map((l) => [l.bucket, l.code, l.amountMinor, l.settles])).toEqual([['arrears', 'energy', 1200, true], ['fixed-fee', 'fixed-fee', 500, true], ['energy', 'energy', 3000, true], ['energy', null, 300, false]]);
    expect(paid.byBucket).toEqual({ arrears: 1200, instalment: 0, 'fixed-fee': 500, energy: 3300 });
    expect(accountBalance(db, { kind: 'member', memberId: a })).toBe(300);
    expect(accountBalance(db, { kind: 'cash' })).toBe(-5000);
    expect(checkJournalIntegrity(db).ok).toBe(true);
    expect(settled).toEqual([paid.id]);
    // The next payment finds those items paid: all of it is credit.
    expect(payments.record(actor, { memberId: a, amountMinor: 100, method: 'cash', reference: '', receivedOn: '2026-12-07' }).allocations.map((l) => [l.code, l.amountMinor])).toEqual([[null, 100]]);
  });

  it('refuses a repeated reference with a sentence, and writes nothing', () => {
    payments.record(actor, { memberId: a, amountMinor: 1000, method: 'mobile-money', reference: 'SLK1A2B3C4', receivedOn: '2026-12-07' });
    const before = [count('payments'), count('journal_entries'), count('payment_allocations')];
    const error = refusal(() => payments.record(actor, { memberId: b, amountMinor: 900, method: 'mobile-money', reference: 'slk1a2b3c4', receivedOn: '2026-12-07' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Reference slk1a2b3c4 was already booked on 2026-12-07 for Member 1 (J1) as receipt R-000001; a payment is booked once.');
    expect([count('payments'), count('journal_entries'), count('payment_allocations')]).toEqual(before);
  });

  it('reverses by a reversing entry with a reason; the allocation no longer counts; once only', () => {
    charge(a, 'energy', 800, '2026-12-20', 'e1');
    const paid = payments.record(actor, { memberId: a, amountMinor: 800, method: 'cash', reference: 'C1', receivedOn: '2026-12-07' });
    const reversed = payments.reverse(actor, paid.id, 'Counted twice');
    expect(reversed).toMatchObject({ status: 'reversed', reversal: { reason: 'Counted twice', by: 'Desk Clerk' } });
    expect(accountBalance(db, { kind: 'member', memberId: a })).toBe(-800);
    expect(payments.preview(a, 800, '2026-12-07').split.map((l) => [l.code, l.amountMinor])).toEqual([['energy', 800]]);
    expect(refusal(() => payments.reverse(actor, paid.id, 'again')).code).toBe('CONFLICT');
    expect(refusal(() => payments.reverse(actor, paid.id, '  ')).code).toBe('VALIDATION');
    expect(checkJournalIntegrity(db).ok).toBe(true);
  });

  it('imports a statement: preview, book matched and suspense, the same file twice books nothing twice, resolve suspense', () => {
    const csv = [
      HEADER,
      'SLK0001,2026-12-01 09:15:02,Pay Bill from 254711000001 - JANE Acc. J1,Completed,"1,500.00",,254711000001 - JANE,J1',
      'SLK0002,2026-12-01 10:00:00,Pay Bill from 254712000102 - PAUL,Completed,200.50,,254712000102 - PAUL,WRONG',
      'SLK0003,2026-12-01 11:00:00,Pay Bill from 254799999999 - NOBODY,Completed,75.00,,254799999999 - NOBODY,',
      'SLK0004,2026-12-01 12:00:00,Pay Bill from 254711000001 - JANE Acc. J1,Failed,99.00,,254711000001 - JANE,J1',
    ].join('\n');
    const preview = statements.preview(csv);
    expect(preview.lines.map((l) => [l.receipt, l.status, l.memberNo, l.matchedBy, l.unmatchedReason])).toEqual([
      ['SLK0001', 'matched', 'J1', 'account', null], ['SLK0002', 'matched', 'J2', 'phone', null], ['SLK0003', 'unmatched', null, null, 'no-reference'], ['SLK0004', 'skipped', null, null, null],
    ]);
    expect(count('payments')).toBe(0);
    const first = statements.commit(actor, csv, 'december.csv');
    expect(first).toMatchObject({ booked: 2, suspense: 1, duplicates: 0, skipped: 1 });
    expect(accountBalance(db, { kind: 'member', memberId: a })).toBe(150000);
    expect(accountBalance(db, { kind: 'suspense' })).toBe(7500);
    expect(accountBalance(db, { kind: 'mobile-money' })).toBe(-(150000 + 20050 + 7500));

    const again = statements.preview(csv);
    expect(again.importedBefore).toMatchObject({ fileName: 'december.csv' });
    expect(again.lines.map((l) => [l.status, l.bookedAs])).toEqual([['duplicate', 'R-000001'], ['duplicate', 'R-000002'], ['duplicate', 'R-000003'], ['skipped', null]]);
    const entries = count('journal_entries');
    expect(statements.commit(actor, csv, 'december.csv')).toMatchObject({ booked: 0, suspense: 0, duplicates: 3 });
    expect(count('journal_entries')).toBe(entries);

    const [suspense] = payments.list({ memberId: null, status: 'suspense', limit: 10 });
    expect(suspense).toMatchObject({ reference: 'SLK0003', payerDetails: 'Pay Bill from 254799999999 - NOBODY' });
    const resolved = payments.resolveSuspense(actor, suspense!.id, b);
    expect(resolved).toMatchObject({ status: 'booked', memberNo: 'J2' });
    expect(accountBalance(db, { kind: 'suspense' })).toBe(0);
    expect(accountBalance(db, { kind: 'member', memberId: b })).toBe(20050 + 7500);
    expect(refusal(() => payments.resolveSuspense(actor, suspense!.id, a)).code).toBe('CONFLICT');
    // Reversing a resolved suspense payment reverses the move and the payment.
    payments.reverse(actor, suspense!.id, 'Not ours');
    expect(accountBalance(db, { kind: 'member', memberId: b })).toBe(20050);
    // What the member's account says of it, read back from the payments book (entry-facts.ts).
    const assigned = { code: 'payment-assigned', params: { reference: 'SLK0003', receiptNo: suspense!.receiptNo, memberNo: 'J2' } };
    const said = memberAccount(db, b, 'KES', { limit: 50, offset: 0 }).entries.rows.map((e) => e.description);
    expect(said).toContainEqual(assigned);
    expect(said).toContainEqual({ code: 'payment-reversal', params: expect.objectContaining({ reason: 'Not ours', of: assigned }) });
    expect(said.filter((d) => d.code === 'payment').map((d) => d.params)).toContainEqual(expect.objectContaining({ method: 'mobile-money', receiptNo: expect.stringMatching(/^R-\d{6}$/) }));
    expect(said.map((d) => d.code)).not.toContain('unrecognised');
    expect(accountBalance(db, { kind: 'suspense' })).toBe(0);
    expect(checkJournalIntegrity(db).ok).toBe(true);
  });

  it('refuses a statement in another currency, or with an unreadable line, and writes nothing', () => {
    const other = `${HEADER},Currency\nS1,2026-12-01 09:00,x,Completed,10.00,,,J1,TZS\n`;
    expect(refusal(() => statements.commit(actor, other, 'tz.csv'))).toMatchObject({ code: 'IMPORT_REJECTED', message: "Line 2, column Currency: the amount \"TZS\" is not in KES, the cooperative's currency; a statement in another currency cannot be imported." });
    const broken = `${HEADER}\nS1,2026-12-01 09:00,x,Completed,10.00,,,J1\nS2,2026-12-32 09:00,x,Completed,10.00,,,J1\n`;
    expect(refusal(() => statements.commit(actor, broken, 'b.csv')).code).toBe('IMPORT_REJECTED');
    expect([count('payments'), count('journal_entries'), count('payment_statements')]).toEqual([0, 0, 0]);
  });
});

describe('receipt', () => {
  it('renders the same bytes for the same payment', async () => {
    const { renderReceiptPdf } = await import('./receipt-pdf.js');
    const payment = {
      id: 1, receiptNo: 'R-000001', memberId: 1, memberNo: 'K-101', memberName: 'Jane Wanjiru', amountMinor: 150000, currency: 'KES', method: 'mobile-money' as const,
      reference: 'SLK1A2B3C4', receivedOn: '2026-12-01', receivedAt: '2026-12-01 09:15:02', origin: 'statement' as const, payerDetails: '', takenBy: 'Desk Clerk',
      createdAt: '2026-12-07T09:00:00.000Z', status: 'booked' as const, reversal: null, journalEntryId: 12,
      allocations: [{ bucket: 'arrears' as const, code: 'energy', chargeLineId: 3, agreementId: null, instalmentNo: null, amountMinor: 50000, settles: true }, { bucket: 'instalment' as const, code: 'instalment', chargeLineId: 4, agreementId: 7, instalmentNo: 12, amountMinor: 90000, settles: true }, { bucket: 'energy' as const, code: null, chargeLineId: null, agreementId: null, instalmentNo: null, amountMinor: 10000, settles: false }],
      byBucket: { arrears: 50000, instalment: 90000, 'fixed-fee': 0, energy: 10000 }, completedAgreements: [7],
    };
    const first = await renderReceiptPdf({ payment, cooperative: { name: 'Demo Cooperative' } });
    const second = await renderReceiptPdf({ payment, cooperative: { name: 'Demo Cooperative' } });
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
    if (process.env.RECEIPT_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.RECEIPT_PDF_OUT, first);
  });
});
