// Months of signed readings for the demo village, fed THROUGH THE VERIFIED INGEST: every member gets
// a connection meter, every generator (solar, wind, hydro, biogas) a generation meter, each an
// emulated attested device (demo-devices.ts). Each meter's log is sealed the way the emulated meter
// firmware seals it — an empty batch opening the binding, then hash-chained COSE_Sign1 batches of up
// to ten days of 15-minute records — and every batch is verified (signature, chain, binding) and
// stored by BatchIngestor, exactly like batches read from a serial port.
//
// Physics of the demo: a host's connection meter sees net = household use − output of the
// equipment it hosts (import when positive, export when negative); a generation meter's export
// register is the equipment's output. Same seed, same period → same readings (see readingsDigest).
//
// Speed (2,000 members, one month ≈ 7 M readings): batches are large (960 records), the ingest of
// a group of meters is one transaction, and the records are built in plain arrays.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import { NonceRegistry } from '../attestation/nonce-registry.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { noopEvidenceAnchorSink } from '../meters/anchor-sink.js';
import { BatchIngestor } from '../meters/batch-ingest.js';
import { MetersRepo } from '../meters/meters-repo.js';
import { GENESIS_PREV_HASH, sha256, signBatch, type IntervalRecord } from '../meters/signed-batch.js';
import { TrustStoreRepo } from '../meters/trust-store-repo.js';
import type { EquipmentService } from '../equipment/equipment-service.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { attestDemoMeter, DEMO_INTERVAL_SECONDS, DemoCa, ensureDemoTrust, recordDemoMeter, type RegisteredDemoMeter } from './demo-devices.js';
import { generationWh, householdWh, noise, type GenerationKind, type Generator, type Household } from './demo-profiles.js';

export const RECORDS_PER_BATCH = 960;
/** Meters whose batches are ingested in one transaction. */
const METERS_PER_TRANSACTION = 40;

export type DemoFeedPhase = 'equipment' | 'meters' | 'readings';
export interface DemoFeedProgress {
  readonly phase: DemoFeedPhase;
  readonly done: number;
  readonly total: number;
}

export interface DemoFeedOptions {
  readonly seed: number;
  /** First interval (UTC ms, on a 15-minute boundary) and the end (exclusive). */
  readonly fromMs: number;
  readonly toMs: number;
  readonly onProgress?: (progress: DemoFeedProgress) => void;
  /** Asked between groups of meters: true stops the feed (the console is closing). */
  readonly shouldStop?: () => boolean;
}

/** Thrown when shouldStop() said so; what was stored so far stays (each group is one transaction). */
export class DemoFeedStopped extends Error {
  constructor() {
    super('The demo feed was stopped (the console is closing)');
    this.name = 'DemoFeedStopped';
  }
}

export interface DemoFeedDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
  readonly equipment: EquipmentService;
}

interface MemberRow { id: number; site_id: number; premises_m2: number | null; prosumer: number; preferred_energy: string }
interface EquipmentRow { id: number; kind: string; rated_power_w: number; host: number | null; site_id: number }

export interface DemoFeedResult {
  readonly meters: number;
  readonly generationMeters: number;
  readonly batches: number;
  readonly readings: number;
  /** Time spent signing batches and in the verified ingest (ms), for the benchmark. */
  readonly signMs: number;
  readonly ingestMs: number;
}


