// The interval allocation against hand-computed cases (every expected number worked out in the
// comment), then the invariants on random inputs (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnergySource } from '../../contract/energy.js';
import { allocateInterval, type IntervalInputs, type P2pRule, type PoolKey } from './allocation.js';
import { checkIntervalFlows, flowsOf } from './invariants.js';
import { SOURCE_COUNT, SOURCE_INDEX, mixFrom } from './source-pool.js';

interface M { deficit?: number; mix?: Partial<Record<EnergySource, number>>; estimated?: number; unattested?: number; prefer?: EnergySource[] }
function inputs(members: M[], key: PoolKey = { mode: 'pro_rata' }, agreements: P2pRule[] = []): IntervalInputs {
  const n = members.length;
  const surplusMix = new Float64Array(n * SOURCE_COUNT);
  members.forEach((m, i) => Object.entries(m.mix ?? {}).forEach(([s, wh]) => (surplusMix[i * SOURCE_COUNT + SOURCE_INDEX[s as EnergySource]] = wh)));
  const surplus = members.map((_, i) => Array.from(surplusMix.subarray(i * SOURCE_COUNT, (i + 1) * SOURCE_COUNT)).reduce((a, b) => a + b, 0));
  return {
    memberCount: n, deficit: members.map((m) => m.deficit ?? 0), surplus, surplusMix,
    surplusEstimated: members.map((m) => m.estimated ?? 0), surplusUnattested: members.map((m) => m.unattested ?? 0),
    agreements, key, preferences: members.map((m) => (m.prefer ? m.prefer.map((s) => SOURCE_INDEX[s]) : null)),
  };
}
const received = (a: ReturnType<typeof allocateInterval>, i: number) => {
  const p2p = mixFrom(a.p2pReceived, i * SOURCE_COUNT);
  const pool = mixFrom(a.poolReceived, i * SOURCE_COUNT);
  return { p2p, pool };
};
const pick = (mix: Record<string, number>) => Object.fromEntries(Object.entries(mix).filter(([, v]) => v !== 0));

describe('allocateInterval — pro rata (the default)', () => {
  it('covers every deficit when the surplus is larger, exports the rest; a member with zero consumption gets nothing', () => {
    // A exports 100 solar; B needs 30, C 10, D 0 → B 30, C 10, D 0; A exports 100 − 40 = 60.
    const a = allocateInterval(inputs([{ mix: { solar: 100 } }, { deficit: 30 }, { deficit: 10 }, {}]));
    expect([...a.poolReceived.subarray(SOURCE_COUNT, 2 * SOURCE_COUNT)]).toEqual([30, 0, 0, 0, 0, 0]);
    expect(pick(received(a, 2).pool)).toEqual({ solar: 10 });
    expect(pick(received(a, 3).pool)).toEqual({});
    expect([...a.poolShared]).toEqual([40, 0, 0, 0]);
    expect([...a.mainExport]).toEqual([60, 0, 0, 0]);
    expect([...a.mainImport]).toEqual([0, 0, 0, 0]);
    expect(pick(mixFrom(a.exportedMix, 0))).toEqual({ solar: 60 });
  });
  it('splits a short surplus pro rata of the deficits with the largest remainder', () => {
    // 10 Wh for needs 20 and 10: exact 6.67 and 3.33 → floors 6 + 3, the missing 1 to B (.67) → 7 and 3.
    const a = allocateInterval(inputs([{ mix: { solar: 10 } }, { deficit: 20 }, { deficit: 10 }]));
    expect([...a.mainImport]).toEqual([0, 13, 7]);
    expect(pick(received(a, 1).pool)).toEqual({ solar: 7 });
    expect([...a.mainExport]).toEqual([0, 0, 0]);
  });
  it('keeps the source mix pro rata of the sellers', () => {
    // A: 20 solar + 10 wind; B needs 10 → 6.67 solar, 3.33 wind → 7 solar, 3 wind; A exports 13 solar, 7 wind.
    const a = allocateInterval(inputs([{ mix: { solar: 20, wind: 10 } }, { deficit: 10 }]));
    expect(pick(received(a, 1).pool)).toEqual({ solar: 7, wind: 3 });
    expect(pick(mixFrom(a.exportedMix, 0))).toEqual({ solar: 13, wind: 7 });
  });
  it('carries the unattested and estimated flags with the Wh', () => {
    // A exports 10 all unattested, 4 of them estimated; B takes 5 → 5 unattested, 2 estimated.
    const a = allocateInterval(inputs([{ mix: { solar: 10 }, unattested: 10, estimated: 4 }, { deficit: 5 }]));
    expect(a.receivedUnattested[1]).toBe(5);
    expect(a.receivedEstimated[1]).toBe(2);
  });
});

