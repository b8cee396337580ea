// Read models of settlements: a period with each member's total (and the previous period's), one
// member's lines with their sources and a per-code diff to the previous period, the monthly report
// and its CSV (site fields on every row).
import type { Database } from 'better-sqlite3';
import type { CounterpartyKey, SettlementCodeDiff, SettlementDetail, SettlementLineCode, SettlementLineView, SettlementMemberPreview, SettlementMemberRow, SettlementReport } from '../../contract/settlements.js';
import { notFound } from '../api/core-error.js';
import type { SettlementService } from './settlement-service.js';
import { settlementMirrorState } from './mirror/index.js';

interface MemberTotalsRow { member_id: number; member_no: string; full_name: string; total: number; charged: number; credited: number }

export class SettlementViews {
  constructor(
    private readonly db: Database,
    private readonly service: SettlementService,
  ) {}

  private totals(periodId: number, memberId: number | null = null): MemberTotalsRow[] {
    return this.db.prepare(`SELECT l.member_id, m.member_no, m.full_name, SUM(l.amount_minor) AS total,
        SUM(CASE WHEN l.amount_minor < 0 THEN -l.amount_minor ELSE 0 END) AS charged, SUM(CASE WHEN l.amount_minor > 0 THEN l.amount_minor ELSE 0 END) AS credited
      FROM settlement_lines l JOIN members m ON m.id = l.member_id WHERE l.period_id = ? AND (? IS NULL OR l.member_id = ?) GROUP BY l.member_id ORDER BY m.full_name COLLATE NOCASE, l.member_id`).all(periodId, memberId, memberId) as MemberTotalsRow[];
  }

  private previousId(periodId: number): number | null {
    const p = this.service.must(periodId);
    return this.service.repo.previous(p.site_id, p.period_from)?.id ?? null;
  }

  detail(id: number): SettlementDetail {
    const period = this.service.view(id);
    const previousPeriodId = this.previousId(id);
    const previous = new Map(previousPeriodId === null ? [] : this.totals(previousPeriodId).map((r) => [r.member_id, r.total]));
    const members: SettlementMemberRow[] = this.totals(id).map((r) => ({ memberId: r.member_id, memberNo: r.member_no, memberName: r.full_name, totalMinor: r.total, chargedMinor: r.charged, creditedMinor: r.credited, previousTotalMinor: previous.get(r.member_id) ?? (previousPeriodId === null ? null : 0) }));
    const counterparties = (this.db.prepare(`SELECT counterparty AS account, -SUM(amount_minor) AS total FROM settlement_lines WHERE period_id = ? AND counterparty NOT LIKE 'member:%' GROUP BY counterparty ORDER BY counterparty`).all(id) as { account: CounterpartyKey; total: number }[]).map((r) => ({ account: r.account, totalMinor: r.total }));
    return { period, mirror: period.status === 'posted' ? this.mirror(id) : null, previousPeriodId, members, counterparties };
  }

  private mirror(id: number): SettlementDetail['mirror'] {
    const m = settlementMirrorState(this.db, id);
    return { status: m.status, root: m.anchor?.root ?? null, leafCount: m.anchor?.leafCount ?? null, blockNumber: m.anchor?.blockNumber ?? null, creditChunks: m.credits.chunks, creditChunksFinalized: m.credits.chunksFinalized, transfers: m.credits.transfers, errors: m.errors };
  }

