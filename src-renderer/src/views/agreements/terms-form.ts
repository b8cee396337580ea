// The kind-specific terms form ↔ the contract's AgreementTerms. Rates and money are typed in
// currency units, shares in percent; the core stores milli-minor/kWh, minor units and basis points.
// Field names of the state match the contract's paths where they can, so VALIDATION issues
// ("terms.rentShareBps") land on the right field.
import type { AgreementKind, AgreementTermsInput, AgreementTermsValue, ApiIssue, Instalment } from '@contract';
import { bpsFromPercent, bpsToPercent } from '../tariffs/units.js';
import { issueKind } from '../../i18n/issue-kind.js';

export const AGREEMENT_KIND_LIST: readonly AgreementKind[] = ['hosted_lease', 'lease_to_own', 'p2p_sale'];
export const END_OF_TERM_LIST = ['equipment_returns_to_owner', 'host_may_buy_at_residual', 'renew_by_new_agreement'] as const;
export const INSTALMENT_PERIODS = ['monthly', 'quarterly', 'yearly'] as const;
const PERIOD_MONTHS = { monthly: 1, quarterly: 3, yearly: 12 } as const;

export interface TermsFormState {
  kind: AgreementKind;
  startsOn: string | null;
  notes: string;
  // hosted lease + lease-to-own
  equipmentId: number | null;
  ownerMemberId: number | null;
  hostMemberId: number | null;
  energyRateUnits: number | null;
  // hosted lease
  termYears: number | null;
  rentSharePct: number | null;
  surplusOwnerPct: number | null;
  endOfTerm: (typeof END_OF_TERM_LIST)[number];
  // lease-to-own
  priceUnits: number | null;
  instalmentCount: number | null;
  instalmentPeriod: (typeof INSTALMENT_PERIODS)[number];
  // P2P sale
  sellerMemberId: number | null;
  buyersMode: 'members' | 'site';
  buyerMemberIds: number[];
  buyersSiteId: number | null;
  priceMode: 'fixed' | 'tariff';
  fixedRateUnits: number | null;
  tariffPlanId: number | null;
  discountPct: number | null;
  gridFeeOn: boolean;
  gridOperatorMemberId: number | null;
  gridRateUnits: number | null;
  taxOn: boolean;
  governmentMemberId: number | null;
  taxPct: number | null;
  termMonths: number | null;
}

export interface TermUnits {
  rateFromUnits(units: number): number;
  rateToUnits(milli: number): number;
  moneyFromUnits(units: number): number;
  moneyToUnits(minor: number): number;
}

export function emptyTermsForm(kind: AgreementKind, startsOn: string | null): TermsFormState {
  return {
    kind, startsOn, notes: '',
    equipmentId: null, ownerMemberId: null, hostMemberId: null, energyRateUnits: null,
    termYears: 10, rentSharePct: 10, surplusOwnerPct: 50, endOfTerm: 'equipment_returns_to_owner',
    priceUnits: null, instalmentCount: 60, instalmentPeriod: 'monthly',
    sellerMemberId: null, buyersMode: 'members', buyerMemberIds: [], buyersSiteId: null, priceMode: 'fixed', fixedRateUnits: null, tariffPlanId: null, discountPct: 0,
    gridFeeOn: false, gridOperatorMemberId: null, gridRateUnits: null, taxOn: false, governmentMemberId: null, taxPct: null, termMonths: 12,
  };
}