/** Feeds the demo: registers the meters (attested, provisioned) and ingests their signed batches. Uses the equipment as it is. */
export async function feedDemoEnergy(deps: DemoFeedDeps, actor: OperatorPublic, options: DemoFeedOptions): Promise<DemoFeedResult> {
  const { db, clock } = deps;
  const seed = options.seed;
  if (options.fromMs % (DEMO_INTERVAL_SECONDS * 1000) !== 0 || options.toMs <= options.fromMs) throw new Error('The demo period must start on a 15-minute boundary and end after it starts');
  const progress = options.onProgress ?? (() => undefined);
  const now = () => isoNow(clock);
  const metersRepo = new MetersRepo(db, deps.audit, now);
  const trust = ensureDemoTrust(new TrustStoreRepo(db, deps.audit, now), actor.id);

  const members = activeMembers(db);
  const generators = generatorsOf(db).filter((e) => e.host !== null && members.some((m) => m.id === e.host));

  // Meters: one connection meter per member, one generation meter per generator.
  const bindings = [
    ...members.map((m, i) => ({ index: i, memberId: m.id, equipmentRef: null as string | null })),
    ...generators.map((g, i) => ({ index: members.length + i, memberId: g.host as number, equipmentRef: `EQ-${g.id}` })),
  ];
  const ca = await DemoCa.load();
  const nonces = new NonceRegistry(60_000, 100_000);
  const registered: RegisteredDemoMeter[] = [];
  const deviceDeps = { meters: metersRepo, trust, now: () => clock.now(), operatorId: actor.id };
  const stopIfAsked = () => {
    if (options.shouldStop?.()) throw new DemoFeedStopped();
  };
  for (let i = 0; i < bindings.length; i += 32) {
    stopIfAsked();
    // A few at a time (certificate issuing and token verification use Node's crypto thread pool),
    // then each group's rows in one transaction.
    const attested = await Promise.all(bindings.slice(i, i + 32).map((b) => attestDemoMeter(deviceDeps, ca, nonces, seed, b, new Date(options.fromMs))));
    stopIfAsked();
    db.transaction(() => {
      for (const a of attested) registered.push(recordDemoMeter(deviceDeps, seed, a));
    })();
    progress({ phase: 'meters', done: registered.length, total: bindings.length });
  }

  // Profiles: what each household uses and each generator makes, per interval.
  const households: Household[] = members.map((m) => ({
    key: m.id,
    baseW: Math.round(35 + Math.min(400, (m.premises_m2 ?? 60) * 0.6) * (0.6 + 0.8 * noise(seed, m.id, 1))),
    eveningPeakW: Math.round(150 + 700 * noise(seed, m.id, 2)),
  }));
  const generatorProfiles: Generator[] = generators.map((g) => ({ key: 100_000 + g.id, kind: g.kind as GenerationKind, ratedW: g.rated_power_w }));
  const hostedBy = new Map<number, number[]>();
  generators.forEach((g, i) => hostedBy.set(g.host as number, [...(hostedBy.get(g.host as number) ?? []), i]));

  const starts: number[] = [];
  for (let t = options.fromMs / 1000; t < options.toMs / 1000; t += DEMO_INTERVAL_SECONDS) starts.push(t);
  const ingestor = new BatchIngestor(db, noopEvidenceAnchorSink, now);
  let batches = 0;
  let readings = 0;
  let signMs = 0;
  let ingestMs = 0;
  const recordsOf = (meterIndex: number): IntervalRecord[] => {
    if (meterIndex >= members.length) {
      const g = generatorProfiles[meterIndex - members.length] as Generator;
      return starts.map((t) => [t, 0, generationWh(g, seed, t)] as const);
    }
    const house = households[meterIndex] as Household;
    const hosted = (hostedBy.get((members[meterIndex] as MemberRow).id) ?? []).map((i) => generatorProfiles[i] as Generator);
    return starts.map((t) => {
      let net = householdWh(house, seed, t);
      for (const g of hosted) net -= generationWh(g, seed, t);
      return net >= 0 ? ([t, net, 0] as const) : ([t, 0, -net] as const);
    });
  };
  for (let first = 0; first < registered.length; first += METERS_PER_TRANSACTION) {
    stopIfAsked();
    // Let the console answer between groups (the first-run wizard's feed runs beside it).
    await new Promise((resolve) => setImmediate(resolve));
    const group = registered.slice(first, first + METERS_PER_TRANSACTION);
    const signed = group.map((meter, k) => {
      const t0 = performance.now();
      const log = sealLog(meter, recordsOf(first + k));
      signMs += performance.now() - t0;
      return log;
    });
    const t1 = performance.now();
    db.transaction(() => {
      group.forEach((meter, k) => {
        const report = ingestor.ingest(meter.meterId, signed[k] as Uint8Array[]);
        if (report.rejected.length > 0) throw new Error(`Demo batch rejected by the verified ingest: ${report.rejected[0]?.message}`);
        batches += report.accepted;
        readings += report.readingsStored;
      });
    })();
    ingestMs += performance.now() - t1;
    progress({ phase: 'readings', done: Math.min(first + METERS_PER_TRANSACTION, registered.length), total: registered.length });
  }
  return { meters: registered.length, generationMeters: generators.length, batches, readings, signMs, ingestMs };
}

