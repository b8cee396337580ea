// The statement reader on M-Pesa-shaped exports: columns, separators, BOM, exact amounts, bad
// cells (one sentence each), statuses, another currency; and the member matching.
import { describe, expect, it } from 'vitest';
import { parseAmount, parseCompletionTime } from './statement-cells.js';
import { parseStatement } from './statement-csv.js';
import { MemberMatcher, normalisePhone } from './statement-matching.js';

const HEADER = 'Receipt No.,Completion Time,Initiation Time,Details,Transaction Status,Paid In,Withdrawn,Balance,Balance Confirmed,Reason Type,Other Party Info,Linked Transaction ID,A/C No.';
const statement = (...lines: string[]) => ['Organization Name,Demo Cooperative', 'Time Period,01-12-2026 - 31-12-2026', '', HEADER, ...lines].join('\r\n');

describe('parseStatement', () => {
  it('reads an organisation-portal export: preamble skipped, thousands separators, statuses', () => {
    const parsed = parseStatement(statement(
      'SLK1A2B3C4,2026-12-01 09:15:02,2026-12-01 09:15:02,Pay Bill from 254712000101 - JANE W Acc. K-101,Completed,"1,500.00",,"12,500.00",true,Pay Bill,254712000101 - JANE W,,K-101',
      'SLK1A2B3C5,2026-12-01 10:00:00,2026-12-01 10:00:00,Pay Bill from 254712000102 - PAUL O,Failed,200.00,,"12,500.00",true,Pay Bill,254712000102 - PAUL O,,',
      'SLK1A2B3C6,2026-12-02 11:00:00,2026-12-02 11:00:00,Business Payment to 254700000000,Completed,,-300.00,"12,200.00",true,Business Payment,,,',
    ), 'KES');
    expect(parsed.fileIssues).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.kind, r.receipt, r.completedAt, r.paidIn, r.accountRef, r.phone])).toEqual([
      [5, 'payment', 'SLK1A2B3C4', '2026-12-01 09:15:02', 150000, 'K-101', '254712000101'],
      [6, 'not-completed', 'SLK1A2B3C5', '2026-12-01 10:00:00', 20000, null, '254712000102'],
      [7, 'money-out', 'SLK1A2B3C6', '2026-12-02 11:00:00', null, null, '254700000000'],
    ]);
  });

  it('accepts a semicolon export with a BOM, day-first times and a decimal comma', () => {
    const text = '\uFEFFReceipt No.;Completion Time;Details;Transaction Status;Paid In\n' + 'AB12;01/12/2026 09:15;Acc. K-102;Completed;1500,50\n';
    const parsed = parseStatement(text, 'KES');
    expect(parsed.fileIssues).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ kind: 'payment', completedAt: '2026-12-01 09:15:00', paidIn: 150050, accountRef: 'K-102' });
  });

  it('says one sentence per bad cell, with its code and values', () => {
    const parsed = parseStatement(statement(
      ',2026-13-01 09:15:02,,x,Completed,"1,500.005",,,,,,,',
      'R2,2026-12-01 09:15:02,,x,Completed,12abc,,,,,,,',
      'R2,2026-12-01 09:15:02,,x,Completed,5,,,,,,,',
    ), 'KES');
    expect(parsed.rows.map((r) => r.issues.map((i) => [i.line, i.column, i.code, i.params]))).toEqual([
      [[5, 'Receipt No.', 'required', {}], [5, 'Completion Time', 'bad_time', { value: '2026-13-01 09:15:02' }], [5, 'Paid In', 'too_many_decimals', { value: '1,500.005', digits: 2, currency: 'KES' }]],
      [[6, 'Paid In', 'bad_amount', { value: '12abc' }]],
      [[7, 'Receipt No.', 'duplicate_in_file', { value: 'R2', otherLine: 6 }]],
    ]);
    expect(parsed.rows.map((r) => r.kind)).toEqual(['invalid', 'invalid', 'invalid']);
    expect(parsed.rows[0]?.issues[2]?.message).toBe('Line 5, column Paid In: "1,500.005" has more decimals than KES has (2); check that the statement is in KES.');
  });

  it('refuses a statement in another currency as a whole', () => {
    const withColumn = parseStatement('Receipt No.,Completion Time,Details,Transaction Status,Paid In,Currency\nR1,2026-12-01 09:00,x,Completed,10.00,KES\nR2,2026-12-01 09:00,x,Completed,10.00,TZS\n', 'KES');
    expect(withColumn.rows).toEqual([]);
    expect(withColumn.fileIssues.map((i) => [i.line, i.code, i.params])).toEqual([[3, 'other_currency', { value: 'TZS', currency: 'KES' }]]);
    const inAmount = parseStatement('Receipt No.,Completion Time,Details,Transaction Status,Paid In\nR1,2026-12-01 09:00,x,Completed,UGX 1000\n', 'KES');
    expect(inAmount.fileIssues.map((i) => i.code)).toEqual(['other_currency']);
  });

  it('refuses what is not a statement with a file sentence', () => {
    expect(parseStatement('member_no,full_name\nK-1,A\n', 'KES').fileIssues.map((i) => i.code)).toEqual(['no_header']);
    expect(parseStatement('Receipt No.,Details\nR1,x\n', 'KES').fileIssues.map((i) => [i.code, i.params])).toEqual([['missing_columns', { columns: 'Completion Time, Transaction Status, Paid In' }]]);
    expect(parseStatement(`${HEADER}\n`, 'KES').fileIssues.map((i) => i.code)).toEqual(['no_rows']);
    expect(parseStatement('PK\u0003\u0004binary', 'KES').fileIssues.map((i) => i.code)).toEqual(['not_csv']);
    expect(parseStatement(`${HEADER}\nR1,"2026-12-01 09:00,x\n`, 'KES').fileIssues.map((i) => i.code)).toEqual(['quote_not_closed']);
  });
});

