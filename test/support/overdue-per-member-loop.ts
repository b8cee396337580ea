// The overdue list as BillingService.overdue built it before it read the charges in one query:
// memberCharges called once per postpaid member in debt. Kept as the reference the set-based list
// must equal (test/unit/overdue-list-set-based.test.ts) and as the baseline of
// `npm run bench -- member-charges`.
import type { OverdueMemberView } from '../../src-main/contract/billing.js';
import type { Database } from '../../src-main/core/db/connection.js';
import { BillingRepo } from '../../src-main/core/billing/billing-repo.js';
import { duesOf, modeOn } from '../../src-main/core/billing/billing-rules.js';
import { memberCharges } from '../../src-main/core/journal/index.js';
import { defaultDueDate } from '../../src-main/core/payments/allocation.js';

export function overduePerMemberLoop(db: Database, siteId: number | null, today: string): OverdueMemberView[] {
  const repo = new BillingRepo(db);
  const modes = repo.modeChanges();
  const balances = repo.memberBalances();
  const out: OverdueMemberView[] = [];
  for (const m of repo.activeMembers(siteId)) {
    if (modeOn(modes.get(m.id) ?? [], today) !== 'postpaid') continue;
    const balance = balances.get(m.id) ?? 0;
    if (balance >= 0) continue;
    const charges = memberCharges(db, m.id)
      .filter((c) => !c.reversed && c.amount > 0)
      .map((c) => ({ amountMinor: c.amount, dueDate: c.charge.dueDate ?? defaultDueDate(c.effectiveDate) }));
    const dues = duesOf(balance, charges, today);
    if (dues.overdueMinor === 0) continue;
    out.push({ memberId: m.id, memberNo: m.member_no, fullName: m.full_name, phone: m.phone, siteName: m.site_name, ...dues, overdueSince: dues.overdueSince ?? today });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || b.overdueMinor - a.overdueMinor);
}
