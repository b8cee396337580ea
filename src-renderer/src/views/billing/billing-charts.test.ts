import { describe, expect, it } from 'vitest';
import type { BillingMemberView, OverdueMemberView } from '@contract';
import { creditStatusOption, overdueAgeOption } from './billing-charts.js';

const member = (creditStatus: BillingMemberView['creditStatus']): BillingMemberView => ({
  memberId: 1, memberNo: 'M', fullName: 'M', phone: '', siteId: 1, siteName: 'S', mode: creditStatus ? 'prepaid' : 'postpaid', nextMode: null,
  balanceMinor: 0, lowThresholdMinor: null, creditStatus, lastPaymentOn: null, supplyOff: false, meterCount: 0,
});
const overdue = (daysOverdue: number, overdueMinor: number): OverdueMemberView => ({
  memberId: 1, memberNo: 'M', fullName: 'M', phone: '', siteName: 'S', owedMinor: overdueMinor, notYetDueMinor: 0, overdueMinor, overdueSince: '2026-01-01', daysOverdue,
});

describe('billing charts', () => {
  it('counts prepaid members by credit status, leaving postpaid ones out', () => {
    const option = creditStatusOption([member('ok'), member('low'), member('low'), member(null), member('empty')], (s) => s);
    const series = (option.series as { data: { name: string; value: number }[] }[])[0]!;
    expect(series.data.map((d) => [d.name, d.value])).toEqual([['ok', 1], ['low', 2], ['empty', 1]]);
  });
  it('sums overdue money by age, bucket edges included in the lower bucket', () => {
    const option = overdueAgeOption([overdue(30, 100), overdue(31, 200), overdue(90, 300), overdue(400, 5)], (k) => k, String);
    expect((option.series as { data: number[] }[])[0]!.data).toEqual([100, 200, 300, 5]);
  });
});
