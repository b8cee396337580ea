// Meter rows for the console: status, binding, last reading, attestation history, gaps, readings.
import type { Database } from 'better-sqlite3';
import type { MeterEquipment, MeterGap, MeterStatus, MeterSummary, PendingProvisioning } from '../../contract/meters.js';
import { equipmentIdOfRef } from './equipment-ref.js';
import type { AuditWriter } from './trust-store-repo.js';
import type { CheckResult, VerificationResult } from '../attestation/verifier.js';
import { toHex } from '../attestation/trust-store.js';

/** A stored meter: the contract's summary without the last reading and collection state (read separately), plus the
 *  binding waiting for its first batch. */
export interface MeterView extends Omit<MeterSummary, 'lastReading' | 'collection'> {
  readonly pendingProvisioning: PendingProvisioning | null;
}

export interface AttestationRecordView {
  readonly id: number;
  readonly evidenceSha256: string;
  readonly verdict: 'passed' | 'failed';
  readonly failedCheck: string | null;
  readonly checks: CheckResult[];
  readonly verifiedAt: string;
}

interface MeterRow {
  id: number; instance_id_hex: string; implementation_id_hex: string; model: string; serial_number: string; firmware_version: string;
  status: MeterStatus; member_id: number | null; member_name: string | null; equipment_ref: string | null; interval_seconds: number | null;
  provisioning_id: string | null; pending_provisioning_json: string | null; last_batch_seq: number | null; last_reading_at: string | null;
  open_gaps: number; port_path: string; updated_at: string;
}

const SELECT_METER = `SELECT m.*, mb.full_name AS member_name,
  (SELECT count(*) FROM meter_gaps g WHERE g.meter_id = m.id AND g.resolved_at IS NULL) AS open_gaps
  FROM meters m LEFT JOIN members mb ON mb.id = m.member_id`;

