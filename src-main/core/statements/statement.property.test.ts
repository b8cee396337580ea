// The statement's sums on random inputs (every total re-derives from its parts), the QR payload
// round trip, and the PDF round trip (the attached data is the statement, byte for byte).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENERGY_SOURCES, type EnergySource } from '../../contract/energy.js';
import type { StatementAnchor } from '../../contract/statements.js';
import { merkleProof, merkleRoot, leafHash } from '../chain/anchors/merkle.js';
import { memberStatementHash, type StatementLineRecord } from '../settlement/mirror/statement-line.js';
import { buildStatement, inconsistentFigures, type MemberEnergyDay, type StatementBuildInput } from './statement-build.js';
import { parseStatementQr, qrMatchesStatement, statementQrText } from './statement-qr.js';
import { renderStatementPdf } from './statement-pdf.js';
import { balanceText, moneyText } from './statement-words.js';
import { statementOfPdf } from './statement-pdf-read.js';

const wh = fc.integer({ min: 0, max: 50_000 });
const day = (date: string): fc.Arbitrary<MemberEnergyDay> =>
  fc.record({
    date: fc.constant(date),
    selfWh: wh,
    communityBySource: fc.tuple(...ENERGY_SOURCES.map(() => wh)).map((v) => Object.fromEntries(ENERGY_SOURCES.map((s, i) => [s, v[i] as number])) as Record<EnergySource, number>),
    mainWh: wh,
    soldWh: wh,
    estimatedWh: wh,
    unattestedWh: wh,
  });
const CODES = ['energy_main', 'energy_pool', 'fixed_fee', 'tax', 'pool_earnings', 'p2p_energy', 'rent_share'];
const lines = fc.array(fc.record({ code: fc.constantFrom(...CODES), amount: fc.integer({ min: -2_000_000, max: 2_000_000 }), quantityWh: wh }), { minLength: 1, maxLength: 30 }).map((ls) =>
  ls.map((l, i): StatementLineRecord => ({ lineId: 100 + i, periodId: 4, memberId: 9, code: l.code, counterparty: 'cooperative-energy', currency: 'KES', amount: l.amount, quantityWh: l.quantityWh, sources: 'tariff:1' })),
);
const input = fc.record({
  lines,
  days: fc.tuple(...Array.from({ length: 30 }, (_, i) => day(`2026-11-${String(i + 1).padStart(2, '0')}`))),
  mainOnlyBillMinor: fc.integer({ min: 0, max: 10_000_000 }),
  payments: fc.array(fc.integer({ min: 1, max: 500_000 }), { maxLength: 5 }),
  broughtForwardMinor: fc.integer({ min: -5_000_000, max: 5_000_000 }),
  otherMinor: fc.integer({ min: -100_000, max: 100_000 }),
});

interface Sample {
  lines: StatementLineRecord[];
  days: MemberEnergyDay[];
  mainOnlyBillMinor: number;
  payments: number[];
  broughtForwardMinor: number;
  otherMinor: number;
}

function buildInput(v: Sample, anchor: StatementAnchor | null = null): StatementBuildInput {
  return {
    locale: 'en',
    cooperativeName: 'Coop',
    period: { id: 4, from: '2026-11-01', to: '2026-11-30', siteName: 'Site', postedAt: '2026-12-02T10:00:00.000Z' },
    member: { id: 9, memberNo: 'M-9', fullName: 'Awino Otieno' },
    currency: 'KES',
    lines: v.lines,
    days: v.days,
    mainOnlyBillMinor: v.mainOnlyBillMinor,
    tokens: { available: false, earned: 0, bonus: 0, awards: [] },
    payments: v.payments.map((amountMinor, i) => ({ receiptNo: `R-00000${i}`, receivedOn: '2026-11-10', amountMinor, method: 'cash' })),
    broughtForwardMinor: v.broughtForwardMinor,
    otherMinor: v.otherMinor,
    anchor,
  };
}

