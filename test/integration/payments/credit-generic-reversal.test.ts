// An operator reverses journal entries through the generic channel (journal.entries.reverse, the
// Account tab's "Reverse…") on a real core (SQLite file, chain off): the member's credit is applied
// in the reversal's own transaction, so the Account tab never shows them in credit and owing at once.
// Amounts in KES cents, worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberCreditView, PaymentView } from '../../../src-main/contract/payments.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { accountBalance, checkJournalIntegrity, postEntries } from '../../../src-main/core/journal/index.js';
import { CreditApplier } from '../../../src-main/core/payments/credit-applier.js';
import { PaymentsRepo } from '../../../src-main/core/payments/payments-repo.js';
import { initializeWithOneMember } from '../../support/core-setup.js';
import { makeTempDir } from '../../support/temp-dir.js';

const clock = { now: () => new Date('2026-12-07T08:00:00Z') };
const temp = makeTempDir();
let core: Core;
let token = '';
let member = 0;
const call = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = await core.dispatch(channel, input, token);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as T;
};
const credit = () => call<MemberCreditView>('payments.credit', { memberId: member });
const owed = () => new PaymentsRepo(core.database()).openItems(member).reduce((s, i) => s + i.owed, 0);
const balance = () => accountBalance(core.database(), { kind: 'member', memberId: member });
/** A November charge line on the member's account, as a settlement posts it; returns its entry. */
const charge = (code: 'fixed-fee' | 'energy', amount: number, dueDate: string): number =>
  postEntries(core.database(), [{
    kind: 'settlement', source: { type: 'test', id: code }, memo: `November ${code}`, effectiveDate: '2026-11-30', createdBy: null,
    lines: [{ account: { kind: 'member', memberId: member }, debit: amount, credit: 0, charge: { code, dueDate } }, { account: { kind: 'cooperative-fees' }, debit: 0, credit: amount }],
  }])[0] as number;

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, clock, log: () => {} });
  ({ token, memberId: member } = await initializeWithOneMember(core));
});
afterAll(async () => {
  await core.close();
  temp.remove();
});

describe('a generic journal reversal applies the member’s credit at once', () => {
  let fee = 0;
  let first: PaymentView;

  it('reversing a charge a payment had paid: that money pays the other open charge in the same transaction', async () => {
    fee = charge('fixed-fee', 3_000, '2026-12-01'); // overdue on 7 Dec: arrears
    charge('energy', 2_000, '2026-12-30');
    // 3,000 paid on 7 Dec: the arrears first, the fee; the energy (2,000) stays owed.
    first = await call<PaymentView>('payments.record', { memberId: member, amountMinor: 3_000, method: 'cash', reference: 'RB-1', receivedOn: '2026-12-07' });
    expect(first.allocations.map((a) => [a.bucket, a.amountMinor])).toEqual([['arrears', 3_000]]);
    expect([owed(), balance()]).toEqual([2_000, -2_000]);
    // The fee was charged in error: reversed from the Account tab. Its 3,000 is credit again and pays
    // the energy line (2,000) at once; 1,000 stays as credit.
    await call('journal.entries.reverse', { entryId: fee, reason: 'Fee charged twice' });
    const view = await credit();
    expect(view.applications.map((a) => [a.receiptNo, a.occasion, a.bucket, a.code, a.amountMinor, a.settles, a.endedBy])).toEqual([[first.receiptNo, 'reversal', 'energy', 'energy', 2_000, true, null]]);
    expect([view.availableMinor, owed(), balance()]).toEqual([1_000, 0, 1_000]);
  });

  it('reversing a payment’s entry: what its credit paid is open again and the member’s other credit pays it', async () => {
    // 500 more, nothing open: credit (1,000 + 500).
    const second = await call<PaymentView>('payments.record', { memberId: member, amountMinor: 500, method: 'cash', reference: 'RB-2', receivedOn: '2026-12-07' });
    expect((await credit()).availableMinor).toBe(1_500);
    // RB-1 was entered on the wrong member: its journal entry is reversed from the Account tab. The
    // piece its credit paid on the energy line stops counting (the row stays, marked); the energy
    // line (2,000) is open again and RB-2's 500 pays part of it: 1,500 owed, no credit left.
    await call('journal.entries.reverse', { entryId: first.journalEntryId, reason: 'Entered on the wrong member' });
    const view = await credit();
    expect(view.applications.map((a) => [a.receiptNo, a.occasion, a.amountMinor, a.settles, a.endedBy])).toEqual([
      [second.receiptNo, 'reversal', 500, false, null],
      [first.receiptNo, 'reversal', 2_000, true, 'payment-reversed'],
    ]);
    expect([view.availableMinor, owed(), balance()]).toEqual([0, 1_500, -1_500]);
    expect(view.byBucket.energy).toBe(500);
    // The receipt says so too: the payment is reversed, with the reason given on the Account tab.
    const receipt = await call<PaymentView>('payments.get', { id: first.id });
    expect([receipt.status, receipt.reversal?.reason]).toEqual(['reversed', 'Entered on the wrong member']);
    // Both reversals audited; the journal balanced; another pass has nothing to do.
    const audited = core.database().prepare(`SELECT COUNT(*) FROM audit_log WHERE summary_code = 'journal.reversed'`).pluck().get();
    expect(audited).toBe(2);
    expect(checkJournalIntegrity(core.database()).ok).toBe(true);
    expect(new CreditApplier({ db: core.database(), clock }).applyForAll('catch-up')).toBe(0);
  });

  it('refuses to reverse on its own the entry that assigned a suspense payment, and posts nothing', async () => {
    // A mobile-money line nobody could be matched to: booked to suspense, then assigned by hand.
    const csv = [
      'Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Other Party Info,A/C No.',
      'RB0003,2026-12-07 09:00:00,Pay Bill from 254799999999 - NOBODY,Completed,7.00,,254799999999 - NOBODY,',
    ].join('\n');
    await call('payments.statementImport', { csv, fileName: 'rb.csv' });
    const [suspense] = await call<PaymentView[]>('payments.list', { status: 'suspense', limit: 10 });
    const assigned = await call<PaymentView>('payments.resolveSuspense', { id: suspense!.id, memberId: member });
    const assignment = core.database().prepare('SELECT journal_entry_id FROM payment_resolutions WHERE payment_id = ?').pluck().get(assigned.id) as number;
    const entriesBefore = core.database().prepare('SELECT COUNT(*) FROM journal_entries').pluck().get();
    const refused = await core.dispatch('journal.entries.reverse', { entryId: assignment, reason: 'Wrong member' }, token);
    expect(refused.ok ? null : [refused.error.code, refused.error.details]).toEqual(['CONFLICT', { reason: 'paymentAssignmentEntry', params: { entryId: assignment, receipt: assigned.receiptNo } }]);
    expect(core.database().prepare('SELECT COUNT(*) FROM journal_entries').pluck().get()).toBe(entriesBefore);
    expect((await call<PaymentView>('payments.get', { id: assigned.id })).status).toBe('booked');
  });
});
