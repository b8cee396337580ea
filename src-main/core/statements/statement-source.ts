// Reads what a member's statement is built from, for a posted period only: the period's stored lines
// (readSettlementMirrorInput: the very records the chain mirror anchored), the member-days the
// settlement was computed from, the site tariff (the main-supply-only bill is rated by the existing
// rating function through tariff-calendar.rateSlots), the journal (balance, payments) and the
// period's anchor (Merkle path from the stored leaves). A period context is loaded once and shared by
// every member's statement of the period (2,000 statements read the period's lines once).
import type { Database } from 'better-sqlite3';
import { ENERGY_SOURCES, type EnergySource } from '../../contract/energy.js';
import type { StatementAnchor, StatementLocale, StatementPayment, StatementTokens } from '../../contract/statements.js';
import { merkleProof, type Hex } from '../chain/anchors/merkle.js';
import { SLOTS_PER_DAY } from '../energy/estimation.js';
import { DAY_VALUES, F, decodeMemberDay } from '../energy/member-day-codec.js';
import { receiptNo } from '../payments/payments-repo.js';
import { entryKeyPrefix } from '../settlement/posting.js';
import { mirrorAnchorReference } from '../settlement/mirror/mirror-enqueue.js';
import { readSettlementMirrorInput } from '../settlement/mirror/settlement-source.js';
import { memberStatementKey, type StatementLineRecord } from '../settlement/mirror/statement-line.js';
import { periodSlots, tariffVersionsOf } from '../settlement/settlement-inputs.js';
import { PeriodSlots, rateSlots, tariffSegments, type TariffSegment } from '../settlement/tariff-calendar.js';
import type { MemberEnergyDay, StatementBuildInput } from './statement-build.js';

const Q = 900_000;
const DAY_MS = 86_400_000;

/** Green tokens of a member's period; the token ledger (core/tokens) answers once it exists. */
export type TokensOfMemberPeriod = (db: Database, memberId: number, periodId: number) => StatementTokens;
export const NO_TOKEN_LEDGER: TokensOfMemberPeriod = () => ({ available: false, earned: 0, bonus: 0, awards: [] });

export class StatementSourceError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'NOT_POSTED' | 'NO_STATEMENT',
    message: string,
  ) {
    super(message);
    this.name = 'StatementSourceError';
  }
}

interface AnchorOfPeriod {
  readonly subject: string;
  readonly root: Hex;
  readonly sender: string;
  readonly blockNumber: number;
  readonly blockHash: string;
  readonly extrinsicIndex: number;
  readonly leaves: readonly Hex[];
  readonly positionOf: ReadonlyMap<string, number>;
}

export interface PeriodStatementContext {
  readonly periodId: number;
  readonly siteId: number;
  readonly from: string;
  readonly to: string;
  readonly siteName: string;
  readonly postedAt: string | null;
  readonly currency: string;
  readonly cooperativeName: string;
  readonly locale: StatementLocale;
  readonly linesByMember: ReadonlyMap<number, readonly StatementLineRecord[]>;
  readonly slots: PeriodSlots;
  readonly segments: readonly TariffSegment[];
  readonly anchor: AnchorOfPeriod | null;
}

export function loadPeriodContext(db: Database, periodId: number): PeriodStatementContext {
  const period = db
    .prepare(`SELECT p.id, p.site_id, p.period_from, p.period_to, p.status, p.currency, p.tariff_plan_id, p.posted_at, s.name AS site_name FROM settlement_periods p JOIN sites s ON s.id = p.site_id WHERE p.id = ?`)
    .get(periodId) as { id: number; site_id: number; period_from: string; period_to: string; status: string; currency: string; tariff_plan_id: number | null; posted_at: string | null; site_name: string } | undefined;
  if (!period) throw new StatementSourceError('NOT_FOUND', `There is no settlement period ${periodId}.`);
  if (period.status !== 'posted') throw new StatementSourceError('NOT_POSTED', `Settlement period ${periodId} is ${period.status}: statements exist for posted periods only.`);
  const coop = db.prepare('SELECT name, timezone, locale FROM cooperative WHERE id = 1').get() as { name: string; timezone: string; locale: string };
  const linesByMember = new Map<number, StatementLineRecord[]>();
  for (const line of readSettlementMirrorInput(db, periodId).lines) {
    const list = linesByMember.get(line.memberId);
    if (list) list.push(line);
    else linesByMember.set(line.memberId, [line]);
  }
  const { firstSlotMs, slotCount } = periodSlots(period.period_from, period.period_to, coop.timezone);
  const slots = new PeriodSlots({ firstSlotMs, slotCount, timeZone: coop.timezone, from: period.period_from, to: period.period_to });
  const segments = period.tariff_plan_id === null ? [] : tariffSegments(slots, tariffVersionsOf(db, [period.tariff_plan_id]), period.tariff_plan_id, `plan ${period.tariff_plan_id}`);
  return {
    periodId,
    siteId: period.site_id,
    from: period.period_from,
    to: period.period_to,
    siteName: period.site_name,
    postedAt: period.posted_at,
    currency: period.currency,
    cooperativeName: coop.name,
    locale: coop.locale.startsWith('fr') ? 'fr' : 'en',
    linesByMember,
    slots,
    segments,
    anchor: anchorOfPeriod(db, periodId),
  };
}