export function formFromTerms(terms: AgreementTermsValue, units: TermUnits): TermsFormState {
  const form = emptyTermsForm(terms.kind, terms.startsOn);
  form.notes = terms.notes;
  switch (terms.kind) {
    case 'hosted_lease':
      return { ...form, equipmentId: terms.equipmentId, ownerMemberId: terms.ownerMemberId, hostMemberId: terms.hostMemberId, energyRateUnits: units.rateToUnits(terms.energyRateMilliPerKwh), termYears: terms.termYears, rentSharePct: bpsToPercent(terms.rentShareBps), surplusOwnerPct: bpsToPercent(terms.surplusOwnerBps), endOfTerm: terms.endOfTerm };
    case 'lease_to_own':
      return { ...form, equipmentId: terms.equipmentId, ownerMemberId: terms.ownerMemberId, hostMemberId: terms.hostMemberId, energyRateUnits: units.rateToUnits(terms.energyRateMilliPerKwh), priceUnits: units.moneyToUnits(terms.priceMinor), instalmentCount: terms.instalmentCount, instalmentPeriod: terms.instalmentPeriod };
    case 'p2p_sale':
      return {
        ...form,
        sellerMemberId: terms.sellerMemberId,
        buyersMode: terms.buyers.mode,
        buyerMemberIds: terms.buyers.mode === 'members' ? [...terms.buyers.memberIds] : [],
        buyersSiteId: terms.buyers.mode === 'site' ? terms.buyers.siteId : null,
        priceMode: terms.priceRule.mode,
        fixedRateUnits: terms.priceRule.mode === 'fixed' ? units.rateToUnits(terms.priceRule.rateMilliPerKwh) : null,
        tariffPlanId: terms.priceRule.mode === 'tariff' ? terms.priceRule.tariffPlanId : null,
        discountPct: terms.priceRule.mode === 'tariff' ? bpsToPercent(terms.priceRule.discountBps) : 0,
        gridFeeOn: terms.gridFee !== null,
        gridOperatorMemberId: terms.gridFee?.operatorMemberId ?? null,
        gridRateUnits: terms.gridFee ? units.rateToUnits(terms.gridFee.rateMilliPerKwh) : null,
        taxOn: terms.tax !== null,
        governmentMemberId: terms.tax?.governmentMemberId ?? null,
        taxPct: terms.tax ? bpsToPercent(terms.tax.rateBps) : null,
        termMonths: terms.termMonths,
      };
  }
}

// Blank required numbers go out as -1 / 0 on purpose: the core's validation then names the field.
const num = (value: number | null, fallback = -1) => (value === null ? fallback : value);
const id = (value: number | null) => value ?? 0;

export function termsFromForm(form: TermsFormState, units: TermUnits): AgreementTermsInput {
  const rate = (value: number | null) => (value === null ? -1 : units.rateFromUnits(value));
  const startsOn = form.startsOn ?? '';
  switch (form.kind) {
    case 'hosted_lease':
      return {
        kind: 'hosted_lease', equipmentId: id(form.equipmentId), ownerMemberId: id(form.ownerMemberId), hostMemberId: id(form.hostMemberId), startsOn,
        termYears: num(form.termYears, 0), energyRateMilliPerKwh: rate(form.energyRateUnits), rentShareBps: bpsFromPercent(num(form.rentSharePct)), surplusOwnerBps: bpsFromPercent(num(form.surplusOwnerPct)),
        endOfTerm: form.endOfTerm, notes: form.notes,
      };
    case 'lease_to_own':
      return {
        kind: 'lease_to_own', equipmentId: id(form.equipmentId), ownerMemberId: id(form.ownerMemberId), hostMemberId: id(form.hostMemberId), startsOn,
        priceMinor: form.priceUnits === null ? 0 : units.moneyFromUnits(form.priceUnits), instalmentCount: num(form.instalmentCount, 0), instalmentPeriod: form.instalmentPeriod,
        energyRateMilliPerKwh: rate(form.energyRateUnits), notes: form.notes,
      };
    case 'p2p_sale':
      return {
        kind: 'p2p_sale',
        sellerMemberId: id(form.sellerMemberId),
        buyers: form.buyersMode === 'members' ? { mode: 'members', memberIds: form.buyerMemberIds } : { mode: 'site', siteId: id(form.buyersSiteId) },
        priceRule: form.priceMode === 'fixed' ? { mode: 'fixed', rateMilliPerKwh: rate(form.fixedRateUnits) } : { mode: 'tariff', tariffPlanId: id(form.tariffPlanId), discountBps: bpsFromPercent(form.discountPct ?? 0) },
        gridFee: form.gridFeeOn ? { operatorMemberId: id(form.gridOperatorMemberId), rateMilliPerKwh: rate(form.gridRateUnits) } : null,
        tax: form.taxOn ? { governmentMemberId: id(form.governmentMemberId), rateBps: bpsFromPercent(num(form.taxPct)) } : null,
        startsOn,
        termMonths: num(form.termMonths, 0),
        notes: form.notes,
      };
  }
}

