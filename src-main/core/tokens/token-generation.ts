// Reads the renewable generation of a site's period for the token award: one record per generation
// meter (attested meter or stock Modbus meter bound to a piece of equipment) with the Wh it
// MEASURED in [from, to). The same loader as the energy flows (core/energy/site-inputs.ts), so the
// kWh on a certificate are the kWh the flows used. Estimated slots (a meter's hole filled from its
// history) earn nothing: a certificate states measured energy only.
import type { Database } from 'better-sqlite3';
import { ENERGY_SOURCES } from '../../contract/energy.js';
import { LOOKBACK, SLOT_MS, loadSiteInputs } from '../energy/site-inputs.js';
import { equipmentIdOfRef } from '../meters/equipment-ref.js';
import type { GenerationRecord } from './token-award.js';

export interface MeteredGeneration extends GenerationRecord {
  /** The equipment the meter measures (its equipment reference), for the certificate. */
  readonly equipmentId: number | null;
}

export function periodGeneration(db: Database, siteId: number, from: string, to: string, nowMs: number): MeteredGeneration[] {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  const inputs = loadSiteInputs(db, siteId, fromMs, toMs, nowMs);
  const equipmentOf = meterEquipment(db);
  const periodSlots = Math.ceil((toMs - fromMs) / SLOT_MS);
  const records: MeteredGeneration[] = [];
  for (const meter of inputs.meters) {
    if (meter.source === null) continue; // a connection meter: consumption and export, not generation
    let wh = 0;
    for (let slot = LOOKBACK; slot < LOOKBACK + periodSlots; slot++) if (meter.measured[slot] === 1) wh += meter.exportWh[slot] ?? 0;
    const member = inputs.members[meter.memberIndex];
    const kind = ENERGY_SOURCES[meter.source];
    if (!member || !kind || wh <= 0) continue;
    records.push({ memberId: member.id, deviceId: meter.key, kind, attested: !meter.unattested, intervalStart: from, wh, equipmentId: equipmentOf.get(meter.key) ?? null });
  }
  return records;
}

/** Meter key (as site-inputs names meters) → the equipment id of its reference. */
function meterEquipment(db: Database): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of db.prepare(`SELECT id, equipment_ref FROM meters WHERE equipment_ref IS NOT NULL`).all() as { id: number; equipment_ref: string }[]) {
    const id = equipmentIdOfRef(r.equipment_ref);
    if (id !== null) out.set(`meter ${r.id}`, id);
  }
  for (const r of db.prepare(`SELECT id, equipment_ref FROM modbus_meters WHERE equipment_ref IS NOT NULL`).all() as { id: number; equipment_ref: string }[]) {
    const id = equipmentIdOfRef(r.equipment_ref);
    if (id !== null) out.set(`stock meter ${r.id}`, id);
  }
  return out;
}