describe('allocateInterval — P2P sale agreements', () => {
  it('serves the named buyer first, the pool gets the rest', () => {
    // A sells to B: B's 30 from A through P2P; the 20 left go to C by the pool; C imports 40 − 20 = 20.
    const a = allocateInterval(inputs([{ mix: { solar: 50 } }, { deficit: 30 }, { deficit: 40 }], { mode: 'pro_rata' }, [{ agreementId: 7, seller: 0, buyers: [1] }]));
    expect(a.deliveries).toEqual([{ agreementId: 7, seller: 0, buyer: 1, wh: 30 }]);
    expect(pick(received(a, 1).p2p)).toEqual({ solar: 30 });
    expect(pick(received(a, 2).pool)).toEqual({ solar: 20 });
    expect([...a.p2pSold]).toEqual([30, 0, 0]);
    expect([...a.mainImport]).toEqual([0, 0, 20]);
  });
  it('gives a buyer with no deficit nothing; the surplus goes on to the pool', () => {
    const a = allocateInterval(inputs([{ mix: { wind: 50 } }, {}, { deficit: 40 }], { mode: 'pro_rata' }, [{ agreementId: 7, seller: 0, buyers: [1] }]));
    expect(a.deliveries).toEqual([]);
    expect(pick(received(a, 2).pool)).toEqual({ wind: 40 });
    expect([...a.mainExport]).toEqual([10, 0, 0]);
  });
  it('"any member of the site" splits pro rata of the needs', () => {
    // 9 Wh to needs 10 (B) and 5 (C): 6 and 3 exactly.
    const a = allocateInterval(inputs([{ mix: { solar: 9 } }, { deficit: 10 }, { deficit: 5 }], { mode: 'pro_rata' }, [{ agreementId: 1, seller: 0, buyers: null }]));
    expect(a.deliveries.map((d) => d.wh)).toEqual([6, 3]);
  });
});

describe('allocateInterval — fixed coefficients', () => {
  const members = [{ mix: { solar: 100 } }, { deficit: 20 }, { deficit: 80 }];
  const weights = [0, 500_000, 500_000];
  it('exports an unused share', () => {
    // Targets 50 / 50; B uses 20 (30 unused → exported); C gets 50 and imports 30.
    const a = allocateInterval(inputs(members, { mode: 'weights', weights, unused: 'export' }));
    expect([...a.mainImport]).toEqual([0, 0, 30]);
    expect([...a.mainExport]).toEqual([30, 0, 0]);
  });
  it('hands an unused share on to the others', () => {
    // B's unused 30 go to C (the only one short) → C 80; nothing exported.
    const a = allocateInterval(inputs(members, { mode: 'weights', weights, unused: 'reallocate' }));
    expect([...a.mainImport]).toEqual([0, 0, 0]);
    expect([...a.mainExport]).toEqual([0, 0, 0]);
  });
  it('falls back to pro rata when nobody present has a weight', () => {
    const a = allocateInterval(inputs(members, { mode: 'weights', weights: [0, 0, 0], unused: 'export' }));
    expect([...a.mainImport]).toEqual([0, 0, 0]);
  });
});

describe('allocateInterval — source preferences', () => {
  it('serves a preferred source first; the others take the rest', () => {
    // Pool 10 solar + 10 wind; B prefers wind → 10 wind; C gets the 10 solar.
    const a = allocateInterval(inputs([{ mix: { solar: 10 } }, { mix: { wind: 10 } }, { deficit: 10, prefer: ['wind'] }, { deficit: 10 }]));
    expect(pick(received(a, 2).pool)).toEqual({ wind: 10 });
    expect(pick(received(a, 3).pool)).toEqual({ solar: 10 });
  });
  it('a preference for an absent source changes nothing', () => {
    // B prefers hydro (none): pro rata of the bundle, 5 solar + 5 wind; C the other 5 + 5.
    const a = allocateInterval(inputs([{ mix: { solar: 10 } }, { mix: { wind: 10 } }, { deficit: 10, prefer: ['hydro'] }, { deficit: 10 }]));
    expect(pick(received(a, 2).pool)).toEqual({ solar: 5, wind: 5 });
    expect(pick(received(a, 3).pool)).toEqual({ solar: 5, wind: 5 });
  });
  it('two members wanting a scarce source share it pro rata of their shares', () => {
    // 6 wind, 14 solar; B (10) and C (5) both prefer wind → wind 4 and 2; then solar 6 and 3.
    const a = allocateInterval(inputs([{ mix: { wind: 6, solar: 14 } }, { deficit: 10, prefer: ['wind'] }, { deficit: 5, prefer: ['wind'] }]));
    expect(pick(received(a, 1).pool)).toEqual({ wind: 4, solar: 6 });
    expect(pick(received(a, 2).pool)).toEqual({ wind: 2, solar: 3 });
  });
});

