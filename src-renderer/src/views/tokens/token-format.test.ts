import { describe, expect, it } from 'vitest';
import { formatTokens, unitsFromTokens, previewChartOption } from './token-format.js';

describe('token amounts', () => {
  it('says units as tokens in the operator’s format', () => {
    expect(formatTokens(2501, 3, 'en-GB')).toBe('2.501');
    expect(formatTokens(2501, 3, 'fr-FR')).toBe('2,501');
    expect(formatTokens(1_500_000, 3, 'en-GB')).toBe('1,500');
  });
  it('turns typed tokens into whole units, refusing what is finer than one unit or not positive', () => {
    expect(unitsFromTokens(1.5, 3)).toBe(1500);
    expect(unitsFromTokens(0.0001, 3)).toBeNull();
    expect(unitsFromTokens(0, 3)).toBeNull();
    expect(unitsFromTokens(null, 3)).toBeNull();
  });
  it('charts the awarded tokens beside the proposed ones only when the period was awarded', () => {
    const preview = { period: { id: 1, siteName: 'S', from: 'a', to: 'b' }, members: [{ memberId: 1, memberNo: 'M-1', fullName: 'A', kinds: [], multiplierBps: 10_000, siteBonusBps: 0, wh: 1, unattestedWh: 0, tokens: 5, awardedTokens: 3 }], totalTokens: 5, awardedTotal: null, siteKinds: [], creditValueMinor: 0, unit: { decimals: 3, symbol: 'G', currency: 'KES' } } as const;
    const labels = { proposed: 'p', awarded: 'a', tokens: String };
    expect((previewChartOption(preview, labels) as { series: unknown[] }).series).toHaveLength(1);
    expect((previewChartOption({ ...preview, awardedTotal: 3 }, labels) as { series: unknown[] }).series).toHaveLength(2);
  });
});
