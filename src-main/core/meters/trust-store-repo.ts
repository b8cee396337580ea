// The console's trust store in SQLite, and the edits made from Settings. Every edit writes its
// audit_log row in the same transaction as the change, so the trail can never disagree with it.
import type { Database } from 'better-sqlite3';
import type { AuditRecord } from '../audit/audit-repo.js';
import { publicKeyFromSec1 } from '../attestation/es256.js';
import { instanceIdForKey, sha256Hex, toHex, type ApprovedImplementation, type TrustAnchor, type TrustStoreSnapshot } from '../attestation/trust-store.js';
import { parseCertificate } from '../attestation/x509-chain.js';
import { MeterServiceError } from './meter-errors.js';

export interface AuditWriter {
  record(entry: AuditRecord): void;
}

interface AnchorRow {
  id: number;
  kind: 'ca-certificate' | 'device-key';
  label: string;
  certificate_der: Buffer | null;
  instance_id_hex: string | null;
  public_key: Buffer | null;
  fingerprint: string;
}

export interface TrustAnchorView {
  readonly id: number;
  readonly kind: TrustAnchor['kind'];
  readonly label: string;
  readonly fingerprint: string;
  readonly subject: string | null;
  readonly notAfter: string | null;
  readonly instanceIdHex: string | null;
}

