// Contract-shaped energy answers for store and chart tests (hand-made, small, every field set).
import type { EnergyFlows, EnergyKpis, EnergySeries, MemberEnergy, MemberEnergyDay, RecomputeState, SourceMix } from '@contract';

export const mix = (values: Partial<Record<keyof SourceMix, number>> = {}): SourceMix => ({ solar: 0, wind: 0, hydro: 0, biogas: 0, battery: 0, other: 0, ...values });

/** A series of `points` buckets; solar and wind alternate so both sources appear. */
export function seriesOf(points: number, overrides: Partial<EnergySeries> = {}): EnergySeries {
  const starts = Array.from({ length: points }, (_, i) => new Date(Date.UTC(2026, 10, 1) + i * 900_000).toISOString());
  const zeros = () => starts.map(() => 0);
  return {
    siteId: 1, bucket: 'interval', starts, computedPerBucket: starts.map(() => 1),
    generationBySource: { solar: starts.map((_, i) => 100 + i), wind: starts.map((_, i) => (i % 2) * 50), hydro: zeros(), biogas: zeros(), battery: zeros(), other: zeros() },
    consumptionWh: starts.map(() => 120), selfConsumedWh: starts.map(() => 60), sharedWh: starts.map(() => 40), p2pWh: starts.map(() => 10),
    mainImportWh: starts.map(() => 20), mainExportWh: starts.map(() => 30), estimatedWh: zeros(), unattestedWh: zeros(),
    intervalsComputed: points, intervalsMissing: 0, ...overrides,
  };
}

export const flowsOf = (siteId = 1): EnergyFlows => ({
  siteId, from: '2026-11-01', to: '2026-11-30',
  nodes: [
    { id: 'source:solar', kind: 'source', label: 'Solar', source: 'solar', memberId: null },
    { id: 'self', kind: 'self', label: 'Self-consumed', source: null, memberId: null },
    { id: 'community', kind: 'community', label: 'Community', source: null, memberId: null },
    { id: 'member:2', kind: 'member', label: 'Baraka <b>Otieno</b>', source: null, memberId: 2 },
    { id: 'main_in', kind: 'main_supply_in', label: 'Main supply', source: null, memberId: null },
    { id: 'main_out', kind: 'main_supply_out', label: 'Main supply', source: null, memberId: null },
  ],
  links: [
    { from: 'source:solar', to: 'self', wh: 6000, estimatedWh: 0, unattestedWh: 0 },
    { from: 'source:solar', to: 'community', wh: 4000, estimatedWh: 500, unattestedWh: 0 },
    { from: 'community', to: 'member:2', wh: 3000, estimatedWh: 500, unattestedWh: 0 },
    { from: 'community', to: 'main_out', wh: 1000, estimatedWh: 0, unattestedWh: 0 },
    { from: 'main_in', to: 'member:2', wh: 0, estimatedWh: 0, unattestedWh: 0 },
  ],
});

export const kpisOf = (siteId = 1): EnergyKpis => ({
  siteId, from: '2026-11-01', to: '2026-11-30', demandWh: 12_000, localGenerationWh: 10_000, locallyCoveredWh: 9000, locallyUsedWh: 9000,
  selfSufficiencyBp: 7500, selfConsumptionBp: 9000, sourceShares: [{ source: 'solar', wh: 10_000, shareBp: 10_000 }], estimatedWh: 500, unattestedWh: 0,
  definitions: { selfSufficiency: '', selfConsumption: '', sourceShare: '' },
});

export function recomputeOf(done: number, status: RecomputeState['status'] = 'running', jobId = 'job-1', siteId = 1): RecomputeState {
  return {
    jobId, siteId, status, from: '2026-11-01', to: '2026-11-30', intervalsTotal: 2880, intervalsDone: done, intervalsRecomputed: done,
    excludedReadings: [], error: null, errorCode: null, startedAt: '2026-12-01T00:00:00Z', finishedAt: status === 'running' ? null : '2026-12-01T00:01:00Z',
  };
}

export function memberDay(date: string, values: Partial<MemberEnergyDay> = {}): MemberEnergyDay {
  return {
    date, consumptionWh: 0, selfBySource: mix(), p2pReceivedBySource: mix(), poolReceivedBySource: mix(), mainImportWh: 0,
    p2pSoldWh: 0, poolSharedWh: 0, mainExportWh: 0, estimatedWh: 0, unattestedWh: 0, ...values,
  };
}

export function memberEnergyOf(days: MemberEnergyDay[], memberId = 2): MemberEnergy {
  const sumMix = (pick: (d: MemberEnergyDay) => SourceMix) => {
    const out = { ...mix() };
    for (const day of days) for (const key of Object.keys(out) as (keyof SourceMix)[]) out[key] += pick(day)[key];
    return out;
  };
  const sum = (pick: (d: MemberEnergyDay) => number) => days.reduce((s, d) => s + pick(d), 0);
  return {
    memberId, siteId: 1, from: days[0]?.date ?? '2026-11-01', to: days[days.length - 1]?.date ?? '2026-11-01', days,
    total: {
      consumptionWh: sum((d) => d.consumptionWh), selfBySource: sumMix((d) => d.selfBySource), p2pReceivedBySource: sumMix((d) => d.p2pReceivedBySource),
      poolReceivedBySource: sumMix((d) => d.poolReceivedBySource), mainImportWh: sum((d) => d.mainImportWh), p2pSoldWh: sum((d) => d.p2pSoldWh),
      poolSharedWh: sum((d) => d.poolSharedWh), mainExportWh: sum((d) => d.mainExportWh), estimatedWh: sum((d) => d.estimatedWh), unattestedWh: sum((d) => d.unattestedWh),
    },
  };
}
