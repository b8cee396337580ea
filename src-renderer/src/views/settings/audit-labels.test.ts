import { describe, expect, it } from 'vitest';
import { auditLabel, codeKey, humanizeCode } from './audit-labels.js';

describe('audit labels', () => {
  const labels: Record<string, string> = { 'a.actions.demo_load': 'Demo village loaded' };
  const t = (key: string) => labels[key] ?? `missing:${key}`;
  const te = (key: string) => key in labels;

  it('translates known codes (dots become underscores in the key)', () => {
    expect(codeKey('a.actions', 'demo.load')).toBe('a.actions.demo_load');
    expect(auditLabel('a.actions', 'demo.load', t, te)).toBe('Demo village loaded');
  });

  it('shows an unknown code readably instead of raw', () => {
    expect(auditLabel('a.actions', 'chain.keystore.initialize', t, te)).toBe('Chain keystore initialize');
    expect(humanizeCode('modbus.poll-interval')).toBe('Modbus poll interval');
    expect(humanizeCode('tariff_version')).toBe('Tariff version');
  });
});
