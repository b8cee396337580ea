// New readings change energy flows: after the collector stored readings of a meter, the days they
// cover are recomputed for the site(s) the meter measures (its member's site; for a generation
// meter, also its equipment's site). The recompute is incremental (only intervals whose inputs
// changed) and idempotent, so re-reading the same batches costs little.
import type { Database } from 'better-sqlite3';
import type { EnergyService } from '../energy/energy-service.js';
import type { AttemptOutcome } from '../meters/meter-collector.js';

export function recomputeAfterCollection(db: Database, energy: EnergyService, meterId: number, outcome: AttemptOutcome, log: (message: string, error: unknown) => void): void {
  if (!outcome.storedFrom || !outcome.storedTo) return;
  const meter = db.prepare(`SELECT t.equipment_ref, m.site_id FROM meters t LEFT JOIN members m ON m.id = t.member_id WHERE t.id = ?`).get(meterId) as { equipment_ref: string | null; site_id: number | null } | undefined;
  if (!meter) return;
  const sites = new Set<number>();
  if (meter.site_id !== null) sites.add(meter.site_id);
  // Same reading of a binding as the energy model's: the equipment number at the end of the reference.
  const equipmentId = meter.equipment_ref ? /(\d+)\s*$/.exec(meter.equipment_ref)?.[1] : undefined;
  if (equipmentId !== undefined) {
    const site = db.prepare(`SELECT site_id FROM equipment WHERE id = ?`).get(Number(equipmentId)) as { site_id: number } | undefined;
    if (site) sites.add(site.site_id);
  }
  for (const siteId of sites) {
    try {
      energy.recomputeDays(siteId, outcome.storedFrom.slice(0, 10), outcome.storedTo.slice(0, 10));
    } catch (error) {
      // The readings are stored either way; the flows catch up at the next recompute of the month.
      log(`Energy flows of site ${siteId} could not be recomputed after collecting meter ${meterId}`, error);
    }
  }
}