describe('cells', () => {
  it('turns decimal text into exact minor units', () => {
    expect(parseAmount('0.10', 'KES', 2, false)).toEqual({ ok: true, value: 10 });
    expect(parseAmount('1 234 567,89', 'KES', 2, false)).toEqual({ ok: true, value: 123456789 });
    expect(parseAmount('1.234.567,89', 'KES', 2, false)).toEqual({ ok: true, value: 123456789 });
    expect(parseAmount('Ksh 2,000', 'KES', 2, false)).toEqual({ ok: true, value: 200000 });
    expect(parseAmount('1500.00', 'UGX', 0, false)).toEqual({ ok: true, value: 1500 });
    expect(parseAmount('1500.5', 'UGX', 0, false)).toMatchObject({ ok: false, code: 'too_many_decimals' });
    expect(parseAmount('-5.00', 'KES', 2, false)).toMatchObject({ ok: false, code: 'bad_amount' });
    expect(parseAmount('-5.00', 'KES', 2, true)).toEqual({ ok: true, value: -500 });
    expect(parseAmount('99999999999999', 'KES', 2, false)).toMatchObject({ ok: false, code: 'amount_too_large' });
    // 0.1 + 0.2 in floating point is not 0.3; here every decimal is exact.
    expect(parseAmount('0.29', 'KES', 2, false)).toEqual({ ok: true, value: 29 });
  });

  it('reads completion times and refuses impossible dates', () => {
    expect(parseCompletionTime('2026-12-01T09:05:03')).toEqual({ ok: true, value: '2026-12-01 09:05:03' });
    expect(parseCompletionTime('1/2/2026 9:05')).toEqual({ ok: true, value: '2026-02-01 09:05:00' });
    expect(parseCompletionTime('2026-02-30 09:00')).toMatchObject({ ok: false, code: 'bad_time' });
    expect(parseCompletionTime('yesterday')).toMatchObject({ ok: false, code: 'bad_time' });
  });
});

describe('MemberMatcher', () => {
  const matcher = new MemberMatcher([
    { id: 1, memberNo: 'K-101', phone: '+254 712 000 101' },
    { id: 2, memberNo: 'K-102', phone: '0712 000102' },
    { id: 3, memberNo: 'K-103', phone: '0712000555' },
    { id: 4, memberNo: 'K-104', phone: '+254712000555' },
  ]);
  it('matches by account reference, a member number in Details, then by phone', () => {
    expect(matcher.match({ accountRef: 'k-101', details: '', phone: null })).toEqual({ memberId: 1, by: 'account' });
    expect(matcher.match({ accountRef: null, details: 'Pay Bill from JOHN for K-102.', phone: null })).toEqual({ memberId: 2, by: 'account' });
    expect(matcher.match({ accountRef: 'WRONG', details: 'x', phone: '254712000102' })).toEqual({ memberId: 2, by: 'phone' });
  });
  it('matches nobody on a shared phone or an unknown reference', () => {
    expect(matcher.match({ accountRef: null, details: 'x', phone: '254712000555' })).toEqual({ memberId: null, reason: 'shared-phone' });
    expect(matcher.match({ accountRef: 'K-999', details: 'x', phone: null })).toEqual({ memberId: null, reason: 'unknown-reference' });
    expect(matcher.match({ accountRef: null, details: 'x', phone: '2547****101' })).toEqual({ memberId: null, reason: 'no-reference' });
  });
  it('normalises phone numbers to their last nine digits', () => {
    expect(normalisePhone('+254 (712) 000-101')).toBe('712000101');
    expect(normalisePhone('0712000101')).toBe('712000101');
    expect(normalisePhone('12345')).toBeNull();
  });
});