export class MetersRepo {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditWriter,
    private readonly now: () => string,
  ) {}

  list(filter: { memberId?: number } = {}): MeterView[] {
    const rows = this.db.prepare(`${SELECT_METER} WHERE (@memberId IS NULL OR m.member_id = @memberId) ORDER BY m.id`).all({ memberId: filter.memberId ?? null }) as MeterRow[];
    return rows.map((r) => this.withEquipment(r));
  }

  /** The row as a view, with the equipment its reference names (read by id: the reference's trailing number). */
  private withEquipment(r: MeterRow): MeterView {
    const id = equipmentIdOfRef(r.equipment_ref);
    const equipment = id === null ? undefined : (this.db
      .prepare(`SELECT e.id, e.kind, e.rated_power_w AS ratedPowerW, e.make, e.model, m.full_name AS ownerName FROM equipment e JOIN members m ON m.id = e.owner_member_id WHERE e.id = ?`)
      .get(id) as MeterEquipment | undefined);
    return toView(r, equipment ?? null);
  }

  get(id: number): MeterView | null {
    const row = this.db.prepare(`${SELECT_METER} WHERE m.id = ?`).get(id) as MeterRow | undefined;
    return row ? this.withEquipment(row) : null;
  }

  findByInstanceId(instanceIdHex: string): MeterView | null {
    const row = this.db.prepare(`${SELECT_METER} WHERE m.instance_id_hex = ?`).get(instanceIdHex) as MeterRow | undefined;
    return row ? this.withEquipment(row) : null;
  }

  /**
   * Stores one attestation outcome; on success also registers (or refreshes) the meter with its
   * attested key. One transaction. Returns the meter id (null when a failed meter is unknown).
   */
  recordAttestation(input: {
    result: VerificationResult; token: Uint8Array; nonce: Uint8Array; operatorId: number | null; portPath: string;
    identity: { model: string; serialNumber: string; firmwareVersion: string };
  }): { meterId: number | null; attestationId: number } {
    const { result } = input;
    const instanceIdHex = result.claims ? toHex(result.claims.instanceId) : null;
    return this.db.transaction(() => {
      const now = this.now();
      let meterId = instanceIdHex ? this.findByInstanceId(instanceIdHex)?.id ?? null : null;
      if (result.ok && result.claims && result.devicePublicKey) {
        const c = result.claims;
        if (meterId === null) {
          meterId = Number(
            this.db
              .prepare(`INSERT INTO meters (instance_id_hex, implementation_id_hex, model, serial_number, firmware_version, public_key, status, port_path, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'attested', ?, ?, ?)`)
              .run(instanceIdHex, toHex(c.implementationId), input.identity.model, input.identity.serialNumber, input.identity.firmwareVersion, Buffer.from(result.devicePublicKey), input.portPath, now, now).lastInsertRowid,
          );
          this.audit.record({ operatorId: input.operatorId, action: 'meter.register', entity: 'meter', entityId: meterId, summary: `Registered meter ${input.identity.serialNumber} after passing attestation`, summaryCode: 'meter.registered', summaryParams: { serial: input.identity.serialNumber } });
        } else {
          this.db
            .prepare(`UPDATE meters SET public_key = ?, firmware_version = ?, port_path = ?, updated_at = ?, status = CASE WHEN status = 'attestation_failed' THEN 'attested' ELSE status END WHERE id = ?`)
            .run(Buffer.from(result.devicePublicKey), input.identity.firmwareVersion, input.portPath, now, meterId);
        }
      } else if (meterId !== null) {
        this.db.prepare(`UPDATE meters SET status = 'attestation_failed', updated_at = ? WHERE id = ?`).run(now, meterId);
      }
      const attestationId = Number(
        this.db
          .prepare(`INSERT INTO meter_attestations (meter_id, instance_id_hex, evidence_sha256, evidence, nonce_hex, verdict, failed_check, checks_json, operator_id, verified_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(meterId, instanceIdHex, result.evidenceSha256, Buffer.from(input.token), toHex(input.nonce), result.ok ? 'passed' : 'failed', result.failedCheck, JSON.stringify(result.checks), input.operatorId, now).lastInsertRowid,
      );
      return { meterId, attestationId };
    })();
  }

  /** Step 1 of provisioning: remember what is being sent, before the meter is touched. */
  beginProvisioning(meterId: number, pending: PendingProvisioning, operatorId: number | null): void {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE meters SET status = 'provisioning', pending_provisioning_json = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(pending), this.now(), meterId);
      this.audit.record({ operatorId, action: 'meter.provision.begin', entity: 'meter', entityId: meterId, summary: `Provisioning ${pending.provisioningId} started`, summaryCode: 'meter.provisionStarted', summaryParams: { provisioningId: pending.provisioningId }, after: pending });
    })();
  }

  /** Step 2: the meter confirmed; apply the binding. */
  completeProvisioning(meterId: number, pending: PendingProvisioning, operatorId: number | null): void {
    this.db.transaction(() => {
      const before = this.get(meterId);
      this.db
        .prepare(`UPDATE meters SET status = 'provisioned', member_id = ?, equipment_ref = ?, interval_seconds = ?, provisioning_id = ?, pending_provisioning_json = NULL, updated_at = ? WHERE id = ?`)
        .run(pending.memberId, pending.equipmentRef, pending.intervalSeconds, pending.provisioningId, this.now(), meterId);
      this.audit.record({
        operatorId, action: 'meter.provision', entity: 'meter', entityId: meterId,
        summary: `Meter bound to member ${pending.memberId}${pending.equipmentRef ? ` / equipment ${pending.equipmentRef}` : ''}, ${pending.intervalSeconds / 60}-minute interval`,
        summaryCode: 'meter.provisioned',
        summaryParams: { member: (this.db.prepare('SELECT full_name FROM members WHERE id = ?').get(pending.memberId) as { full_name: string } | undefined)?.full_name ?? `#${pending.memberId}`, equipment: pending.equipmentRef ?? '', minutes: pending.intervalSeconds / 60 },
        before: before ? { memberId: before.memberId, equipmentRef: before.equipmentRef, provisioningId: before.provisioningId } : null, after: pending,
      });
    })();
  }

  attestationHistory(meterId: number): AttestationRecordView[] {
    const rows = this.db.prepare(`SELECT id, evidence_sha256, verdict, failed_check, checks_json, verified_at FROM meter_attestations WHERE meter_id = ? ORDER BY id DESC`).all(meterId) as Array<{ id: number; evidence_sha256: string; verdict: 'passed' | 'failed'; failed_check: string | null; checks_json: string; verified_at: string }>;
    return rows.map((r) => ({ id: r.id, evidenceSha256: r.evidence_sha256, verdict: r.verdict, failedCheck: r.failed_check, checks: JSON.parse(r.checks_json) as CheckResult[], verifiedAt: r.verified_at }));
  }

  gaps(meterId: number, includeResolved = false): MeterGap[] {
    const rows = this.db.prepare(`SELECT * FROM meter_gaps WHERE meter_id = ? AND (? OR resolved_at IS NULL) ORDER BY id`).all(meterId, includeResolved ? 1 : 0) as Array<{ id: number; kind: 'batch' | 'interval'; from_seq: number | null; to_seq: number | null; from_time: string | null; to_time: string | null; detected_at: string; resolved_at: string | null }>;
    return rows.map((r) => ({ id: r.id, kind: r.kind, fromSeq: r.from_seq, toSeq: r.to_seq, fromTime: r.from_time, toTime: r.to_time, detectedAt: r.detected_at, resolvedAt: r.resolved_at }));
  }

  readings(meterId: number, from: string, to: string): Array<{ intervalStart: string; importWh: number; exportWh: number }> {
    return this.db
      .prepare(`SELECT interval_start AS intervalStart, import_wh AS importWh, export_wh AS exportWh FROM meter_readings WHERE meter_id = ? AND interval_start >= ? AND interval_start < ? ORDER BY interval_start`)
      .all(meterId, from, to) as Array<{ intervalStart: string; importWh: number; exportWh: number }>;
  }
}

function toView(r: MeterRow, equipment: MeterEquipment | null): MeterView {
  return {
    id: r.id, instanceIdHex: r.instance_id_hex, implementationIdHex: r.implementation_id_hex, model: r.model, serialNumber: r.serial_number,
    firmwareVersion: r.firmware_version, status: r.status, memberId: r.member_id, memberName: r.member_name, equipmentRef: r.equipment_ref, equipment,
    intervalSeconds: r.interval_seconds, provisioningId: r.provisioning_id,
    pendingProvisioning: r.pending_provisioning_json ? (JSON.parse(r.pending_provisioning_json) as PendingProvisioning) : null,
    lastBatchSeq: r.last_batch_seq, lastReadingAt: r.last_reading_at, openGaps: r.open_gaps, portPath: r.port_path, updatedAt: r.updated_at,
  };
}