export class TrustStoreRepo {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditWriter,
    private readonly now: () => string,
  ) {}

  /** Active trust as the verifier consumes it. */
  snapshot(): TrustStoreSnapshot {
    const anchors = (this.db.prepare(`SELECT * FROM meter_trust_anchors WHERE active = 1 ORDER BY id`).all() as AnchorRow[]).map(
      (r): TrustAnchor =>
        r.kind === 'ca-certificate'
          ? { kind: 'ca-certificate', label: r.label, certificateDer: new Uint8Array(r.certificate_der!) }
          : { kind: 'device-key', label: r.label, instanceIdHex: r.instance_id_hex!, publicKey: new Uint8Array(r.public_key!) },
    );
    const impls = this.db.prepare(`SELECT implementation_id_hex, label FROM meter_implementations WHERE active = 1`).all() as Array<{ implementation_id_hex: string; label: string }>;
    const measurements = this.db
      .prepare(`SELECT implementation_id_hex, measurement_hex, signer_id_hex, component_type, version FROM meter_approved_measurements WHERE active = 1`)
      .all() as Array<{ implementation_id_hex: string; measurement_hex: string; signer_id_hex: string | null; component_type: string | null; version: string | null }>;
    const implementations: ApprovedImplementation[] = impls.map((i) => ({
      implementationIdHex: i.implementation_id_hex,
      label: i.label,
      measurements: measurements
        .filter((m) => m.implementation_id_hex === i.implementation_id_hex)
        .map((m) => ({ measurementHex: m.measurement_hex, signerIdHex: m.signer_id_hex, componentType: m.component_type, version: m.version })),
    }));
    const revoked = this.db.prepare(`SELECT serial_hex AS serialHex, reason FROM meter_revoked_certificates`).all() as Array<{ serialHex: string; reason: string }>;
    return { anchors, implementations, revoked };
  }

  listAnchors(): TrustAnchorView[] {
    return (this.db.prepare(`SELECT * FROM meter_trust_anchors WHERE active = 1 ORDER BY id`).all() as AnchorRow[]).map((r) => {
      const cert = r.certificate_der ? parseCertificate(r.certificate_der) : null;
      return { id: r.id, kind: r.kind, label: r.label, fingerprint: r.fingerprint, subject: cert?.subject ?? null, notAfter: cert?.notAfter.toISOString() ?? null, instanceIdHex: r.instance_id_hex };
    });
  }

  addCaCertificate(input: { label: string; certificateDer: Uint8Array; operatorId: number | null }): number {
    let subject: string;
    try {
      const cert = parseCertificate(input.certificateDer);
      subject = cert.subject;
    } catch (error) {
      throw new MeterServiceError('TRUST_INPUT_INVALID', `That file is not an X.509 certificate: ${(error as Error).message}`);
    }
    const fingerprint = sha256Hex(input.certificateDer);
    return this.insertAnchor({ kind: 'ca-certificate', label: input.label, certificate_der: Buffer.from(input.certificateDer), instance_id_hex: null, public_key: null, fingerprint }, input.operatorId, { summary: `Trusted manufacturer CA "${subject}"`, code: 'trust.caAdded', subject });
  }

  /**
   * A per-device key, trusted for one instance id. A manufacturer's list pairs each key with its
   * instance id (RFC 9783 leaves the derivation to the implementation); without one, the id is
   * TF-M's 0x01 ‖ SHA-256(key).
   */
  addDeviceKey(input: { label: string; publicKey: Uint8Array; instanceIdHex?: string; operatorId: number | null }): number {
    try {
      publicKeyFromSec1(input.publicKey);
    } catch (error) {
      throw new MeterServiceError('TRUST_INPUT_INVALID', `Device key rejected: ${(error as Error).message}`);
    }
    if (input.instanceIdHex !== undefined) requireHex(input.instanceIdHex, 66, 'instance id');
    const instanceIdHex = input.instanceIdHex ?? toHex(instanceIdForKey(input.publicKey));
    return this.insertAnchor({ kind: 'device-key', label: input.label, certificate_der: null, instance_id_hex: instanceIdHex, public_key: Buffer.from(input.publicKey), fingerprint: sha256Hex(input.publicKey) }, input.operatorId, { summary: `Trusted device key for instance ${instanceIdHex.slice(0, 18)}…`, code: 'trust.deviceKeyAdded', subject: input.label });
  }

  removeAnchor(id: number, operatorId: number | null): void {
    this.db.transaction(() => {
      const row = this.db.prepare(`SELECT id, kind, label, fingerprint FROM meter_trust_anchors WHERE id = ? AND active = 1`).get(id) as Pick<AnchorRow, 'id' | 'kind' | 'label' | 'fingerprint'> | undefined;
      if (!row) throw new MeterServiceError('NOT_FOUND', `Trust anchor ${id} does not exist or was already removed`);
      this.db.prepare(`UPDATE meter_trust_anchors SET active = 0 WHERE id = ?`).run(id);
      this.audit.record({ operatorId, action: 'trust.anchor.remove', entity: 'meter_trust_anchor', entityId: id, summary: `Removed trust anchor "${row.label}"`, summaryCode: 'trust.anchorRemoved', summaryParams: { label: row.label }, before: row });
    })();
  }

  upsertImplementation(input: { implementationIdHex: string; label: string; operatorId: number | null }): void {
    requireHex(input.implementationIdHex, 64, 'implementation id');
    this.db.transaction(() => {
      const before = this.db.prepare(`SELECT label, active FROM meter_implementations WHERE implementation_id_hex = ?`).get(input.implementationIdHex);
      this.db
        .prepare(`INSERT INTO meter_implementations (implementation_id_hex, label, active, created_at) VALUES (?, ?, 1, ?)
                  ON CONFLICT (implementation_id_hex) DO UPDATE SET label = excluded.label, active = 1`)
        .run(input.implementationIdHex, input.label, this.now());
      this.audit.record({ operatorId: input.operatorId, action: 'trust.implementation.save', entity: 'meter_implementation', entityId: input.implementationIdHex, summary: `Meter platform "${input.label}" is known`, summaryCode: 'trust.platformKnown', summaryParams: { label: input.label }, before, after: { label: input.label } });
    })();
  }

  approveMeasurement(input: { implementationIdHex: string; measurementHex: string; signerIdHex: string | null; componentType: string | null; version: string | null; operatorId: number | null }): void {
    requireHex(input.measurementHex, null, 'measurement');
    if (input.signerIdHex !== null) requireHex(input.signerIdHex, null, 'signer id');
    this.db.transaction(() => {
      const impl = this.db.prepare(`SELECT label FROM meter_implementations WHERE implementation_id_hex = ? AND active = 1`).get(input.implementationIdHex);
      if (!impl) throw new MeterServiceError('NOT_FOUND', `Add the meter platform ${input.implementationIdHex.slice(0, 12)}… before approving its firmware`);
      this.db
        .prepare(`INSERT INTO meter_approved_measurements (implementation_id_hex, measurement_hex, signer_id_hex, component_type, version, active, created_at)
                  VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT (implementation_id_hex, measurement_hex) DO UPDATE SET active = 1, signer_id_hex = excluded.signer_id_hex`)
        .run(input.implementationIdHex, input.measurementHex, input.signerIdHex, input.componentType, input.version, this.now());
      const { operatorId, ...after } = input;
      this.audit.record({ operatorId, action: 'trust.measurement.approve', entity: 'meter_approved_measurement', entityId: `${input.implementationIdHex}:${input.measurementHex}`, summary: `Approved firmware ${input.componentType ?? ''} ${input.version ?? ''}`.trim(), summaryCode: 'trust.firmwareApproved', summaryParams: { component: input.componentType ?? '', firmwareVersion: input.version ?? '' }, after });
    })();
  }

  withdrawMeasurement(input: { implementationIdHex: string; measurementHex: string; operatorId: number | null }): void {
    this.db.transaction(() => {
      const result = this.db.prepare(`UPDATE meter_approved_measurements SET active = 0 WHERE implementation_id_hex = ? AND measurement_hex = ? AND active = 1`).run(input.implementationIdHex, input.measurementHex);
      if (result.changes === 0) throw new MeterServiceError('NOT_FOUND', 'That firmware measurement is not approved');
      this.audit.record({ operatorId: input.operatorId, action: 'trust.measurement.withdraw', entity: 'meter_approved_measurement', entityId: `${input.implementationIdHex}:${input.measurementHex}`, summary: 'Withdrew firmware approval', summaryCode: 'trust.firmwareWithdrawn' });
    })();
  }

  revokeCertificate(input: { serialHex: string; reason: string; operatorId: number | null }): void {
    requireHex(input.serialHex, null, 'serial number');
    this.db.transaction(() => {
      this.db.prepare(`INSERT OR REPLACE INTO meter_revoked_certificates (serial_hex, reason, created_at) VALUES (?, ?, ?)`).run(input.serialHex.toLowerCase(), input.reason, this.now());
      this.audit.record({ operatorId: input.operatorId, action: 'trust.certificate.revoke', entity: 'meter_revoked_certificate', entityId: input.serialHex, summary: `Revoked certificate ${input.serialHex}: ${input.reason}`, summaryCode: 'trust.certificateRevoked', summaryParams: { serial: input.serialHex, reason: input.reason } });
    })();
  }

  /** Imports a whole snapshot (e.g. the DEMO trust file) in one transaction with one audit row per item. */
  importSnapshot(snapshot: TrustStoreSnapshot, operatorId: number | null): void {
    this.db.transaction(() => {
      for (const anchor of snapshot.anchors) {
        const fingerprint = sha256Hex(anchor.kind === 'ca-certificate' ? anchor.certificateDer : anchor.publicKey);
        if (this.db.prepare(`SELECT 1 FROM meter_trust_anchors WHERE fingerprint = ? AND active = 1`).get(fingerprint)) continue;
        if (anchor.kind === 'ca-certificate') this.addCaCertificate({ label: anchor.label, certificateDer: anchor.certificateDer, operatorId });
        else this.addDeviceKey({ label: anchor.label, publicKey: anchor.publicKey, instanceIdHex: anchor.instanceIdHex, operatorId });
      }
      for (const impl of snapshot.implementations) {
        this.upsertImplementation({ implementationIdHex: impl.implementationIdHex, label: impl.label, operatorId });
        for (const m of impl.measurements) this.approveMeasurement({ implementationIdHex: impl.implementationIdHex, ...m, operatorId });
      }
      for (const r of snapshot.revoked) this.revokeCertificate({ ...r, operatorId });
    })();
  }

  private insertAnchor(row: Omit<AnchorRow, 'id'>, operatorId: number | null, said: { summary: string; code: 'trust.caAdded' | 'trust.deviceKeyAdded'; subject: string }): number {
    return this.db.transaction(() => {
      if (this.db.prepare(`SELECT 1 FROM meter_trust_anchors WHERE fingerprint = ?`).get(row.fingerprint)) {
        const reactivated = this.db.prepare(`UPDATE meter_trust_anchors SET active = 1, label = ? WHERE fingerprint = ? RETURNING id`).get(row.label, row.fingerprint) as { id: number };
        this.audit.record({ operatorId, action: 'trust.anchor.add', entity: 'meter_trust_anchor', entityId: reactivated.id, summary: `${said.summary} (re-activated)`, summaryCode: 'trust.anchorReactivated', summaryParams: { label: row.label } });
        return reactivated.id;
      }
      const id = Number(
        this.db
          .prepare(`INSERT INTO meter_trust_anchors (kind, label, certificate_der, instance_id_hex, public_key, fingerprint, active, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)`)
          .run(row.kind, row.label, row.certificate_der, row.instance_id_hex, row.public_key, row.fingerprint, this.now()).lastInsertRowid,
      );
      this.audit.record({ operatorId, action: 'trust.anchor.add', entity: 'meter_trust_anchor', entityId: id, summary: said.summary, summaryCode: said.code, summaryParams: { label: row.label, subject: said.subject }, after: { kind: row.kind, label: row.label, fingerprint: row.fingerprint } });
      return id;
    })();
  }
}

function requireHex(value: string, length: number | null, what: string): void {
  if (!/^[0-9a-f]+$/.test(value) || (length !== null && value.length !== length) || value.length % 2 !== 0) {
    throw new MeterServiceError('TRUST_INPUT_INVALID', `The ${what} must be lowercase hex${length ? ` of ${length} characters` : ''}`);
  }
}
