import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLabel, auditSummary, codeKey, humanizeCode } from './audit-labels.js';

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

describe('audit summaries in the operator\'s language', () => {
  // The real French translations, read the way vue-i18n reads them (dots nest, {name} interpolates).
  const fr = { common: JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'i18n', 'fr', 'common.json'), 'utf8')) as unknown };
  const lookup = (key: string) => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), fr);
  const format = {
    t: (key: string, params: Record<string, unknown> = {}) => String(lookup(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name])),
    te: (key: string) => typeof lookup(key) === 'string',
    power: (w: number) => `${String(w / 1000).replace('.', ',')} kW`,
    boundary: (iso: string) => `<${iso}>`,
    dateTime: (iso: string) => `[${iso}]`,
    list: (items: readonly string[]) => items.join(' et '),
  };

  it('says a coded summary in French, with names, units and translated kinds', () => {
    expect(auditSummary({ summary: 'Changed phone', summaryCode: 'member.updated', summaryParams: { fields: ['phone', 'siteId'] } }, format)).toBe('Modifié : téléphone et site');
    expect(auditSummary({ summary: 'solar 4920 W registered', summaryCode: 'equipment.registered', summaryParams: { kind: 'solar', ratedPowerW: 4920, make: 'Sunking', model: '' } }, format)).toBe('Solaire 4,92 kW enregistré · Sunking');
    expect(auditSummary({ summary: 'Draft p2p_sale "Maize mill"', summaryCode: 'agreement.drafted', summaryParams: { kind: 'p2p_sale', title: 'Maize mill' } }, format)).toBe('Brouillon de vente entre pairs « Maize mill »');
    expect(auditSummary({ summary: 'draft → proposed', summaryCode: 'agreement.status', summaryParams: { from: 'active', to: 'terminated', reason: 'moved away' } }, format)).toBe('Actif → Résilié — moved away');
  });

  it('keeps the core\'s sentence for an entry without a code (older rows, callers without one)', () => {
    expect(auditSummary({ summary: 'Keystore created', summaryCode: null, summaryParams: null }, format)).toBe('Keystore created');
    expect(auditSummary({ summary: 'Something new', summaryCode: 'area.unknown', summaryParams: {} }, format)).toBe('Something new');
  });
});