/** Same rule as the core (terms-rules.ts): keep the day, or the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * The schedule the core will store, previewed while typing: equal instalments one period apart,
 * the leftover minor units one each to the earliest instalments, so they sum exactly to the price.
 */
export function previewInstalments(priceMinor: number, count: number, period: (typeof INSTALMENT_PERIODS)[number], startsOn: string): Instalment[] {
  if (!Number.isSafeInteger(priceMinor) || priceMinor <= 0 || !Number.isInteger(count) || count < 1 || count > 360 || !/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) return [];
  const base = Math.floor(priceMinor / count);
  const extra = priceMinor - base * count;
  return Array.from({ length: count }, (_, index) => ({ number: index + 1, dueOn: addMonths(startsOn, (index + 1) * PERIOD_MONTHS[period]), amountMinor: base + (index < extra ? 1 : 0) }));
}

/**
 * What the operator has to do about a field, as a key under `agreements.validation`. The wizard checks
 * the form with these before calling the API, so an empty form gets one plain instruction per field in
 * the operator's language; the core's validation stays the authority and still runs on save.
 */
export type TermsProblem =
  | 'giveTitle' | 'chooseSeller' | 'chooseOwner' | 'chooseHost' | 'chooseEquipment' | 'chooseStart'
  | 'enterRate' | 'rateNegative' | 'nameBuyers' | 'buyerTwice' | 'chooseSite' | 'choosePlan' | 'percentRange'
  | 'enterTermMonths' | 'enterTermYears' | 'enterPrice' | 'enterInstalments' | 'enterShare'
  | 'chooseGridOperator' | 'chooseGovernment' | 'enterTax';
/** Problems keyed by the contract's path relative to `terms` ("priceRule.rateMilliPerKwh"), plus "title". */
export type TermsProblems = Record<string, TermsProblem>;

/** The problem a field has when it is left empty (also what a server issue of that path means). */
const MISSING: Readonly<Record<string, TermsProblem>> = {
  title: 'giveTitle',
  sellerMemberId: 'chooseSeller',
  ownerMemberId: 'chooseOwner',
  hostMemberId: 'chooseHost',
  equipmentId: 'chooseEquipment',
  startsOn: 'chooseStart',
  energyRateMilliPerKwh: 'enterRate',
  'priceRule.rateMilliPerKwh': 'enterRate',
  'gridFee.rateMilliPerKwh': 'enterRate',
  'buyers.memberIds': 'nameBuyers',
  'buyers.siteId': 'chooseSite',
  'priceRule.tariffPlanId': 'choosePlan',
  'priceRule.discountBps': 'percentRange',
  'gridFee.operatorMemberId': 'chooseGridOperator',
  'tax.governmentMemberId': 'chooseGovernment',
  'tax.rateBps': 'enterTax',
  termMonths: 'enterTermMonths',
  termYears: 'enterTermYears',
  priceMinor: 'enterPrice',
  instalmentCount: 'enterInstalments',
  rentShareBps: 'enterShare',
  surplusOwnerBps: 'enterShare',
};

const inRange = (value: number | null, min: number, max: number) => value !== null && Number.isInteger(value) && value >= min && value <= max;
const isPercent = (value: number | null) => value !== null && value >= 0 && value <= 100;

