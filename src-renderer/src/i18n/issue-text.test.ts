import { describe, expect, it } from 'vitest';
import { loadFeatures } from './index.js';
import { describeIssue } from './issue-text.js';

describe('issues said through the console\'s own vue-i18n', () => {
  it('says a rule\'s reason and a field\'s own words, in English and French', async () => {
    await loadFeatures('en', ['errors']);
    expect(describeIssue({ path: 'storageWh', code: 'custom', reason: 'batteryNeedsStorage', message: 'A battery needs its storage capacity in Wh' })).toBe('A battery needs its storage capacity.');
    expect(describeIssue({ path: 'definition.energy.rateMilliPerKwh', code: 'too_small', params: { origin: 'number', minimum: 0, inclusive: true }, message: 'A rate cannot be negative' })).toBe('A price cannot be negative.');
  });
});
