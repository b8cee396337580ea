import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumberText, numberProblem, parseNumberText } from './number-text.js';

describe('number text in the operator\'s format', () => {
  it('reads French and English decimals and groups, and keeps a negative number negative', () => {
    expect(parseNumberText('210,50', 'fr-FR')).toEqual({ kind: 'number', value: 210.5, decimals: 2 });
    expect(parseNumberText('1 250,5', 'fr-FR')).toMatchObject({ value: 1250.5 });
    expect(parseNumberText('1\u202f250,5', 'fr-FR')).toMatchObject({ value: 1250.5 });
    expect(parseNumberText('210.5', 'fr-FR')).toMatchObject({ value: 210.5 });
    expect(parseNumberText('1,250.5', 'en-GB')).toMatchObject({ value: 1250.5 });
    expect(parseNumberText('-5', 'en-GB')).toMatchObject({ value: -5 });
    expect(parseNumberText('−3', 'fr-FR')).toMatchObject({ value: -3 });
    expect(parseNumberText('  ', 'fr-FR')).toEqual({ kind: 'empty' });
  });

  it('refuses text it would have to guess at instead of changing it into another number', () => {
    expect(parseNumberText('2,5', 'en-GB')).toEqual({ kind: 'invalid' });
    expect(parseNumberText('12abc', 'en-GB')).toEqual({ kind: 'invalid' });
    expect(parseNumberText('1e5', 'en-GB')).toEqual({ kind: 'invalid' });
    expect(parseNumberText('--1', 'fr-FR')).toEqual({ kind: 'invalid' });
  });

  it('names what is wrong and never clamps: −5 at min 0 is "negative", 123.5° "at most 90"', () => {
    const problem = (text: string, rules: Parameters<typeof numberProblem>[1], locale = 'en-GB') => numberProblem(parseNumberText(text, locale), rules, locale);
    expect(problem('-5', { min: 0 })).toEqual({ key: 'negative' });
    expect(problem('123.5', { min: -90, max: 90 })).toEqual({ key: 'atMost', max: '90' });
    expect(problem('0', { min: 1 })).toEqual({ key: 'atLeast', min: '1' });
    expect(problem('2.5', { decimals: 0 })).toEqual({ key: 'wholeNumber' });
    expect(problem('2,555', { decimals: 2 }, 'fr-FR')).toEqual({ key: 'decimals', decimals: 2 });
    expect(problem('x', {}, 'fr-FR')).toEqual({ key: 'notNumber', example: '1\u202f250,5' });
    expect(problem('', { min: 0 })).toBeNull();
  });

  it('writes back exactly the number it reads, in both languages', () => {
    fc.assert(
      // What fields hold: up to a billion, up to 6 decimals.
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('fr-FR', 'en-GB'), (whole, digits, locale) => {
        const value = whole / 10 ** digits;
        const parsed = parseNumberText(formatNumberText(value, locale), locale);
        expect(parsed.kind === 'number' ? parsed.value : null).toBe(Object.is(value, -0) ? 0 : value);
      }),
    );
    expect(formatNumberText(210, 'fr-FR', 2)).toBe('210,00');
  });
});
