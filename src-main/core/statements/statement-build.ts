// One member's statement of a posted period, built from what was posted: the stored lines (the same
// records the chain mirror anchors), the member-days the settlement was computed from, the main-supply
// bill of the same consumption (rated by the site tariff's rating function, in statement-source.ts),
// the journal (balance) and the payments. Pure: the same input always gives the same document.
//
// Every total re-derives from its parts (statement.property.test.ts):
//   money.netMinor = Σ lines = creditedMinor + chargedMinor
//   money.carriedMinor = broughtForward + net + payments + other
//   energy.consumedWh = self + community + main = Σ days; communityWh = Σ by source
//   savings = mainOnlyBill − actualCost, actualCost = −net
import { ENERGY_SOURCES, type EnergySource } from '../../contract/energy.js';
import {
  STATEMENT_FORMAT,
  STATEMENT_VERSION,
  type StatementAnchor,
  type StatementDay,
  type StatementDocument,
  type StatementEnergy,
  type StatementLine,
  type StatementLocale,
  type StatementPayment,
  type StatementTokens,
} from '../../contract/statements.js';
import { memberStatementHash, type StatementLineRecord } from '../settlement/mirror/statement-line.js';

/** A member's energy of one local day, per source where it matters (whole Wh). */
export interface MemberEnergyDay {
  readonly date: string;
  readonly selfWh: number;
  readonly communityBySource: Readonly<Record<EnergySource, number>>;
  readonly mainWh: number;
  readonly soldWh: number;
  readonly estimatedWh: number;
  readonly unattestedWh: number;
}

export interface StatementBuildInput {
  readonly locale: StatementLocale;
  readonly cooperativeName: string;
  readonly period: StatementDocument['period'];
  readonly member: StatementDocument['member'];
  readonly currency: string;
  /** The member's posted lines, as the mirror anchors them. */
  readonly lines: readonly StatementLineRecord[];
  readonly days: readonly MemberEnergyDay[];
  /** The member's whole consumption of the period rated as if all of it came from the main supply. */
  readonly mainOnlyBillMinor: number;
  readonly tokens: StatementTokens;
  readonly payments: readonly StatementPayment[];
  /** The member account's balance before the period, and the sum of its other entries in the period. */
  readonly broughtForwardMinor: number;
  readonly otherMinor: number;
  readonly anchor: StatementAnchor | null;
}

export class StatementBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatementBuildError';
  }
}

const emptyBySource = (): Record<EnergySource, number> => Object.fromEntries(ENERGY_SOURCES.map((s) => [s, 0])) as Record<EnergySource, number>;

function whole(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new StatementBuildError(`${what} must be a whole number, not ${String(value)}.`);
  return value;
}

export function statementLinesOf(lines: readonly StatementLineRecord[]): StatementLine[] {
  return [...lines]
    .sort((a, b) => a.lineId - b.lineId)
    .map((l) => ({ lineId: l.lineId, code: l.code, counterparty: l.counterparty, amountMinor: l.amount, quantityWh: l.quantityWh, sources: l.sources }));
}

/** The anchored records of a statement's lines (what its canonical hash is computed from). */
export function lineRecordsOf(doc: Pick<StatementDocument, 'period' | 'member' | 'currency' | 'lines'>): StatementLineRecord[] {
  return doc.lines.map((l) => ({ lineId: l.lineId, periodId: doc.period.id, memberId: doc.member.id, code: l.code, counterparty: l.counterparty, currency: doc.currency, amount: l.amountMinor, quantityWh: l.quantityWh, sources: l.sources }));
}

export function moneyOfLines(lines: readonly Pick<StatementLine, 'amountMinor'>[]): { chargedMinor: number; creditedMinor: number; netMinor: number } {
  let chargedMinor = 0;
  let creditedMinor = 0;
  for (const l of lines) {
    if (l.amountMinor < 0) chargedMinor += l.amountMinor;
    else creditedMinor += l.amountMinor;
  }
  return { chargedMinor, creditedMinor, netMinor: chargedMinor + creditedMinor };
}

