// Every summary code the core can write to the audit log (contract/audit-summaries.ts; AuditRecord
// accepts no other) is said in English and French by the console: a label exists in both languages
// and, with the values the core hands, no placeholder is left open and no code word shows raw.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_SUMMARY_CODES } from '../../src-main/contract/index.js';
import { auditSummary, codeKey, type SummaryFormat } from '../../src-renderer/src/views/settings/audit-labels.js';

const I18N = join(import.meta.dirname, '..', '..', 'src-renderer', 'src', 'i18n');

function format(locale: 'en' | 'fr'): SummaryFormat {
  const messages: Record<string, unknown> = {};
  for (const file of readdirSync(join(I18N, locale)).filter((f) => f.endsWith('.json'))) messages[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(I18N, locale, file), 'utf8'));
  const lookup = (key: string) => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
  return {
    te: (key) => typeof lookup(key) === 'string',
    t: (key, params = {}) => String(lookup(key)).replace(/\{(\w+)\}/g, (open, name: string) => (name in params ? String(params[name]) : open)),
    power: (w) => `${w / 1000} kW`,
    boundary: (iso) => iso.slice(0, 10),
    dateTime: (iso) => iso.slice(0, 16),
    list: (items) => items.join(', '),
  };
}

// The values the core's writers hand (one of each kind, codes as the core stores them).
const VALUES = {
  memberNo: 'M-7', name: 'Amina', fields: ['phone'], reason: 'moved away', line: 3, count: 2, skipped: 1, address: '5Grw…', attempts: 3, max: 5,
  kind: 'solar', ratedPowerW: 4920, make: 'Sunking', model: 'SDM630', state: 'on_chain', agreementId: 4, member: 'Amina', title: 'Mill', version: 2,
  from: 'draft', to: 'proposed', role: 'owner', cancellation: 'not_needed', voided: 1, rater: 'Amina', ratee: 'Joseph', stars: 4, site: 'Kibera',
  mode: 'pro_rata', validFrom: '2027-01-01T00:00:00Z', sources: ['solar', 'wind'], file: 'a.db', safetyFile: 'b.db', username: 'clerk',
  operatorRole: 'technician', changes: ['role', 'passwordReset'], keyRole: 'treasury', setupState: 'done', chainMode: 'external', endpoint: 'ws://node',
  batches: 3, amount: '100', asset: 'energyCredit', id: 9, subject: 'May books', serial: 'SN1', provisioningId: 'p1', equipment: 'EQ-5', minutes: 15,
  loadLimitW: 2000, at: '2026-12-07T10:00:00Z', label: 'Acme', component: 'app', firmwareVersion: '1.2', port: '/dev/ttyUSB0', unitId: 1, seconds: 60,
  lines: 120, entries: 60, entryId: 12, reversalEntryId: 13, receipt: 'R-000001', method: 'cash', reference: 'QK7X1', meterId: 3, action: 'off',
  cooperative: 'Coop', sequence: 3, tokens: 2500, decision: 'field', sites: 3, members: 12, equipment_count: 4, agreements: 2,
};
const CODE_WORDS = /\b(on_chain|not_needed|pro_rata|passwordReset|energyCredit|technician_|treasury_)\b/;

describe('audit summary codes are said in English and French', () => {
  for (const locale of ['en', 'fr'] as const) {
    const f = format(locale);
    it(`${locale}: every code has a label, with no placeholder left open and no code word`, () => {
      for (const code of AUDIT_SUMMARY_CODES) {
        expect(f.te(codeKey('common.audit.summaries', code)), `${locale}: no label for ${code}`).toBe(true);
        const said = auditSummary({ summary: `english ${code}`, summaryCode: code, summaryParams: VALUES }, f);
        expect(said, code).not.toContain('english');
        expect(said, `${locale} ${code}: ${said}`).not.toMatch(/\{\w+\}/);
        expect(said, `${locale} ${code}: ${said}`).not.toMatch(CODE_WORDS);
      }
    });
  }
});