describe('statement sums', () => {
  it('every total re-derives from its parts, and the hash is the member statement leaf', () => {
    fc.assert(
      fc.property(input, (v) => {
        const s = buildStatement(buildInput(v));
        const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
        expect(s.money.netMinor).toBe(sum(v.lines.map((l) => l.amount)));
        expect(s.money.chargedMinor + s.money.creditedMinor).toBe(s.money.netMinor);
        expect(s.money.carriedMinor).toBe(v.broughtForwardMinor + s.money.netMinor + sum(v.payments) + v.otherMinor);
        expect(s.energy.consumedWh).toBe(sum(s.days.map((d) => d.selfWh + d.communityWh + d.mainWh)));
        expect(s.energy.communityWh).toBe(sum(ENERGY_SOURCES.map((k) => s.energy.communityBySource[k])));
        expect(s.energy.estimatedWh).toBe(sum(v.days.map((d) => d.estimatedWh)));
        expect(s.savings.savingsMinor).toBe(v.mainOnlyBillMinor + s.money.netMinor);
        expect(s.selfSufficiencyBp).toBeGreaterThanOrEqual(0);
        expect(s.selfSufficiencyBp).toBeLessThanOrEqual(10_000);
        expect(s.hash).toBe(memberStatementHash(4, 9, v.lines));
        expect(inconsistentFigures(s)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('names the figure that no longer adds up when one digit of it changes', () => {
    fc.assert(
      fc.property(input, (v) => {
        const s = buildStatement(buildInput(v));
        expect(inconsistentFigures({ ...s, money: { ...s.money, carriedMinor: s.money.carriedMinor + 1 } })).toContain('balance carried');
        expect(inconsistentFigures({ ...s, energy: { ...s.energy, mainWh: s.energy.mainWh + 10 } })).toContain('energy summary');
        expect(inconsistentFigures({ ...s, savings: { ...s.savings, savingsMinor: s.savings.savingsMinor + 100 } })).toContain('savings');
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a line of another member and fractional amounts with a sentence', () => {
    const v = { lines: [{ lineId: 1, periodId: 4, memberId: 8, code: 'tax', counterparty: 'government', currency: 'KES', amount: -5, quantityWh: 0, sources: '' }], days: [], mainOnlyBillMinor: 0, payments: [], broughtForwardMinor: 0, otherMinor: 0 };
    expect(() => buildStatement(buildInput(v))).toThrow(/not a line of member M-9/);
    expect(() => buildStatement(buildInput({ ...v, lines: [{ ...v.lines[0]!, memberId: 9 }], mainOnlyBillMinor: 1.5 }))).toThrow(/main-supply-only bill must be a whole number/);
  });
});

describe('QR payload and PDF data', () => {
  const sample = fc.sample(input, { seed: 7, numRuns: 1 })[0]!;
  const leaves = Array.from({ length: 2000 }, (_, i) => leafHash(`member-${i}`));
  const hash = memberStatementHash(4, 9, sample.lines);
  leaves[1234] = hash;
  const anchor: StatementAnchor = { subject: 'settlement-4', root: merkleRoot(leaves), leafIndex: 1234, leafCount: 2000, steps: merkleProof(leaves, 1234), sender: '5Coop', blockNumber: 812, blockHash: `0x${'ab'.repeat(32)}`, extrinsicIndex: 2 };

  it('the QR text carries hash, Merkle path and anchor of a 2,000-member period in under 600 characters', () => {
    const s = buildStatement(buildInput(sample, anchor));
    const text = statementQrText({ ...s, anchor });
    expect(text.length).toBeLessThan(600);
    const qr = parseStatementQr(text)!;
    expect(qr).toMatchObject({ periodId: 4, memberId: 9, blockNumber: 812, extrinsicIndex: 2, hash });
    expect(qrMatchesStatement(qr, s)).toBe(true);
    expect(qrMatchesStatement({ ...qr, extrinsicIndex: 3 }, s)).toBe(false);
    expect(parseStatementQr(text.replace('COOPST1', 'COOPST2'))).toBeNull();
    expect(parseStatementQr(text.slice(0, -4))).toBeNull();
  });

  it('the PDF carries the statement data, and the same statement renders to the same bytes', async () => {
    const s = buildStatement(buildInput(sample, anchor));
    const pdf = await renderStatementPdf(s);
    expect(statementOfPdf(pdf)).toEqual(s);
    expect((await renderStatementPdf(s)).equals(pdf)).toBe(true);
    const fr = await renderStatementPdf({ ...s, locale: 'fr' });
    expect(statementOfPdf(fr).locale).toBe('fr');
    expect(() => statementOfPdf(Buffer.from('%PDF-1.3\n%%EOF'))).toThrow(/carries no statement data/);
    expect(() => statementOfPdf(Buffer.from('hello'))).toThrow(/not a PDF/);
  });
});

describe('balances in the member words', () => {
  it('says a balance as the kiosk does, in English and French, never with a bare minus sign', () => {
    expect(balanceText(-130_550, 'KES', 'en')).toBe('You owe KES 1,305.50');
    expect(balanceText(12_500, 'KES', 'en')).toBe('In credit: KES 125.00');
    expect(balanceText(-130_550, 'KES', 'fr')).toBe('Vous devez 1 305,50 KES');
    expect(balanceText(12_500, 'KES', 'fr')).toBe('En crédit : 125,00 KES');
    expect([balanceText(0, 'KES', 'en'), balanceText(0, 'KES', 'fr')]).toEqual(['Nothing owed, no credit', 'Rien à payer, aucun crédit']);
    fc.assert(
      fc.property(fc.integer({ min: -5_000_000_000, max: 5_000_000_000 }), fc.constantFrom('en' as const, 'fr' as const), (minor, locale) => {
        const text = balanceText(minor, 'KES', locale);
        expect(text).not.toMatch(/[-−]/);
        expect(text.includes(moneyText(Math.abs(minor), 'KES', locale))).toBe(minor !== 0);
      }),
      { numRuns: 200 },
    );
  });
});
