// Hand-computed token awards (1, 2, 3+ kinds; unattested energy; a site bonus; the period boundary),
// the policy checks, and properties on random generation: certificates sum exactly to each member's
// tokens, which is the exact amount rounded half up; adding a new kind never lowers a member's tokens.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EnergySource } from '../../contract/energy.js';
import { awardTokens, type GenerationRecord } from './token-award.js';
import { DEFAULT_TOKEN_POLICY, policyInForce, policyProblems, type TokenPolicy } from './token-policy.js';

const FROM = '2026-03-01T00:00:00.000Z';
const TO = '2026-04-01T00:00:00.000Z';
const rec = (memberId: number, deviceId: string, kind: EnergySource, wh: number, attested = true, intervalStart = '2026-03-10T12:00:00.000Z'): GenerationRecord => ({ memberId, deviceId, kind, attested, intervalStart, wh });
const memberOf = (award: ReturnType<typeof awardTokens>, id: number) => award.members.find((m) => m.memberId === id)!;

describe('token award, hand-computed (1000 units per kWh; 1 kind × 1.0, 2 × 1.25, 3+ × 1.5)', () => {
  it('one kind: 2.501 kWh of attested solar earn 2501 units', () => {
    const award = awardTokens(DEFAULT_TOKEN_POLICY, [rec(1, 'S1', 'solar', 1500), rec(1, 'S1', 'solar', 1001, true, '2026-03-11T12:00:00.000Z')], FROM, TO);
    expect(memberOf(award, 1)).toMatchObject({ kinds: ['solar'], multiplierBps: 10_000, tokens: 2501 });
    expect(memberOf(award, 1).certificates).toEqual([{ memberId: 1, deviceId: 'S1', kind: 'solar', attested: true, periodFrom: FROM, periodTo: TO, wh: 2501, tokens: 2501 }]);
  });

  it('two kinds × 1.25: solar 1000 Wh → 1250, wind 333 Wh → 416.25; total 1666.25 → 1666', () => {
    const m = memberOf(awardTokens(DEFAULT_TOKEN_POLICY, [rec(2, 'S2', 'solar', 1000), rec(2, 'W2', 'wind', 333)], FROM, TO), 2);
    expect(m.multiplierBps).toBe(12_500);
    expect(m.certificates.map((c) => [c.deviceId, c.tokens])).toEqual([['S2', 1250], ['W2', 416]]);
    expect(m.tokens).toBe(1666);
  });

  it('four kinds count as 3+ (× 1.5): four lines of 1 Wh are 1.5 each, 6 in all, the ties going to the earlier devices', () => {
    const m = memberOf(awardTokens(DEFAULT_TOKEN_POLICY, [rec(3, 'W4', 'wind', 1), rec(3, 'S4', 'solar', 1), rec(3, 'H4', 'hydro', 1), rec(3, 'B4', 'biogas', 1)], FROM, TO), 3);
    expect(m.multiplierBps).toBe(15_000);
    expect(m.kinds).toEqual(['biogas', 'hydro', 'solar', 'wind']);
    expect(m.certificates.map((c) => [c.deviceId, c.tokens])).toEqual([['B4', 2], ['H4', 2], ['S4', 1], ['W4', 1]]);
    expect(m.tokens).toBe(6);
  });

  it('unattested energy earns nothing by default (and its kind adds no diversity), or the stated reduced rate', () => {
    const records = [rec(4, 'S5', 'solar', 1000), rec(4, 'M5', 'wind', 1000, false)];
    const none = memberOf(awardTokens(DEFAULT_TOKEN_POLICY, records, FROM, TO), 4);
    expect(none).toMatchObject({ kinds: ['solar'], multiplierBps: 10_000, tokens: 1000 });
    // The unattested line is still shown, with its kWh and zero tokens.
    expect(none.certificates.find((c) => !c.attested)).toMatchObject({ deviceId: 'M5', wh: 1000, tokens: 0 });
    const half = memberOf(awardTokens({ ...DEFAULT_TOKEN_POLICY, unattestedRateBps: 5_000 }, records, FROM, TO), 4);
    // Two kinds now earn: solar 1000 × 1.25 = 1250; wind 1000 × 0.5 × 1.25 = 625.
    expect(half).toMatchObject({ kinds: ['solar', 'wind'], multiplierBps: 12_500, tokens: 1875 });
  });

  it('counts only intervals starting inside [from, to), and battery discharge is not generation', () => {
    const records = [
      rec(5, 'S6', 'solar', 100, true, '2026-02-28T23:45:00.000Z'),
      rec(5, 'S6', 'solar', 200, true, '2026-03-01T00:00:00.000Z'),
      rec(5, 'S6', 'solar', 400, true, '2026-03-31T23:45:00.000Z'),
      rec(5, 'S6', 'solar', 800, true, '2026-04-01T00:00:00.000Z'),
      rec(5, 'B6', 'battery', 5000),
    ];
    const m = memberOf(awardTokens(DEFAULT_TOKEN_POLICY, records, FROM, TO), 5);
    expect(m.certificates).toHaveLength(1);
    expect(m.tokens).toBe(600);
    const april = awardTokens(DEFAULT_TOKEN_POLICY, records, TO, '2026-05-01T00:00:00.000Z');
    expect(april.tokens).toBe(800);
  });

  it('adds the site bonus to every earning member when the site generated from 3 kinds', () => {
    const policy: TokenPolicy = { ...DEFAULT_TOKEN_POLICY, siteBonus: { minKinds: 3, bonusBps: 1_000 } };
    const award = awardTokens(policy, [rec(1, 'S1', 'solar', 1000), rec(2, 'W2', 'wind', 1000), rec(2, 'S2', 'solar', 1000), rec(3, 'H3', 'hydro', 1000)], FROM, TO);
    expect(award.siteKinds).toEqual(['hydro', 'solar', 'wind']);
    expect(memberOf(award, 1).tokens).toBe(1100); // 1000 × (1.0 + 0.1)
    expect(memberOf(award, 2).tokens).toBe(2700); // 2000 × (1.25 + 0.1)
    expect(awardTokens(policy, [rec(1, 'S1', 'solar', 1000), rec(2, 'W2', 'wind', 1000)], FROM, TO).members.map((m) => m.siteBonusBps)).toEqual([0, 0]);
  });
});

