// Builders for settlement inputs in tests (UTC zone, two-day November period unless told).
import { AgreementTerms, type AgreementTermsInput } from '../../contract/agreements.js';
import { TariffDefinition, type TariffDefinitionInput } from '../../contract/tariffs.js';
import { instalmentSchedule } from '../agreements/terms-rules.js';
import type { LeasedEquipmentSlots, MemberSlotFlows, P2pFlowInput, SettlementAgreement, SettlementInput, TariffVersionInput } from './types.js';

export const FROM = '2026-11-01';
export const TO = '2026-11-02';
export const SLOTS = 192;
export const FIRST_MS = Date.parse('2026-11-01T00:00:00Z');

export const tariff = (id: number, planId: number, validFrom: string, definition: TariffDefinitionInput, version = 1): TariffVersionInput => ({ id, planId, version, validFrom, definition: TariffDefinition.parse(definition) });

/** Member flows with the given Wh at given slots ({slot: wh}). */
export function memberFlows(memberId: number, at: { main?: Record<number, number>; pool?: Record<number, number>; shared?: Record<number, number> }, slots = SLOTS): MemberSlotFlows {
  const series = (values: Record<number, number> = {}) => {
    const out = new Float64Array(slots);
    for (const [k, v] of Object.entries(values)) out[Number(k)] = v;
    return out;
  };
  return { memberId, mainImportWh: series(at.main), poolWh: series(at.pool), poolSharedWh: series(at.shared) };
}

export function leasedSlots(agreementId: number, at: { used?: Record<number, number>; sold?: Record<number, number> }, slots = SLOTS): LeasedEquipmentSlots {
  const f = memberFlows(0, { main: at.used, pool: at.sold }, slots);
  return { agreementId, usedWh: f.mainImportWh, soldWh: f.poolWh };
}

export function agreement(id: number, terms: AgreementTermsInput, extra: Partial<SettlementAgreement> = {}): SettlementAgreement {
  const parsed = AgreementTerms.parse(terms);
  return { id, version: 1, terms: parsed, activeFrom: '2026-01-01T00:00:00.000Z', activeUntil: null, schedule: instalmentSchedule(parsed), instalmentsCharged: [], ...extra };
}

export function settlementInput(parts: Partial<SettlementInput> & Pick<SettlementInput, 'memberIds'>): SettlementInput {
  return {
    from: FROM,
    to: TO,
    timeZone: 'UTC',
    firstSlotMs: FIRST_MS,
    slotCount: SLOTS,
    siteTariffPlanId: 1,
    tariffVersions: [tariff(1, 1, '2026-01-01T00:00:00Z', { energy: { mode: 'flat', rateMilliPerKwh: 20_000 } })],
    flows: [],
    agreements: [],
    leased: [],
    p2p: [] as P2pFlowInput[],
    ...parts,
  };
}
