// The metering model at one premises, by hand: host self-consumption = generation − export (never
// negative), the source mix of what leaves, and the flags.
import { describe, expect, it } from 'vitest';
import { emptyPremises, premisesFlows, type ConnectionValue, type GenerationValue } from './premises.js';
import { SOURCE_COUNT, SOURCE_INDEX, mixFrom } from './source-pool.js';

function run(connection: ConnectionValue | null, generation: GenerationValue[]) {
  const surplus = new Float64Array(SOURCE_COUNT);
  const self = new Float64Array(SOURCE_COUNT);
  const out = emptyPremises();
  premisesFlows(connection, generation, surplus, self, 0, out);
  const nonZero = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([, v]) => v));
  return { ...out, surplusMix: nonZero(mixFrom(surplus)), selfMix: nonZero(mixFrom(self)) };
}
const conn = (importWh: number, exportWh: number, flags: Partial<ConnectionValue> = {}): ConnectionValue => ({ importWh, exportWh, estimated: false, unattested: false, ...flags });
const gen = (source: keyof typeof SOURCE_INDEX, wh: number, flags: Partial<GenerationValue> = {}): GenerationValue => ({ source: SOURCE_INDEX[source], wh, estimated: false, unattested: false, ...flags });

describe('premisesFlows', () => {
  it('self-consumption = generation − export', () => {
    const r = run(conn(5, 30), [gen('solar', 100)]);
    expect([r.deficit, r.surplus, r.selfWh, r.surplusMix, r.selfMix]).toEqual([5, 30, 70, { solar: 30 }, { solar: 70 }]);
  });
  it('export above the metered generation: no self-consumption, the excess is an unmetered source', () => {
    const r = run(conn(0, 130), [gen('wind', 100)]);
    expect([r.selfWh, r.surplusMix]).toEqual([0, { wind: 100, other: 30 }]);
  });
  it('splits the export over two generators pro rata (largest remainder)', () => {
    // Export 50 of 60 solar + 40 wind → 30 solar, 20 wind leave; 30 solar + 20 wind stay.
    const r = run(conn(0, 50), [gen('solar', 60), gen('wind', 40)]);
    expect([r.surplusMix, r.selfMix]).toEqual([{ solar: 30, wind: 20 }, { solar: 30, wind: 20 }]);
  });
  it('without a connection meter, the generation is all offered to the community', () => {
    const r = run(null, [gen('hydro', 80)]);
    expect([r.deficit, r.surplus, r.selfWh]).toEqual([0, 80, 0]);
  });
  it('carries the flags: an unattested generation meter, an estimated connection reading', () => {
    const unattested = run(conn(0, 30), [gen('solar', 100, { unattested: true })]);
    expect([unattested.surplusUnattested, unattested.selfUnattested, unattested.surplusEstimated]).toEqual([30, 70, 0]);
    const estimated = run(conn(10, 30, { estimated: true }), [gen('solar', 100)]);
    expect([estimated.surplusEstimated, estimated.selfEstimated, estimated.connectionEstimatedWh]).toEqual([30, 70, 80]);
  });
});
