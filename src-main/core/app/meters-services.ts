// Builds the meters area over one open database: repositories, the provisioning service and its
// runs, signed commands, stock Modbus meters, port discovery and read models for the API.
//
// Serial ports: the OS list (serialport) plus COOP_EXTRA_PORTS, a list of paths separated by the
// platform's path delimiter (":" on Linux). Each entry is a device (listed if it exists) or a folder
// (every entry in it is listed, e.g. a folder of socat pty symlinks for training or tests). ptys are
// never in the OS list, so this, or typing the path in the wizard, is how the emulator is reached.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { MeterReading, MeterSummary, SerialPortInfo, SerialPortListing } from '../../contract/meters.js';
import type { EventBus } from '../api/event-bus.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { refusal } from '../api/core-error.js';
import { discoverSerialPorts, type SystemPortLister } from '../devices/port-discovery.js';
import { loadOrCreateCoopCommandKey } from '../meters/coop-command-key.js';
import { MeterCommands } from '../meters/meter-commands.js';
import { MeterCollector, type AttemptOutcome } from '../meters/meter-collector.js';
import { MetersRepo, type MeterView } from '../meters/meters-repo.js';
import { MeterProvisioningService } from '../meters/provisioning-service.js';
import { TrustStoreRepo } from '../meters/trust-store-repo.js';
import { lockedLinkOpener, SerialLineLocks } from '../meters/serial-line-locks.js';
import { openSerialLink } from '../devices/serial-link.js';
import type { EvidenceAnchorSink } from '../meters/anchor-sink.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { ModbusMeters } from './meters-modbus.js';
import { ProvisioningRuns } from './meters-runs.js';

export interface MeterServicesDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
  readonly events: EventBus;
  /** Folder of the cooperative's meter-command key (the app data folder). */
  readonly keyDir: string;
  readonly anchors?: EvidenceAnchorSink;
  /** Defaults to process.env.COOP_EXTRA_PORTS. */
  readonly extraPorts?: string;
  /** The OS port listing (default: serialport's, which runs udevadm on Linux). */
  readonly portLister?: SystemPortLister;
  readonly collection?: MeterCollectionOptions;
}

/** Tuning of the background collector (tests shorten the waits; the defaults suit a village). */
export interface MeterCollectionOptions {
  /** Wait between reads of a healthy meter, from its interval; default: the interval itself. */
  readonly periodMs?: (intervalSeconds: number) => number;
  /** Longest wait between attempts while reads fail (never below the period); default 60 s. */
  readonly maxRetryDelayMs?: number;
  /** After every background or manual read (e.g. to recompute energy flows of the new intervals). */
  readonly onAttempt?: (meterId: number, outcome: AttemptOutcome) => void;
}

export interface MeterServices {
  readonly meters: MetersRepo;
  readonly trust: TrustStoreRepo;
  readonly provisioning: MeterProvisioningService;
  readonly runs: ProvisioningRuns;
  readonly commands: MeterCommands;
  readonly modbus: ModbusMeters;
  /** Reads every provisioned meter with a port on its interval (resume() at start, after provisioning). */
  readonly collector: MeterCollector;
  listPorts(manualPath?: string): Promise<SerialPortListing>;
  summary(view: MeterView): MeterSummary;
  recentReadings(meterId: number, limit: number): MeterReading[];
  dispose(): Promise<void>;
}

const TRANSPORT = { timeoutMs: 1500, retries: 2 } as const;