  member(id: number, memberId: number): SettlementMemberPreview {
    const period = this.service.view(id);
    const row = this.totals(id, memberId)[0];
    if (!row) throw notFound(`Member ${memberId} has no lines in settlement`, id);
    const previousPeriodId = this.previousId(id);
    const previousTotal = previousPeriodId === null ? null : (this.totals(previousPeriodId, memberId)[0]?.total ?? 0);
    const names = this.db.prepare(`SELECT full_name FROM members WHERE id = ?`).pluck();
    const titles = this.db.prepare(`SELECT title FROM agreements WHERE id = ?`).pluck();
    const versions = this.db.prepare(`SELECT version FROM tariff_versions WHERE id = ?`).pluck();
    const lines: SettlementLineView[] = this.service.repo.lines(id, memberId).map((l) => ({
      id: l.id, transferNo: l.transferNo, memberId: l.memberId, code: l.code, amountMinor: l.amountMinor, counterparty: l.counterparty,
      counterpartyName: l.counterparty.startsWith('member:') ? ((names.get(Number(l.counterparty.slice(7))) as string | undefined) ?? null) : null,
      quantityWh: l.quantityWh, rateMilliPerKwh: l.rateMilliPerKwh,
      tariffVersionId: l.source.tariffVersionId ?? null, tariffVersion: l.source.tariffVersionId === undefined ? null : ((versions.get(l.source.tariffVersionId) as number | undefined) ?? null),
      agreementId: l.source.agreementId ?? null, agreementVersion: l.source.agreementVersion ?? null,
      agreementTitle: l.source.agreementId === undefined ? null : ((titles.get(l.source.agreementId) as string | undefined) ?? null),
      intervalFrom: l.source.intervalFrom ?? null, intervalTo: l.source.intervalTo ?? null, instalmentNo: l.source.instalmentNo ?? null, dueOn: l.source.dueOn ?? null,
      adjustsPeriodId: l.source.adjustsPeriodId ?? null, explain: l.explain,
    }));
    const byCode = (periodId: number | null) => {
      const map = new Map<SettlementLineCode, { amount: number; wh: number }>();
      if (periodId === null) return map;
      for (const r of this.db.prepare(`SELECT code, SUM(amount_minor) AS amount, SUM(COALESCE(quantity_wh, 0)) AS wh FROM settlement_lines WHERE period_id = ? AND member_id = ? GROUP BY code`).all(periodId, memberId) as { code: SettlementLineCode; amount: number; wh: number }[]) map.set(r.code, { amount: r.amount, wh: r.wh });
      return map;
    };
    const now = byCode(id);
    const before = byCode(previousPeriodId);
    const diff: SettlementCodeDiff[] = [...new Set([...now.keys(), ...before.keys()])].sort().map((code) => ({ code, amountMinor: now.get(code)?.amount ?? 0, previousMinor: before.get(code)?.amount ?? 0, quantityWh: now.get(code)?.wh ?? 0, previousWh: before.get(code)?.wh ?? 0 }));
    return { period, member: { memberId, memberNo: row.member_no, memberName: row.full_name, totalMinor: row.total, chargedMinor: row.charged, creditedMinor: row.credited, previousTotalMinor: previousTotal }, lines, diff };
  }

