import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newSigningKeyPair, openBundle, signerOf, sealBundle, type OpenOptions, type SealOptions, type SenderStatus } from './bundle.js';
import { FieldSyncRefusal, type FieldSyncRefusalCode } from './sync-errors.js';

const office = newSigningKeyPair();
const laptop = newSigningKeyPair();
const PASS = 'mango tree by the well';

const packOptions: SealOptions = {
  kind: 'pack', cooperativeId: 'coop-A', senderId: 'office', sequence: 3, createdAt: '2026-12-07T08:00:00Z',
  sign: signerOf(office.secretKey), passphrase: PASS,
  items: [
    { type: 'member', key: 'M-0001', content: { name: 'Awa Diallo', siteNumber: 'S-1' } },
    { type: 'site', key: 'S-1', content: { name: 'North hamlet' } },
  ],
};
// One encrypted pack for every pack test: scrypt is deliberately slow.
const pack = sealBundle(packOptions);

const senders: Record<string, SenderStatus> = {
  office: { state: 'active', publicKey: office.publicKey, label: 'Office' },
  'laptop-1': { state: 'active', publicKey: laptop.publicKey, label: 'Laptop 1' },
  'laptop-2': { state: 'revoked', label: 'Laptop 2', revokedAt: '2026-12-01' },
};
const openPack = (bytes: Uint8Array, overrides: Partial<OpenOptions> = {}) => openBundle(bytes, {
  expectedKind: 'pack', cooperativeId: 'coop-A', resolveSender: (id) => senders[id], lastSequence: () => 2, passphrase: PASS, ...overrides,
});

function report(overrides: Partial<SealOptions> = {}): Uint8Array {
  return sealBundle({
    kind: 'report', cooperativeId: 'coop-A', senderId: 'laptop-1', sequence: 1, createdAt: '2026-12-07T18:00:00Z',
    sign: signerOf(laptop.secretKey), items: [{ type: 'note', key: 'n1', content: { text: 'Meter behind the door' } }], ...overrides,
  });
}
const openReport = (bytes: Uint8Array, overrides: Partial<OpenOptions> = {}) => openBundle(bytes, {
  expectedKind: 'report', cooperativeId: 'coop-A', resolveSender: (id) => senders[id], lastSequence: () => 0, ...overrides,
});

function refusalOf(action: () => unknown): { code: FieldSyncRefusalCode; message: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof FieldSyncRefusal) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal, got none');
}

describe('field-sync bundle', () => {
  it('round-trips an encrypted, signed pack with its items and hashes', () => {
    const opened = openPack(pack);
    expect(opened).toMatchObject({ kind: 'pack', cooperativeId: 'coop-A', senderId: 'office', sequence: 3, repeat: false });
    expect(opened.items.map((i) => [i.type, i.key, i.content])).toEqual(packOptions.items.map((i) => [i.type, i.key, i.content]));
    expect(opened.items[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    // The member's name does not travel in clear inside the file.
    expect(Buffer.from(pack).includes(Buffer.from('Awa Diallo'))).toBe(false);
  });

  it('marks the same sequence as a repeat (idempotent re-import) and refuses an older one as stale', () => {
    expect(openPack(pack, { lastSequence: () => 3 }).repeat).toBe(true);
    const stale = refusalOf(() => openPack(pack, { lastSequence: () => 4 }));
    expect(stale.code).toBe('BUNDLE_STALE');
    expect(stale.message).toContain('older than the last one');
  });

  it('refuses a truncated file', () => {
    for (const cut of [0, 1, 10, pack.length >> 1, pack.length - 1]) {
      expect(refusalOf(() => openPack(pack.subarray(0, cut))).code).toBe('BUNDLE_DAMAGED');
    }
  });

  it('refuses a file that is not a sync bundle', () => {
    expect(refusalOf(() => openPack(Buffer.from('member,name\n1,Awa\n'))).code).toBe('BUNDLE_DAMAGED');
  });

  it('refuses a tampered byte in the signed content', () => {
    const bytes = Uint8Array.from(report());
    // The note's text sits in the signed body in clear (reports are not encrypted): change one letter.
    const at = Buffer.from(bytes).indexOf(Buffer.from('behind'));
    bytes[at] = 'B'.charCodeAt(0);
    const refusal = refusalOf(() => openReport(bytes));
    expect(refusal.code).toBe('BUNDLE_TAMPERED');
    expect(refusal.message).toContain('Laptop 1');
  });

  it('refuses any single changed byte anywhere in the file (property)', () => {
    const original = report();
    fc.assert(fc.property(fc.integer({ min: 0, max: original.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
      const bytes = Uint8Array.from(original);
      bytes[at] = (bytes[at] ?? 0) ^ xor;
      expect(() => openReport(bytes)).toThrow(FieldSyncRefusal);
    }), { numRuns: 300 });
  });

  it("refuses another cooperative's file", () => {
    const refusal = refusalOf(() => openReport(report({ cooperativeId: 'coop-B' })));
    expect(refusal.code).toBe('BUNDLE_FOREIGN');
    expect(refusal.message).toContain('another cooperative');
  });

  it('refuses a file signed by an unknown console, or by a key other than the sender’s', () => {
    expect(refusalOf(() => openReport(report({ senderId: 'laptop-9' }))).code).toBe('BUNDLE_UNKNOWN_SENDER');
    const forged = report({ sign: signerOf(newSigningKeyPair().secretKey) });
    expect(refusalOf(() => openReport(forged)).code).toBe('BUNDLE_TAMPERED');
  });

  it('refuses a report from a revoked field console', () => {
    const refusal = refusalOf(() => openReport(report({ senderId: 'laptop-2' })));
    expect(refusal.code).toBe('BUNDLE_SENDER_REVOKED');
    expect(refusal.message).toContain('Laptop 2');
  });

  it('refuses a pack with a wrong or missing passphrase', () => {
    expect(refusalOf(() => openPack(pack, { passphrase: 'mango tree by the wall' })).code).toBe('BUNDLE_PASSPHRASE');
    expect(refusalOf(() => openBundle(pack, { expectedKind: 'pack', cooperativeId: 'coop-A', resolveSender: (id) => senders[id], lastSequence: () => 0 })).code).toBe('BUNDLE_PASSPHRASE');
  });

  it('refuses a pack where a report is expected and the reverse', () => {
    expect(refusalOf(() => openReport(pack)).code).toBe('BUNDLE_WRONG_KIND');
    expect(refusalOf(() => openPack(report())).code).toBe('BUNDLE_WRONG_KIND');
  });

  it('refuses to seal a pack without a passphrase', () => {
    const { passphrase: _p, ...withoutPassphrase } = packOptions;
    expect(refusalOf(() => sealBundle(withoutPassphrase)).code).toBe('BUNDLE_PASSPHRASE');
  });
});
