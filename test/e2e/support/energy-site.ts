// A small site with a week of readings for the energy screens. Site, members, equipment and the
// stock meter go through the API; connection/generation meters, their readings and the stock
// meter's samples are written straight into the serve process's SQLite file, because the only
// service path for them needs provisioned emulated meters and the verified ingest (the demo
// generator, `npm run demo`, does that on its own branch; its runtime does not fit this file).
// Flows are then computed by the real recompute (the test starts it from the screen).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { apiCall } from './serve.js';
import { householdWh, insertMeter, insertReadings, solarWh } from '../../support/energy-fixture.js';

export interface EnergySite {
  readonly siteId: number;
  readonly members: readonly { readonly id: number; readonly no: string; readonly name: string }[];
  /** First seeded day and the last one (UTC dates); readings cover [first 00:00Z, last + 1 day). */
  readonly firstDay: string;
  readonly lastDay: string;
}

const NAMES = ['Neema Mollel', 'Baraka Otieno', 'Chiku Wanjiru', 'Daudi Kimaro', 'Esther Mushi', 'Faraji Lyimo'];
const DAY_MS = 86_400_000;
const Q = 900_000;

/** Six households, a solar array at the first and a wind turbine at the fourth; the sixth on a stock meter. */
export async function seedEnergySite(url: string, token: string, dataDir: string, days = 6): Promise<EnergySite> {
  const call = <T>(channel: string, input: unknown) => apiCall<T>(url, channel, token, input);
  const site = await call<{ id: number }>('sites.create', { name: 'Kilima Hill', village: 'Kilima' });
  const members = [];
  for (const [i, name] of NAMES.entries()) {
    const no = `K-${String(i + 1).padStart(3, '0')}`;
    const roles = i === 0 || i === 3 ? ['prosumer', 'owner'] : ['consumer'];
    const member = await call<{ id: number }>('members.create', { memberNo: no, fullName: name, siteId: site.id, roles, joinedOn: '2025-01-15' });
    members.push({ id: member.id, no, name });
  }
  const equipment = async (kind: string, host: number) =>
    (await call<{ id: number }>('equipment.create', {
      kind, ratedPowerW: kind === 'solar' ? 5000 : 3000, make: 'Demo', model: kind, serial: `${kind}-1`, ownerMemberId: host, hostMemberId: host,
      siteId: site.id, commissionedOn: '2025-02-01', status: 'installed', meterRefs: null, notes: '',
    })).id;
  const solar = await equipment('solar', members[0]!.id);
  const wind = await equipment('wind', members[3]!.id);
  const stock = await call<{ id: number }>('meters.modbus.add', { label: 'Lyimo shop', model: 'SDM120', portPath: '/dev/ttyUSB7', unitId: 1, memberId: members[5]!.id });

  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const fromMs = today - days * DAY_MS;
  const db = new Database(join(dataDir, 'coop-console.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const connection = members.slice(0, 5).map((m) => insertMeter(db, m.id, null));
    const solarMeter = insertMeter(db, members[0]!.id, `EQ-${solar}`);
    const windMeter = insertMeter(db, members[3]!.id, `EQ-${wind}`);
    const rows: [number, number, number, number][] = [];
    for (let s = 0; s < days * 96; s++) {
      const t = fromMs + s * Q;
      const q = s % 96;
      const produced = [solarWh(q, 900), 0, 0, 140 + ((s * 31) % 180), 0];
      rows.push([solarMeter, t, 0, produced[0]!], [windMeter, t, 0, produced[3]!]);
      connection.forEach((meter, i) => {
        // Member 2's meter missed two hours on the second day: those slots are estimated.
        if (i === 1 && s >= 96 + 40 && s < 96 + 48) return;
        const use = householdWh(q, i);
        rows.push([meter, t, Math.max(0, use - produced[i]!), Math.max(0, produced[i]! - use)]);
      });
    }
    insertReadings(db, rows);
    // The stock meter reports running register totals (Wh) at each interval end.
    const sample = db.prepare(`INSERT INTO modbus_samples (modbus_meter_id, at, import_wh, export_wh, power_w, voltage_dv) VALUES (?, ?, ?, 0, 0, 2300)`);
    db.transaction(() => {
      let total = 100_000;
      for (let s = 0; s <= days * 96; s++) {
        sample.run(stock.id, new Date(fromMs + s * Q).toISOString(), total);
        total += householdWh(s % 96, 5);
      }
    })();
  } finally {
    db.close();
  }
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { siteId: site.id, members, firstDay: iso(fromMs), lastDay: iso(today - DAY_MS) };
}