function anchorOfPeriod(db: Database, periodId: number): AnchorOfPeriod | null {
  const row = db
    .prepare(
      `SELECT a.id, a.subject, a.root, o.signer, o.status, o.block_number, o.block_hash, o.extrinsic_index FROM chain_anchors a JOIN chain_outbox o ON o.id = a.outbox_id WHERE o.reference = ?`,
    )
    .get(mirrorAnchorReference(periodId)) as { id: number; subject: string; root: Hex; signer: string; status: string; block_number: number | null; block_hash: string | null; extrinsic_index: number | null } | undefined;
  if (!row || row.status !== 'finalized' || row.block_number === null || row.block_hash === null || row.extrinsic_index === null) return null;
  const leaves = db.prepare('SELECT record_key, leaf_hash FROM chain_anchor_leaves WHERE anchor_id = ? ORDER BY position').all(row.id) as { record_key: string; leaf_hash: Hex }[];
  return {
    subject: row.subject,
    root: row.root,
    sender: row.signer,
    blockNumber: row.block_number,
    blockHash: row.block_hash,
    extrinsicIndex: row.extrinsic_index,
    leaves: leaves.map((l) => l.leaf_hash),
    positionOf: new Map(leaves.map((l, i) => [l.record_key, i])),
  };
}

export function statementAnchor(ctx: PeriodStatementContext, memberId: number): StatementAnchor | null {
  const a = ctx.anchor;
  const index = a?.positionOf.get(memberStatementKey(memberId));
  if (!a || index === undefined) return null;
  return { subject: a.subject, root: a.root, leafIndex: index, leafCount: a.leaves.length, steps: merkleProof(a.leaves, index), sender: a.sender, blockNumber: a.blockNumber, blockHash: a.blockHash, extrinsicIndex: a.extrinsicIndex };
}