describe('token policy', () => {
  it('refuses policies that punish more kinds or rates beyond their range', () => {
    expect(policyProblems(DEFAULT_TOKEN_POLICY)).toEqual([]);
    const bad: TokenPolicy = { ...DEFAULT_TOKEN_POLICY, unattestedRateBps: 12_000, diversity: [{ kinds: 1, multiplierBps: 10_000 }, { kinds: 2, multiplierBps: 9_000 }] };
    expect(policyProblems(bad)).toEqual([expect.stringMatching(/0 % to 100 %/), expect.stringMatching(/more kinds must never earn less/)]);
    expect(policyProblems({ ...DEFAULT_TOKEN_POLICY, diversity: [{ kinds: 2, multiplierBps: 10_000 }] })).toEqual([expect.stringMatching(/start at 1 kind/)]);
  });
  it('picks the version in force at a period start', () => {
    const versions = [
      { version: 1, validFrom: '2026-01-01T00:00:00Z', policy: DEFAULT_TOKEN_POLICY },
      { version: 2, validFrom: '2026-03-01T00:00:00Z', policy: { ...DEFAULT_TOKEN_POLICY, unitsPerKwh: 2000 } },
    ];
    expect(policyInForce(versions, '2026-02-28T23:59:59Z')?.version).toBe(1);
    expect(policyInForce(versions, '2026-03-01T00:00:00Z')?.version).toBe(2);
    expect(policyInForce(versions, '2025-12-31T00:00:00Z')).toBeNull();
  });
});

const KINDS: EnergySource[] = ['solar', 'wind', 'hydro', 'biogas', 'battery', 'other'];
const record = fc.record({
  memberId: fc.integer({ min: 1, max: 4 }),
  deviceId: fc.constantFrom('D1', 'D2', 'D3', 'D4', 'D5'),
  kind: fc.constantFrom(...KINDS),
  attested: fc.boolean(),
  intervalStart: fc.integer({ min: Date.parse('2026-02-25T00:00:00Z'), max: Date.parse('2026-04-05T00:00:00Z') }).map((ms) => new Date(ms - (ms % 900_000)).toISOString()),
  wh: fc.integer({ min: 0, max: 5_000_000 }),
});
const policy = fc.record({
  unitsPerKwh: fc.integer({ min: 0, max: 100_000 }),
  unattestedRateBps: fc.integer({ min: 0, max: 10_000 }),
  m2: fc.integer({ min: 10_000, max: 20_000 }),
  m3: fc.integer({ min: 0, max: 10_000 }),
  bonus: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null }),
}).map(({ unitsPerKwh, unattestedRateBps, m2, m3, bonus }): TokenPolicy => ({
  ...DEFAULT_TOKEN_POLICY,
  unitsPerKwh,
  unattestedRateBps,
  diversity: [{ kinds: 1, multiplierBps: 10_000 }, { kinds: 2, multiplierBps: m2 }, { kinds: 3, multiplierBps: m2 + m3 }],
  siteBonus: bonus === null ? null : { minKinds: 3, bonusBps: bonus },
}));

describe('token award properties', () => {
  it('certificates sum to the member tokens, which are the exact amount rounded half up', () => {
    fc.assert(
      fc.property(policy, fc.array(record, { maxLength: 40 }), (p, records) => {
        const award = awardTokens(p, records, FROM, TO);
        for (const m of award.members) {
          expect(m.certificates.reduce((s, c) => s + c.tokens, 0)).toBe(m.tokens);
          const factor = BigInt(m.multiplierBps + m.siteBonusBps);
          const exact = m.certificates.reduce((s, c) => s + BigInt(c.wh) * BigInt(p.unitsPerKwh) * BigInt(c.attested ? 10_000 : p.unattestedRateBps) * factor, 0n);
          const denominator = 1000n * 10_000n * 10_000n;
          expect(BigInt(m.tokens)).toBe((2n * exact + denominator) / (2n * denominator));
          for (const c of m.certificates) expect(c.tokens).toBeGreaterThanOrEqual(0);
        }
        expect(award.members.reduce((s, m) => s + m.tokens, 0)).toBe(award.tokens);
      }),
      { numRuns: 300 },
    );
  });

  it('adding attested generation of a new kind never lowers a member’s tokens', () => {
    fc.assert(
      fc.property(policy, fc.array(record, { maxLength: 30 }), fc.constantFrom<EnergySource>('solar', 'wind', 'hydro', 'biogas', 'other'), fc.integer({ min: 1, max: 100_000 }), (p, records, kind, wh) => {
        const before = awardTokens(p, records, FROM, TO).members.find((m) => m.memberId === 1)?.tokens ?? 0;
        const after = awardTokens(p, [...records, rec(1, 'NEW', kind, wh)], FROM, TO).members.find((m) => m.memberId === 1)!.tokens;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
