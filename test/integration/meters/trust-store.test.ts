// Trust-store edits (the Settings screen's repository): audited in the same transaction, and a
// rejected edit leaves neither change nor audit row. (Port discovery: port-discovery.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generateP256, sec1FromKey } from '../../../src-main/core/attestation/es256.js';
import { readCertificate } from '../../../src-main/core/attestation/trust-store-file.js';
import { MeterServiceError } from '../../../src-main/core/meters/meter-errors.js';
import { createTestConsole, ROOT, type TestConsole } from './harness.js';

describe('trust store repository', () => {
  let c: TestConsole;
  const auditCount = (): number => (c.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action LIKE 'trust.%'`).get() as { n: number }).n;
  beforeAll(() => {
    c = createTestConsole();
  });
  afterAll(() => c.close());

  it('imported the DEMO trust with one audit row per item', () => {
    const snap = c.trust.snapshot();
    expect(snap.anchors).toHaveLength(1);
    expect(snap.implementations[0]?.measurements).toHaveLength(4);
    expect(snap.revoked).toHaveLength(1);
    expect(auditCount()).toBe(1 + 1 + 4 + 1);
  });

  it('adds and removes a per-device key, each with its audit row', () => {
    const before = auditCount();
    const id = c.trust.addDeviceKey({ label: 'meter 12', publicKey: sec1FromKey(generateP256().publicKey), operatorId: null });
    expect(c.trust.snapshot().anchors.some((a) => a.kind === 'device-key')).toBe(true);
    c.trust.removeAnchor(id, null);
    expect(c.trust.snapshot().anchors.some((a) => a.kind === 'device-key')).toBe(false);
    const rows = c.db.prepare(`SELECT action, entity_id FROM audit_log WHERE action LIKE 'trust.anchor.%' ORDER BY id DESC LIMIT 2`).all() as Array<{ action: string; entity_id: string }>;
    expect(rows).toEqual([{ action: 'trust.anchor.remove', entity_id: String(id) }, { action: 'trust.anchor.add', entity_id: String(id) }]);
    expect(auditCount()).toBe(before + 2);
  });

  it('withdraws a firmware approval so the verifier stops accepting it', () => {
    const impl = c.trust.snapshot().implementations[0]!;
    c.trust.withdrawMeasurement({ implementationIdHex: impl.implementationIdHex, measurementHex: impl.measurements[0]!.measurementHex, operatorId: null });
    expect(c.trust.snapshot().implementations[0]!.measurements).toHaveLength(3);
  });

  it('rejects bad input without writing anything', () => {
    const before = auditCount();
    const anchors = c.trust.listAnchors().length;
    expect(() => c.trust.addDeviceKey({ label: 'bad', publicKey: new Uint8Array(65).fill(4), operatorId: null })).toThrow(MeterServiceError);
    expect(() => c.trust.addCaCertificate({ label: 'bad', certificateDer: new Uint8Array([1, 2, 3]), operatorId: null })).toThrow(/not an X.509 certificate/);
    expect(() => c.trust.approveMeasurement({ implementationIdHex: 'ff'.repeat(32), measurementHex: 'aa'.repeat(32), signerIdHex: null, componentType: null, version: null, operatorId: null })).toThrow(/before approving/);
    expect(auditCount()).toBe(before);
    expect(c.trust.listAnchors()).toHaveLength(anchors);
  });

  it('lists the CA anchor with subject and expiry for the Settings screen', () => {
    const der = readCertificate(join(ROOT, 'resources/demo-pki/manufacturer-ca.cert.pem'));
    expect(c.trust.listAnchors()[0]).toMatchObject({ kind: 'ca-certificate', subject: expect.stringMatching(/DEMO ONLY/) as string });
    expect(der.length).toBeGreaterThan(100);
  });
});
