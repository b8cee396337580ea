// The terms PDF is reproducible (same data → same bytes → same hash), changes when any term
// changes, and the proof pack carries it with a hash a plain sha256sum can check.
import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AgreementTerms, type Agreement } from '../../contract/agreements.js';
import { buildProofPack, ProofPackError } from './proof-pack.js';
import { formatMoney, formatRate, renderTermsPdf, sha256Hex, type TermsDocumentData } from './terms-document.js';

const data: TermsDocumentData = {
  agreementId: 7,
  version: 2,
  createdAt: '2026-03-01T09:30:00.000Z',
  title: 'Solar on the Kamau roof',
  cooperative: { name: 'Valley Energy Cooperative', currency: 'KES' },
  siteName: 'Mto Mill',
  parties: [
    { role: 'owner', memberNo: 'M-0002', name: 'Otieno Ochieng' },
    { role: 'host', memberNo: 'M-0001', name: 'Wanjiru Kamau' },
  ],
  terms: AgreementTerms.parse({ kind: 'hosted_lease', equipmentId: 1, ownerMemberId: 2, hostMemberId: 1, startsOn: '2026-04-01', termYears: 12, energyRateMilliPerKwh: 2_550_000, rentShareBps: 1_250, surplusOwnerBps: 6_000 }),
  equipment: { description: 'solar 5000 W SunCo SC-5', serial: 'SC5-0001' },
  tariffPlanName: null,
  buyerSiteName: null,
  instalments: [],
};

describe('terms document', () => {
  it('renders the same bytes for the same terms, whenever it is rendered', async () => {
    const first = await renderTermsPdf(data);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // a wall-clock second later
    const second = await renderTermsPdf(data);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256Hex(second)).toBe(sha256Hex(first));
    expect(first.toString('latin1')).toContain('(D:20260301093000Z)');
  });

  it('changes the hash when a term or the version date changes', async () => {
    const base = sha256Hex(await renderTermsPdf(data));
    const otherRate = sha256Hex(await renderTermsPdf({ ...data, terms: { ...data.terms, energyRateMilliPerKwh: 2_560_000 } as typeof data.terms }));
    const otherDate = sha256Hex(await renderTermsPdf({ ...data, createdAt: '2026-03-02T09:30:00.000Z' }));
    expect(new Set([base, otherRate, otherDate]).size).toBe(3);
  });

  it('formats money and rates exactly from integers', () => {
    expect(formatMoney(123_456_789, 'KES')).toBe('KES 1,234,567.89');
    expect(formatMoney(1_500, 'JPY')).toBe('JPY 1,500');
    expect(formatRate(2_550_000, 'KES')).toBe('KES 25.50');
    expect(formatRate(23_450, 'EUR')).toBe('EUR 0.2345');
  });
});

describe('proof pack', () => {
  const agreement = {
    id: 7, kind: 'hosted_lease', status: 'signed', version: 2, updatedAt: '2026-03-05T10:00:00.000Z',
    parties: [{ memberId: 2, memberNo: 'M-0002', memberName: 'Otieno Ochieng', role: 'owner' }, { memberId: 1, memberNo: 'M-0001', memberName: 'Wanjiru Kamau', role: 'host' }],
    registration: { registrar: 'local-only', state: 'local_only', collectionId: null, itemId: null, callHash: null, blockHash: null, blockNumber: null, extrinsicHash: null, failure: null },
  } as unknown as Agreement;

  it('holds the PDF, a sha256sum line that matches it, the registration and the signatories, and is reproducible', async () => {
    const pdf = await renderTermsPdf(data);
    const hash = sha256Hex(pdf);
    const signatures = [{ memberId: 2, memberName: 'Otieno Ochieng', version: 2, state: 'local_only' as const, registrar: 'local-only', recordedAt: '2026-03-04T08:00:00.000Z', confirmedAt: '2026-03-04T08:00:00.000Z', blockHash: null, extrinsicHash: null, failure: null }];
    const input = { agreement, version: 2, termsPdf: pdf, termsHash: hash, signatures, attributes: { kind: 'hosted_lease' }, asOf: agreement.updatedAt };
    const zip = buildProofPack(input);
    expect(sha256Hex(buildProofPack(input))).toBe(sha256Hex(zip));
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'registration.json', 'signatories.json', 'terms-agreement-7-v2.pdf', 'terms.sha256']);
    const [line] = strFromU8(files['terms.sha256']!).split('\n');
    const [expected, name] = line!.split('  ');
    expect(createHash('sha256').update(files[name!]!).digest('hex')).toBe(expected);
    const registration = JSON.parse(strFromU8(files['registration.json']!));
    expect(registration).toMatchObject({ termsHash: hash, onChain: false, blockHash: null, extrinsicHash: null, notice: expect.stringMatching(/^NOT ON CHAIN/) });
    const signatories = JSON.parse(strFromU8(files['signatories.json']!));
    expect(signatories.map((s: { name: string; signature: { state: string } | null }) => [s.name, s.signature?.state ?? null])).toEqual([['Otieno Ochieng', 'local_only'], ['Wanjiru Kamau', null]]);
  });

  it('refuses to pack a document that no longer matches its recorded hash', async () => {
    const pdf = await renderTermsPdf(data);
    expect(() => buildProofPack({ agreement, version: 2, termsPdf: pdf, termsHash: '0'.repeat(64), signatures: [], attributes: {}, asOf: agreement.updatedAt })).toThrow(ProofPackError);
  });
});
