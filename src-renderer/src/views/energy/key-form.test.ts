// Key editor form: coefficients add up exactly (ppm), the checks name what to fix, and the form
// becomes the contract's definition only when it can be one; starts snap to a 15-min interval.
import { describe, expect, it } from 'vitest';
import { coefficientSum, emptyKeyForm, formProblems, keyDefinition, nextIntervalStart, validFromIso, type KeyForm } from './key-form.js';

const form = (changes: Partial<KeyForm>): KeyForm => ({ ...emptyKeyForm(new Date(2026, 11, 7, 10, 0)), ...changes });
const nameOf = (id: number) => `Member ${id}`;

describe('key form', () => {
  it('adds coefficients without floating-point drift', () => {
    expect(coefficientSum([{ memberId: 1, coefficient: 0.1 }, { memberId: 2, coefficient: 0.2 }])).toBe(0.3);
  });

  it('asks for a member on every row, refuses a member twice and a sum above 1', () => {
    expect(formProblems(form({ mode: 'fixed', rows: [{ memberId: null, coefficient: 0.5 }] }), nameOf)).toEqual([{ key: 'energy.key.chooseMember' }]);
    const twice = form({ mode: 'fixed', rows: [{ memberId: 3, coefficient: 0.6 }, { memberId: 3, coefficient: 0.5 }] });
    expect(formProblems(twice, nameOf)).toEqual([{ key: 'energy.key.duplicateMember', params: { name: 'Member 3' } }, { key: 'energy.key.sumTooHigh' }]);
    expect(formProblems(form({ mode: 'fixed', rows: [{ memberId: 3, coefficient: 0.6 }, { memberId: 4, coefficient: 0.4 }] }), nameOf)).toEqual([]);
    expect(formProblems(form({ mode: 'pro_rata', rows: [{ memberId: null, coefficient: null }] }), nameOf)).toEqual([]);
  });

  it('makes the definition of each mode, or none while incomplete', () => {
    expect(keyDefinition(form({ mode: 'pro_rata' }))).toEqual({ mode: 'pro_rata' });
    expect(keyDefinition(form({ mode: 'custom_table', csv: '  ' }))).toBeNull();
    expect(keyDefinition(form({ mode: 'custom_table', csv: 'interval_start,M-1\n' }))).toEqual({ mode: 'custom_table', csv: 'interval_start,M-1\n' });
    expect(keyDefinition(form({ mode: 'fixed', unused: 'reallocate', rows: [{ memberId: 3, coefficient: 0.6 }, { memberId: null, coefficient: 0.4 }] }))).toEqual({
      mode: 'fixed', unused: 'reallocate', coefficients: [{ memberId: 3, coefficient: 0.6 }],
    });
  });

  it('starts a version on a 15-min interval, tomorrow at midnight by default', () => {
    expect(nextIntervalStart(Date.UTC(2026, 11, 7, 10, 1))).toBe(Date.UTC(2026, 11, 7, 10, 15));
    expect(nextIntervalStart(Date.UTC(2026, 11, 7, 10, 15))).toBe(Date.UTC(2026, 11, 7, 10, 15));
    const start = emptyKeyForm(new Date(2026, 11, 7, 10, 0)).validFrom;
    expect(start).toBe(new Date(2026, 11, 8).getTime());
    expect(validFromIso(form({ validFrom: Date.UTC(2026, 11, 8, 0, 7) }))).toBe('2026-12-08T00:15:00.000Z');
    expect(validFromIso(form({ validFrom: null }))).toBeNull();
  });
});