export function validateTerms(title: string, form: TermsFormState): TermsProblems {
  const out: TermsProblems = {};
  const need = (ok: boolean, path: string, problem: TermsProblem = MISSING[path] as TermsProblem) => {
    if (!ok) out[path] ??= problem;
  };
  const rate = (value: number | null, path: string) => (value === null ? need(false, path) : need(value >= 0, path, 'rateNegative'));
  need(title.trim() !== '', 'title');
  need(form.startsOn !== null && /^\d{4}-\d{2}-\d{2}$/.test(form.startsOn), 'startsOn');
  if (form.kind !== 'p2p_sale') {
    need(form.ownerMemberId !== null, 'ownerMemberId');
    need(form.hostMemberId !== null, 'hostMemberId');
    need(form.equipmentId !== null, 'equipmentId');
    rate(form.energyRateUnits, 'energyRateMilliPerKwh');
  }
  if (form.kind === 'hosted_lease') {
    need(inRange(form.termYears, 1, 30), 'termYears');
    need(isPercent(form.rentSharePct), 'rentShareBps');
    need(isPercent(form.surplusOwnerPct), 'surplusOwnerBps');
  } else if (form.kind === 'lease_to_own') {
    need(form.priceUnits !== null && form.priceUnits > 0, 'priceMinor');
    need(inRange(form.instalmentCount, 1, 360), 'instalmentCount');
  } else {
    need(form.sellerMemberId !== null, 'sellerMemberId');
    need(inRange(form.termMonths, 1, 600), 'termMonths');
    if (form.buyersMode === 'members') {
      need(form.buyerMemberIds.length > 0, 'buyers.memberIds');
      need(new Set(form.buyerMemberIds).size === form.buyerMemberIds.length, 'buyers.memberIds', 'buyerTwice');
    } else need(form.buyersSiteId !== null, 'buyers.siteId');
    if (form.priceMode === 'fixed') rate(form.fixedRateUnits, 'priceRule.rateMilliPerKwh');
    else {
      need(form.tariffPlanId !== null, 'priceRule.tariffPlanId');
      need(isPercent(form.discountPct ?? 0), 'priceRule.discountBps');
    }
    if (form.gridFeeOn) {
      need(form.gridOperatorMemberId !== null, 'gridFee.operatorMemberId');
      rate(form.gridRateUnits, 'gridFee.rateMilliPerKwh');
    }
    if (form.taxOn) {
      need(form.governmentMemberId !== null, 'tax.governmentMemberId');
      need(isPercent(form.taxPct), 'tax.rateBps');
    }
  }
  return out;
}

/** A message at a field: a problem the console words itself, or the core's issue in the operator's words. */
export type FieldMessage = { problem: TermsProblem } | { text: string };

// Kinds of issue (see i18n/issue-text.ts) that mean "this field is missing": blanks go out as
// -1 / 0 / "", so the core answers "cannot be negative", "choose one" or "required".
const MEANS_MISSING = new Set(['required', 'choose', 'chooseAtLeastOne', 'negative', 'aboveZero', 'number', 'date']);

/**
 * Places the core's issues (paths "title", "terms.…") on the form's fields. A known field gets the
 * same problem the client check names, unless the core found something more specific ("at most 30
 * years"), which is said in the operator's language by `describe`. Issues of paths the form does
 * not show come back in `unplaced`, for a banner.
 */
export function placeServerIssues(issues: readonly ApiIssue[], describe: (issue: ApiIssue) => string): { fields: Record<string, FieldMessage>; unplaced: string[] } {
  const fields: Record<string, FieldMessage> = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    const path = issue.path.startsWith('terms.') ? issue.path.slice('terms.'.length) : issue.path;
    const missing = MISSING[path];
    if (!missing) {
      unplaced.push(describe(issue));
      continue;
    }
    if (fields[path]) continue;
    const kind = issueKind(issue);
    if (kind === 'reason.buyerTwice') fields[path] = { problem: 'buyerTwice' };
    else if (MEANS_MISSING.has(kind)) fields[path] = { problem: missing };
    else fields[path] = { text: describe(issue) };
  }
  return { fields, unplaced };
}