export function energyOfDays(days: readonly MemberEnergyDay[]): { energy: StatementEnergy; days: StatementDay[] } {
  const bySource = emptyBySource();
  let selfWh = 0, mainWh = 0, soldWh = 0, estimatedWh = 0, unattestedWh = 0;
  const out: StatementDay[] = [];
  for (const d of [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    let communityWh = 0;
    for (const s of ENERGY_SOURCES) {
      const wh = whole(d.communityBySource[s] ?? 0, `Energy from the community (${s}) on ${d.date}`);
      bySource[s] += wh;
      communityWh += wh;
    }
    selfWh += whole(d.selfWh, `Self-consumed energy on ${d.date}`);
    mainWh += whole(d.mainWh, `Main-supply energy on ${d.date}`);
    soldWh += whole(d.soldWh, `Energy sold on ${d.date}`);
    estimatedWh += whole(d.estimatedWh, `Estimated energy on ${d.date}`);
    unattestedWh += whole(d.unattestedWh, `Unattested energy on ${d.date}`);
    out.push({ date: d.date, selfWh: d.selfWh, communityWh, mainWh: d.mainWh, soldWh: d.soldWh, estimatedWh: d.estimatedWh });
  }
  const communityWh = ENERGY_SOURCES.reduce((sum, s) => sum + bySource[s], 0);
  return { energy: { selfWh, communityBySource: bySource, communityWh, mainWh, soldWh, consumedWh: selfWh + communityWh + mainWh, estimatedWh, unattestedWh }, days: out };
}

/**
 * Share of consumption met by own and community generation, in basis points. Rounded down, so a
 * statement never claims more independence than the member had (10000 only when no main supply).
 */
export function selfSufficiencyBp(energy: Pick<StatementEnergy, 'selfWh' | 'communityWh' | 'consumedWh'>): number {
  if (energy.consumedWh <= 0) return 0;
  return Math.floor(((energy.selfWh + energy.communityWh) * 10_000) / energy.consumedWh);
}

export function buildStatement(input: StatementBuildInput): StatementDocument {
  if (input.lines.length === 0) throw new StatementBuildError(`Member ${input.member.memberNo} has no line in period ${input.period.id}: there is no statement.`);
  for (const l of input.lines) {
    if (l.memberId !== input.member.id || l.periodId !== input.period.id) throw new StatementBuildError(`Line ${l.lineId} is not a line of member ${input.member.memberNo} in period ${input.period.id}.`);
  }
  const lines = statementLinesOf(input.lines);
  const money = moneyOfLines(lines);
  const { energy, days } = energyOfDays(input.days);
  const paymentsMinor = input.payments.reduce((sum, p) => sum + whole(p.amountMinor, `Payment ${p.receiptNo}`), 0);
  const broughtForwardMinor = whole(input.broughtForwardMinor, 'The balance brought forward');
  const otherMinor = whole(input.otherMinor, 'Other entries of the period');
  const actualCostMinor = -money.netMinor;
  const mainOnlyBillMinor = whole(input.mainOnlyBillMinor, 'The main-supply-only bill');
  return {
    format: STATEMENT_FORMAT,
    version: STATEMENT_VERSION,
    locale: input.locale,
    cooperativeName: input.cooperativeName,
    period: input.period,
    member: input.member,
    currency: input.currency,
    lines,
    energy,
    days,
    savings: { mainOnlyBillMinor, actualCostMinor, savingsMinor: mainOnlyBillMinor - actualCostMinor },
    selfSufficiencyBp: selfSufficiencyBp(energy),
    tokens: input.tokens,
    payments: input.payments,
    money: { ...money, broughtForwardMinor, paymentsMinor, otherMinor, carriedMinor: broughtForwardMinor + money.netMinor + paymentsMinor + otherMinor },
    hash: memberStatementHash(input.period.id, input.member.id, input.lines),
    anchor: input.anchor,
  };
}

/**
 * The figures of a statement that re-derive from its own parts; the names of those that do not
 * (an altered total on a statement whose lines are intact is caught here, not by the hash).
 */
export function inconsistentFigures(doc: StatementDocument): string[] {
  const wrong: string[] = [];
  const money = moneyOfLines(doc.lines);
  if (money.netMinor !== doc.money.netMinor || money.chargedMinor !== doc.money.chargedMinor || money.creditedMinor !== doc.money.creditedMinor) wrong.push('period total');
  const payments = doc.payments.reduce((s, p) => s + p.amountMinor, 0);
  if (payments !== doc.money.paymentsMinor) wrong.push('payments');
  if (doc.money.broughtForwardMinor + doc.money.netMinor + doc.money.paymentsMinor + doc.money.otherMinor !== doc.money.carriedMinor) wrong.push('balance carried');
  const { energy } = energyOfDays(doc.days.map((d) => ({ ...d, communityBySource: { ...emptyBySource(), other: d.communityWh }, unattestedWh: 0 })));
  if (energy.selfWh !== doc.energy.selfWh || energy.mainWh !== doc.energy.mainWh || energy.soldWh !== doc.energy.soldWh || energy.communityWh !== doc.energy.communityWh) wrong.push('energy summary');
  if (ENERGY_SOURCES.reduce((s, k) => s + (doc.energy.communityBySource[k] ?? 0), 0) !== doc.energy.communityWh) wrong.push('energy by source');
  if (doc.energy.selfWh + doc.energy.communityWh + doc.energy.mainWh !== doc.energy.consumedWh) wrong.push('energy consumed');
  if (selfSufficiencyBp(doc.energy) !== doc.selfSufficiencyBp) wrong.push('self-sufficiency');
  if (doc.savings.actualCostMinor !== -doc.money.netMinor || doc.savings.mainOnlyBillMinor - doc.savings.actualCostMinor !== doc.savings.savingsMinor) wrong.push('savings');
  return wrong;
}