const activeMembers = (db: Database): MemberRow[] =>
  db.prepare(`SELECT m.id, m.site_id, m.premises_m2, m.preferred_energy, EXISTS (SELECT 1 FROM member_roles r WHERE r.member_id = m.id AND r.role IN ('prosumer', 'owner')) AS prosumer FROM members m WHERE m.active = 1 ORDER BY m.id`).all() as MemberRow[];
const generatorsOf = (db: Database): EquipmentRow[] =>
  db.prepare(`SELECT id, kind, rated_power_w, COALESCE(host_member_id, owner_member_id) AS host, site_id FROM equipment WHERE kind IN ('solar', 'wind', 'hydro', 'biogas') AND status IN ('installed', 'leased') ORDER BY id`).all() as EquipmentRow[];

/**
 * Households with and without equipment: most prosumers without a generator get a rooftop array
 * (or a small turbine), installed through the equipment service. Returns how many.
 */
export function addMembersOwnGenerators(deps: Pick<DemoFeedDeps, 'db' | 'equipment'>, actor: OperatorPublic, seed: number, fromMs: number, progress: (p: DemoFeedProgress) => void = () => undefined): number {
  const { db } = deps;
  const members = activeMembers(db);
  const hosting = new Set(generatorsOf(db).map((e) => e.host));
  const rooftop = members.filter((m) => m.prosumer === 1 && !hosting.has(m.id) && noise(seed, m.id, 77) < 0.7);
  const commissioned = new Date(fromMs - 200 * 86_400_000).toISOString().slice(0, 10);
  rooftop.forEach((m, i) => {
    // A rooftop array, or a small turbine for some of those who said they prefer wind.
    const wind = m.preferred_energy.split(',').includes('wind') && noise(seed, m.id, 79) < 0.5;
    const ratedPowerW = wind ? 1000 + 500 * Math.floor(noise(seed, m.id, 78) * 5) : 600 + 200 * Math.floor(noise(seed, m.id, 78) * 13);
    deps.equipment.create(actor, {
      kind: wind ? 'wind' : 'solar', ratedPowerW, storageWh: null, make: wind ? 'Demo Wind' : 'Demo Solar', model: `${wind ? 'Turbine' : 'Rooftop'} ${ratedPowerW} W`, serial: `DEMO-GEN-${seed}-${m.id}`,
      ownerMemberId: m.id, hostMemberId: m.id, siteId: m.site_id, commissionedOn: commissioned, status: 'installed', meterRefs: null, notes: 'Demo village: a member\'s own generator with a generation meter',
    });
    if ((i + 1) % 50 === 0 || i + 1 === rooftop.length) progress({ phase: 'equipment', done: i + 1, total: rooftop.length });
  });
  return rooftop.length;
}

/** The meter's log as its firmware seals it: an empty batch opening the binding, then full batches. */
function sealLog(meter: RegisteredDemoMeter, records: readonly IntervalRecord[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let prev: Uint8Array = GENESIS_PREV_HASH;
  const seal = (chunk: IntervalRecord[]) => {
    const bytes = signBatch({ v: 1, instanceId: meter.instanceId, seq: out.length + 1, prev, provisioningId: meter.provisioningId, intervalSeconds: DEMO_INTERVAL_SECONDS, records: chunk }, meter.key);
    prev = sha256(bytes);
    out.push(bytes);
  };
  seal([]);
  for (let i = 0; i < records.length; i += RECORDS_PER_BATCH) seal(records.slice(i, i + RECORDS_PER_BATCH));
  return out;
}

/**
 * SHA-256 over every stored reading (meter instance id, interval, import, export), in a fixed
 * order: two databases fed with the same seed and period have the same digest.
 */
export function readingsDigest(db: Database): string {
  const hash = createHash('sha256');
  const rows = db.prepare(`SELECT m.instance_id_hex, r.interval_start, r.import_wh, r.export_wh FROM meter_readings r JOIN meters m ON m.id = r.meter_id ORDER BY m.instance_id_hex, r.interval_start`).raw().iterate() as IterableIterator<[string, string, number, number]>;
  for (const [instance, start, imp, exp] of rows) hash.update(`${instance}|${start}|${imp}|${exp}\n`);
  return hash.digest('hex');
}