/** The member's energy per local day of the period, and the period's consumption per slot. */
export function memberEnergy(db: Database, ctx: PeriodStatementContext, memberId: number): { days: MemberEnergyDay[]; consumedPerSlot: Float64Array } {
  const { firstSlotMs, slotCount } = ctx.slots.input;
  const endMs = firstSlotMs + slotCount * Q;
  const firstDay = new Date(Math.floor(firstSlotMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  const lastDay = new Date(Math.floor((endMs - 1) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  const rows = db.prepare(`SELECT day, flows FROM energy_member_days WHERE site_id = ? AND member_id = ? AND day >= ? AND day <= ? ORDER BY day`).raw().all(ctx.siteId, memberId, firstDay, lastDay) as [string, Buffer][];
  const consumedPerSlot = new Float64Array(slotCount);
  const byDate = new Map<string, { selfWh: number; community: Record<EnergySource, number>; mainWh: number; soldWh: number; estimatedWh: number; unattestedWh: number }>();
  const values = new Float64Array(DAY_VALUES);
  for (const [day, blob] of rows) {
    values.fill(0);
    decodeMemberDay(blob, values);
    const dayMs = Date.parse(`${day}T00:00:00Z`);
    const from = Math.max(0, (firstSlotMs - dayMs) / Q);
    const to = Math.min(SLOTS_PER_DAY, (endMs - dayMs) / Q);
    for (let s = from; s < to; s++) {
      const k = (dayMs - firstSlotMs) / Q + s;
      const date = ctx.slots.date[k] as string;
      let d = byDate.get(date);
      if (!d) byDate.set(date, (d = { selfWh: 0, community: Object.fromEntries(ENERGY_SOURCES.map((x) => [x, 0])) as Record<EnergySource, number>, mainWh: 0, soldWh: 0, estimatedWh: 0, unattestedWh: 0 }));
      const at = (field: number): number => values[field * SLOTS_PER_DAY + s] ?? 0;
      let consumed = at(F.self) + at(F.mainImport);
      ENERGY_SOURCES.forEach((source, i) => {
        const wh = at(F.p2pMix + i) + at(F.poolMix + i);
        d.community[source] += wh;
        consumed += wh;
      });
      d.selfWh += at(F.self);
      d.mainWh += at(F.mainImport);
      d.soldWh += at(F.p2pSold) + at(F.poolShared);
      d.estimatedWh += at(F.estimated);
      d.unattestedWh += at(F.unattested);
      consumedPerSlot[k] = consumed;
    }
  }
  const days = [...byDate].map(([date, d]) => ({ date, selfWh: d.selfWh, communityBySource: d.community, mainWh: d.mainWh, soldWh: d.soldWh, estimatedWh: d.estimatedWh, unattestedWh: d.unattestedWh }));
  return { days, consumedPerSlot };
}

/** The member's whole consumption rated at the site tariff as if it all came from the main supply. */
export function mainOnlyBill(ctx: PeriodStatementContext, consumedPerSlot: Float64Array): number {
  return rateSlots(ctx.slots, ctx.segments, (k) => consumedPerSlot[k] ?? 0).reduce((sum, r) => sum + r.bill.totalMinor, 0);
}

/** Balance before the period, payments booked in it, and the other entries of the period (journal). */
export function memberBooks(db: Database, ctx: PeriodStatementContext, memberId: number): { broughtForwardMinor: number; payments: StatementPayment[]; settledMinor: number; otherMinor: number } {
  const rows = db
    .prepare(
      `SELECT e.id, e.kind, e.effective_date, e.idempotency_key, l.credit - l.debit AS amount,
              COALESCE(p.id, r.payment_id) AS payment_id, COALESCE(p.method, pr.method) AS method
       FROM journal_lines l JOIN journal_accounts a ON a.id = l.account_id JOIN journal_entries e ON e.id = l.entry_id
       LEFT JOIN payments p ON p.journal_entry_id = e.id
       LEFT JOIN payment_resolutions r ON r.journal_entry_id = e.id LEFT JOIN payments pr ON pr.id = r.payment_id
       WHERE a.kind = 'member' AND a.member_id = ? AND (e.effective_date <= ? OR substr(IFNULL(e.idempotency_key, ''), 1, ?) = ?)
       ORDER BY e.effective_date, e.id`,
    )
    .all(memberId, ctx.to, entryKeyPrefix(ctx.periodId).length, entryKeyPrefix(ctx.periodId)) as { id: number; kind: string; effective_date: string; idempotency_key: string | null; amount: number; payment_id: number | null; method: string | null }[];
  let broughtForwardMinor = 0, settledMinor = 0, otherMinor = 0;
  const payments: StatementPayment[] = [];
  for (const r of rows) {
    if (r.idempotency_key?.startsWith(entryKeyPrefix(ctx.periodId))) settledMinor += r.amount;
    else if (r.effective_date < ctx.from) broughtForwardMinor += r.amount;
    else if (r.kind === 'payment' && r.payment_id !== null) payments.push({ receiptNo: receiptNo(r.payment_id), receivedOn: r.effective_date, amountMinor: r.amount, method: r.method ?? '' });
    else otherMinor += r.amount;
  }
  return { broughtForwardMinor, payments, settledMinor, otherMinor };
}

/** Everything buildStatement needs for one member of a loaded period. */
export function statementInput(db: Database, ctx: PeriodStatementContext, memberId: number, options: { locale?: StatementLocale; tokens?: TokensOfMemberPeriod } = {}): StatementBuildInput {
  const lines = ctx.linesByMember.get(memberId);
  if (!lines || lines.length === 0) throw new StatementSourceError('NO_STATEMENT', `Member ${memberId} has no line in settlement period ${ctx.periodId}: there is no statement.`);
  const member = db.prepare('SELECT id, member_no, full_name FROM members WHERE id = ?').get(memberId) as { id: number; member_no: string; full_name: string } | undefined;
  if (!member) throw new StatementSourceError('NOT_FOUND', `There is no member ${memberId}.`);
  const { days, consumedPerSlot } = memberEnergy(db, ctx, memberId);
  const books = memberBooks(db, ctx, memberId);
  return {
    locale: options.locale ?? ctx.locale,
    cooperativeName: ctx.cooperativeName,
    period: { id: ctx.periodId, from: ctx.from, to: ctx.to, siteName: ctx.siteName, postedAt: ctx.postedAt },
    member: { id: member.id, memberNo: member.member_no, fullName: member.full_name },
    currency: ctx.currency,
    lines,
    days,
    mainOnlyBillMinor: mainOnlyBill(ctx, consumedPerSlot),
    tokens: (options.tokens ?? NO_TOKEN_LEDGER)(db, memberId, ctx.periodId),
    payments: books.payments,
    broughtForwardMinor: books.broughtForwardMinor,
    otherMinor: books.otherMinor,
    anchor: statementAnchor(ctx, memberId),
  };
}