describe('allocateInterval — invariants on random inputs', () => {
  const member = fc.record({
    deficit: fc.nat(5000),
    mix: fc.array(fc.nat(3000), { minLength: SOURCE_COUNT, maxLength: SOURCE_COUNT }).map((v) => v.map((x, k) => (k % 2 === 0 ? x : x % 7))),
    estimatedBp: fc.nat(10_000),
    unattestedBp: fc.nat(10_000),
    prefer: fc.option(fc.shuffledSubarray([0, 1, 2, 3, 4, 5]), { nil: null }),
    weight: fc.nat(1_000_000),
  });
  const scenario = fc.record({
    members: fc.array(member, { minLength: 1, maxLength: 12 }),
    keyMode: fc.constantFrom('pro_rata', 'export', 'reallocate'),
    agreements: fc.array(fc.record({ seller: fc.nat(11), buyers: fc.option(fc.uniqueArray(fc.nat(11), { maxLength: 4 }), { nil: null }) }), { maxLength: 4 }),
  });
  it('every Wh of surplus is shared or exported, every Wh of deficit covered or imported, by source too', () => {
    fc.assert(
      fc.property(scenario, ({ members, keyMode, agreements }) => {
        const n = members.length;
        const surplusMix = Float64Array.from(members.flatMap((m) => m.mix));
        const surplus = members.map((m) => m.mix.reduce((a, b) => a + b, 0));
        const input: IntervalInputs = {
          memberCount: n, deficit: members.map((m) => m.deficit), surplus, surplusMix,
          surplusEstimated: members.map((m, i) => Math.floor(((surplus[i] ?? 0) * m.estimatedBp) / 10_000)),
          surplusUnattested: members.map((m, i) => Math.floor(((surplus[i] ?? 0) * m.unattestedBp) / 10_000)),
          agreements: agreements.map((g, i) => ({ agreementId: i + 1, seller: g.seller % n, buyers: g.buyers ? [...new Set(g.buyers.map((b) => b % n))] : null })),
          key: keyMode === 'pro_rata' ? { mode: 'pro_rata' } : { mode: 'weights', weights: members.map((m) => m.weight), unused: keyMode },
          preferences: members.map((m) => m.prefer),
        };
        const a = allocateInterval(input);
        expect(checkIntervalFlows(flowsOf(input.deficit, input.surplus, a))).toEqual([]);
        for (let k = 0; k < SOURCE_COUNT; k++) {
          let given = 0;
          let out = 0;
          for (let i = 0; i < n; i++) {
            given += surplusMix[i * SOURCE_COUNT + k] ?? 0;
            out += (a.p2pReceived[i * SOURCE_COUNT + k] ?? 0) + (a.poolReceived[i * SOURCE_COUNT + k] ?? 0) + (a.exportedMix[i * SOURCE_COUNT + k] ?? 0);
            expect(a.exportedMix[i * SOURCE_COUNT + k]).toBeGreaterThanOrEqual(0);
          }
          expect(out).toBe(given);
        }
        let flaggedIn = 0;
        let flaggedOut = 0;
        for (let i = 0; i < n; i++) {
          flaggedIn += input.surplusUnattested[i] ?? 0;
          flaggedOut += a.receivedUnattested[i] ?? 0;
          expect(a.receivedUnattested[i]).toBeLessThanOrEqual((a.mainImport[i] ?? 0) >= 0 ? (input.deficit[i] ?? 0) : 0);
        }
        expect(flaggedOut).toBeLessThanOrEqual(flaggedIn);
        // Under pro rata, the pool is never left unused while someone is short.
        if (keyMode === 'pro_rata') {
          const short = a.mainImport.some((x) => x > 0);
          const exported = a.mainExport.some((x) => x > 0);
          expect(short && exported).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });
});