  report(id: number): SettlementReport {
    const period = this.service.view(id);
    const site = this.db.prepare(`SELECT id, name, village FROM sites WHERE id = ?`).get(period.siteId) as { id: number; name: string; village: string };
    const sums = new Map((this.db.prepare(`SELECT code, SUM(CASE WHEN amount_minor < 0 THEN -amount_minor ELSE 0 END) AS paid, SUM(CASE WHEN amount_minor < 0 THEN COALESCE(quantity_wh, 0) ELSE 0 END) AS wh FROM settlement_lines WHERE period_id = ? GROUP BY code`).all(id) as { code: SettlementLineCode; paid: number; wh: number }[]).map((r) => [r.code, r]));
    const paid = (code: SettlementLineCode) => sums.get(code)?.paid ?? 0;
    const wh = (code: SettlementLineCode) => sums.get(code)?.wh ?? 0;
    const perMember = (this.db.prepare(`SELECT l.member_id, m.full_name, l.code, SUM(l.amount_minor) AS amount FROM settlement_lines l JOIN members m ON m.id = l.member_id
      WHERE l.period_id = ? AND l.code IN ('lease_energy', 'lto_energy', 'instalment', 'surplus_share', 'rent_share') GROUP BY l.member_id, l.code ORDER BY m.full_name COLLATE NOCASE, l.member_id`).all(id) as { member_id: number; full_name: string; code: SettlementLineCode; amount: number }[]);
    const owners = new Map<number, SettlementReport['owners'][number]>();
    const rents = new Map<number, SettlementReport['rentShares'][number]>();
    for (const r of perMember) {
      if (r.code === 'rent_share' && r.amount > 0) {
        rents.set(r.member_id, { memberId: r.member_id, memberName: r.full_name, rentMinor: (rents.get(r.member_id)?.rentMinor ?? 0) + r.amount });
        continue;
      }
      if (r.amount <= 0 && r.code !== 'rent_share') continue;
      if (r.code === 'rent_share' && !owners.has(r.member_id)) continue;
      const o = owners.get(r.member_id) ?? { memberId: r.member_id, memberName: r.full_name, leaseMinor: 0, instalmentMinor: 0, surplusShareMinor: 0, rentPaidMinor: 0 };
      owners.set(r.member_id, {
        ...o,
        leaseMinor: o.leaseMinor + (r.code === 'lease_energy' || r.code === 'lto_energy' ? r.amount : 0),
        instalmentMinor: o.instalmentMinor + (r.code === 'instalment' ? r.amount : 0),
        surplusShareMinor: o.surplusShareMinor + (r.code === 'surplus_share' ? r.amount : 0),
        rentPaidMinor: o.rentPaidMinor + (r.code === 'rent_share' ? -r.amount : 0),
      });
    }
    return {
      period, site,
      energy: { p2pWh: wh('p2p_energy'), poolWh: wh('energy_pool'), mainWh: wh('energy_main') },
      sales: { p2pMinor: paid('p2p_energy'), poolMinor: paid('energy_pool'), mainMinor: paid('energy_main') },
      fees: { fixedMinor: paid('fixed_fee'), gridMinor: paid('grid_fee'), wheelingMinor: paid('p2p_wheeling') },
      taxMinor: paid('tax') + paid('p2p_tax'),
      owners: [...owners.values()],
      rentShares: [...rents.values()],
    };
  }
}

const cell = (v: string | number): string => (typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);

/** The report as CSV: one row per figure, the site's fields and the period on every row (amounts in minor units). */
export function reportCsv(r: SettlementReport): { fileName: string; csv: string } {
  const header = ['site_id', 'site_name', 'village', 'period_from', 'period_to', 'currency', 'figure', 'member_id', 'member_name', 'energy_wh', 'amount_minor'];
  const rows: (string | number)[][] = [];
  const add = (figure: string, wh: number | '', amount: number | '', member: { id: number; name: string } | null = null) => rows.push([r.site.id, r.site.name, r.site.village, r.period.from, r.period.to, r.period.currency, figure, member?.id ?? '', member?.name ?? '', wh, amount]);
  add('energy_sold_p2p', r.energy.p2pWh, r.sales.p2pMinor);
  add('energy_sold_pool', r.energy.poolWh, r.sales.poolMinor);
  add('energy_sold_main_supply', r.energy.mainWh, r.sales.mainMinor);
  add('fixed_fees', '', r.fees.fixedMinor);
  add('grid_fees', '', r.fees.gridMinor);
  add('wheeling_fees', '', r.fees.wheelingMinor);
  add('tax', '', r.taxMinor);
  for (const o of r.owners) {
    const m = { id: o.memberId, name: o.memberName };
    add('owner_energy_revenue', '', o.leaseMinor, m);
    add('owner_instalments', '', o.instalmentMinor, m);
    add('owner_surplus_share', '', o.surplusShareMinor, m);
    add('owner_rent_paid', '', o.rentPaidMinor, m);
  }
  for (const h of r.rentShares) add('host_rent_share', '', h.rentMinor, { id: h.memberId, name: h.memberName });
  const csv = [header, ...rows].map((row) => row.map((v) => cell(v)).join(',')).join('\r\n') + '\r\n';
  const slug = r.site.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `site-${r.site.id}`;
  return { fileName: `settlement-${slug}-${r.period.from}-${r.period.to}.csv`, csv };
}
