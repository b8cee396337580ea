// What a field → office report carries: the meters the laptop attested and provisioned, the
// attestation evidence itself (the token bytes and the nonce the laptop issued), and every signed
// reading batch as the meter produced it. Nothing is carried as a verdict: the office re-verifies.
// Reports are cumulative (everything the laptop holds), so a lost report is covered by the next.
import type { Database } from 'better-sqlite3';
import type { BundleItem } from './bundle.js';
import { fieldRecordItems, type FieldRecordCounts } from './field-records.js';
import { memberEditItems, type ReportMemberEdit } from './member-edits.js';

export interface ReportMeter {
  instanceIdHex: string; implementationIdHex: string; model: string; serialNumber: string; firmwareVersion: string;
  status: string; memberId: number | null; equipmentRef: string | null; intervalSeconds: number | null; provisioningId: string | null;
  technician: string; recordedAt: string;
}
export interface ReportAttestation { instanceIdHex: string; evidence: Uint8Array; nonceHex: string; verifiedAt: string; technician: string }
export interface ReportBatch { instanceIdHex: string; seq: number; raw: Uint8Array; receivedAt: string }

export interface ReportSummary extends FieldRecordCounts { meters: number; attestations: number; batches: number; memberEdits: number }

export function buildReportItems(db: Database): { items: BundleItem[]; summary: ReportSummary; edits: ReportMemberEdit[] } {
  const meters = db.prepare(
    `SELECT m.instance_id_hex AS instanceIdHex, m.implementation_id_hex AS implementationIdHex, m.model, m.serial_number AS serialNumber,
            m.firmware_version AS firmwareVersion, m.status, m.member_id AS memberId, m.equipment_ref AS equipmentRef,
            m.interval_seconds AS intervalSeconds, m.provisioning_id AS provisioningId, m.updated_at AS recordedAt,
            coalesce((SELECT o.username FROM meter_attestations a JOIN operators o ON o.id = a.operator_id
                       WHERE a.meter_id = m.id ORDER BY a.id DESC LIMIT 1), '') AS technician
       FROM meters m WHERE m.public_key IS NOT NULL AND m.status IN ('attested', 'provisioned') ORDER BY m.id`,
  ).all() as ReportMeter[];
  const attestations = (db.prepare(
    `SELECT m.instance_id_hex AS instanceIdHex, a.evidence, a.nonce_hex AS nonceHex, a.verified_at AS verifiedAt, a.evidence_sha256 AS sha,
            coalesce(o.username, '') AS technician
       FROM meter_attestations a JOIN meters m ON m.id = a.meter_id LEFT JOIN operators o ON o.id = a.operator_id
      WHERE a.verdict = 'passed' ORDER BY a.id`,
  ).all() as (ReportAttestation & { sha: string })[]).map(({ sha, ...a }) => ({ sha, a: { ...a, evidence: new Uint8Array(a.evidence) } }));
  const batches = (db.prepare(
    `SELECT m.instance_id_hex AS instanceIdHex, b.seq, b.raw, b.received_at AS receivedAt FROM meter_batches b JOIN meters m ON m.id = b.meter_id ORDER BY b.meter_id, b.seq`,
  ).all() as ReportBatch[]).map((b) => ({ ...b, raw: new Uint8Array(b.raw) }));
  const memberEdits = memberEditItems(db);
  const records = fieldRecordItems(db);
  const items: BundleItem[] = [
    ...meters.map((m) => ({ type: 'meter', key: m.instanceIdHex, content: m })),
    ...attestations.map(({ sha, a }) => ({ type: 'attestation', key: sha, content: a })),
    ...batches.map((b) => ({ type: 'batch', key: `${b.instanceIdHex}:${b.seq}`, content: b })),
    ...memberEdits.items,
    ...records.items,
  ];
  return { items, edits: memberEdits.edits, summary: { meters: meters.length, attestations: attestations.length, batches: batches.length, memberEdits: memberEdits.edits.length, ...records.counts } };
}