export function buildMeterServices(deps: MeterServicesDeps): MeterServices {
  const { db, clock, audit, events } = deps;
  const now = () => isoNow(clock);
  const meters = new MetersRepo(db, audit, now);
  const trust = new TrustStoreRepo(db, audit, now);
  // Created lazily: a console that never provisions a meter never writes a key file.
  let coopKey: ReturnType<typeof loadOrCreateCoopCommandKey> | null = null;
  const key = () => (coopKey ??= loadOrCreateCoopCommandKey(join(deps.keyDir, 'coop-meter-key.pem')));
  // Provisioning, background reads and signed commands take turns on a port (one user at a time).
  const openLink = lockedLinkOpener(new SerialLineLocks(), openSerialLink);
  const provisioning = new MeterProvisioningService({
    db, meters, trust, openLink,
    get coopKey() {
      return key();
    },
    now: () => clock.now(),
    transport: TRANSPORT,
    ...(deps.anchors ? { anchors: deps.anchors } : {}),
  });
  const collector = new MeterCollector({
    db, service: provisioning, now: () => clock.now(),
    ...(deps.collection?.periodMs ? { periodMs: deps.collection.periodMs } : {}),
    ...(deps.collection?.maxRetryDelayMs !== undefined ? { maxRetryDelayMs: deps.collection.maxRetryDelayMs } : {}),
    onAttempt: (meterId, outcome) => {
      deps.collection?.onAttempt?.(meterId, outcome);
      if (outcome.changed) events.emit('meters.changed', { reason: 'collection', meterId });
    },
  });
  let disposed = false;
  const runs = new ProvisioningRuns({
    db, service: provisioning, now,
    onUpdate: (run) => events.emit('meters.provisioning', run),
    onFinished: (run) => {
      // A newly provisioned meter is collected from now on, without anyone pressing "collect".
      if (run.status === 'succeeded' && !disposed) collector.resume();
      events.emit('meters.changed', { reason: run.status === 'succeeded' ? 'provisioned' : 'provisioning-failed', meterId: run.result?.meterId ?? null });
    },
  });
  const commands = new MeterCommands({
    meters, audit, openLink,
    get coopPrivateKey() {
      return key().privateKey;
    },
    transport: TRANSPORT,
  });
  const modbus = new ModbusMeters({ db, audit, now: () => clock.now(), onPolled: (modbusMeterId, sample, error) => events.emit('meters.modbus.polled', { modbusMeterId, sample, error }) });
  const lastReading = db.prepare(`SELECT interval_start AS intervalStart, import_wh AS importWh, export_wh AS exportWh FROM meter_readings WHERE meter_id = ? ORDER BY interval_start DESC LIMIT 1`);
  const recent = db.prepare(`SELECT interval_start AS intervalStart, import_wh AS importWh, export_wh AS exportWh FROM meter_readings WHERE meter_id = ? ORDER BY interval_start DESC LIMIT ?`);

  return {
    meters, trust, provisioning, runs, commands, modbus, collector,
    listPorts: (manualPath) => listPorts(deps.extraPorts ?? process.env.COOP_EXTRA_PORTS ?? '', manualPath, deps.portLister),
    summary: (view) => {
      const { pendingProvisioning: _pending, ...rest } = view;
      return { ...rest, lastReading: (lastReading.get(view.id) as MeterReading | undefined) ?? null, collection: collector.view(view.id, view.intervalSeconds) };
    },
    recentReadings: (meterId, limit) => (recent.all(meterId, limit) as MeterReading[]).reverse(),
    async dispose() {
      disposed = true;
      await modbus.dispose();
      await runs.settle();
      await collector.dispose();
    },
  };
}

async function listPorts(extra: string, manualPath: string | undefined, lister: SystemPortLister | undefined): Promise<SerialPortListing> {
  // Without the OS listing (no udev) the sysfs scan stands in and the gap says so; configured and
  // typed paths work either way.
  const found = await discoverSerialPorts(lister ? { lister } : {});
  const ports: SerialPortInfo[] = [...found.ports];
  const add = (path: string, source: 'configured' | 'manual') => {
    if (!ports.some((p) => p.path === path)) ports.push({ path, manufacturer: null, serialNumber: null, vendorId: null, productId: null, source, likelyMeter: true });
  };
  for (const entry of extra.split(delimiter).map((e) => e.trim()).filter(Boolean)) {
    if (!existsSync(entry)) continue;
    if (statSync(entry).isDirectory()) {
      for (const name of readdirSync(entry).sort()) {
        const path = join(entry, name);
        // Dangling links (a meter unplugged) and sub-folders are not ports.
        if (existsSync(path) && !statSync(path).isDirectory()) add(path, 'configured');
      }
    } else {
      add(entry, 'configured');
    }
  }
  if (manualPath !== undefined) {
    if (!existsSync(manualPath)) throw refusal('NOT_FOUND', 'portMissing', `The port ${manualPath} does not exist. Check the name (e.g. /dev/ttyUSB0 or COM4) and that the USB adapter is plugged in.`, { port: manualPath });
    add(manualPath, 'manual');
  }
  return { ports: ports.sort((a, b) => Number(b.likelyMeter) - Number(a.likelyMeter) || a.path.localeCompare(b.path)), gap: found.gap };
}
