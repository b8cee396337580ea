// Meters benchmark (`npm run bench`): provisioning + attestation time at 115200 baud, verified
// batch ingest vs a raw SQLite insert of the same rows, and Modbus reads/s at 9600 baud vs the
// line's theoretical limit. socat ptys transfer instantly, so the emulator adds the UART time a
// real line at the given baud rate would take (--line-timing); raw-pty figures are shown too.
import { join } from 'node:path';
import { generateP256, sec1FromKey } from '../../src-main/core/attestation/es256.js';
import { instanceIdForKey, toHex } from '../../src-main/core/attestation/trust-store.js';
import { BatchIngestor } from '../../src-main/core/meters/batch-ingest.js';
import { noopEvidenceAnchorSink } from '../../src-main/core/meters/anchor-sink.js';
import { GENESIS_PREV_HASH, sha256, signBatch, type IntervalRecord } from '../../src-main/core/meters/signed-batch.js';
import { SdmClient } from '../../src-main/core/devices/sdm-client.js';
import { createTestConsole, startEmulator } from '../integration/meters/harness.js';
import { measured, saveBenchRecords, type BenchRecord } from './report.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const records: BenchRecord[] = [];

async function provisioningBench(): Promise<void> {
  const c = createTestConsole({ transport: { timeoutMs: 2000, retries: 1 } });
  try {
    let rawPtySeconds: number | null = null;
    for (const timing of [false, true]) {
      const times: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const emu = await startEmulator(c.dir, join(c.dir, `bench-${timing}-${i}.json`), ['--baud', '115200', ...(timing ? ['--line-timing'] : []), '--quiet']);
        try {
          const t0 = performance.now();
          await c.service.provision({ portPath: emu.consolePath, baudRate: 115_200, memberId: c.memberId, equipmentRef: null, intervalSeconds: 900, operatorId: null });
          times.push(performance.now() - t0);
        } finally {
          await emu.stop();
        }
      }
      // With UART timing the figure a technician waits for (target ≤ 3 s); the raw pty run is its baseline.
      records.push(timing
        ? measured('meters.provision+attest@115200', median(times) / 1000, 's', { baseline: rawPtySeconds, target: '<= 3 s', pass: median(times) <= 3000 })
        : measured('meters.provision+attest.raw-pty', median(times) / 1000, 's'));
      if (!timing) rawPtySeconds = median(times) / 1000;
    }
  } finally {
    c.close();
  }
}

function ingestBench(): void {
  const c = createTestConsole();
  try {
    const BATCHES = 200;
    const PER_BATCH = 96; // one day of 15-minute intervals
    const ROUNDS = 5; // alternating verified/raw rounds; medians damp noise from other processes
    const now = new Date().toISOString();
    const t0 = 1_790_000_100 - (1_790_000_100 % 900);
    const ingestor = new BatchIngestor(c.db, noopEvidenceAnchorSink, () => new Date().toISOString());
    const insert = c.db.prepare(`INSERT INTO meter_readings (meter_id, interval_start, interval_seconds, import_wh, export_wh, batch_id) VALUES (?, ?, 900, ?, ?, ?)`);
    const verifiedRates: number[] = [];
    const rawRates: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const key = generateP256().privateKey;
      const instance = instanceIdForKey(sec1FromKey(key));
      const insertMeter = (instanceHex: string): number =>
        Number(c.db.prepare(`INSERT INTO meters (instance_id_hex, implementation_id_hex, model, serial_number, firmware_version, public_key, status, provisioning_id, created_at, updated_at)
                             VALUES (?, ?, 'CM-1', 'BENCH', '1', ?, 'provisioned', 'prov-bench', ?, ?)`).run(instanceHex, '00'.repeat(32), Buffer.from(sec1FromKey(key)), now, now).lastInsertRowid);
      const meterId = insertMeter(toHex(instance));
      const rawMeterId = insertMeter('02' + round.toString(16).padStart(64, '0'));
      const batches: Uint8Array[] = [];
      const rows: Array<[string, number, number]> = [];
      for (let seq = 1; seq <= BATCHES; seq += 1) {
        const records: IntervalRecord[] = Array.from({ length: PER_BATCH }, (_, i) => [t0 + ((seq - 1) * PER_BATCH + i) * 900, 120 + (i % 50), i % 7] as IntervalRecord);
        for (const [s, imp, exp] of records) rows.push([new Date(s * 1000).toISOString(), imp, exp]);
        batches.push(signBatch({ v: 1, instanceId: instance, seq, prev: seq === 1 ? GENESIS_PREV_HASH : sha256(batches[seq - 2]!), provisioningId: 'prov-bench', intervalSeconds: 900, records }, key));
      }
      const a = performance.now();
      const report = ingestor.ingest(meterId, batches);
      const verifiedMs = performance.now() - a;
      if (report.readingsStored !== rows.length) throw new Error(`ingest stored ${report.readingsStored} of ${rows.length}`);
      // Raw baseline: the same rows, one prepared INSERT each, one transaction (one batch row for the FK).
      const batchId = Number(c.db.prepare(`INSERT INTO meter_batches (meter_id, seq, sha256, prev_sha256, provisioning_id, record_count, raw, received_at) VALUES (?, 1, 'x', 'x', 'p', 0, x'00', ?)`).run(rawMeterId, now).lastInsertRowid);
      const b = performance.now();
      c.db.transaction(() => {
        for (const [at, imp, exp] of rows) insert.run(rawMeterId, at, imp, exp, batchId);
      })();
      const rawMs = performance.now() - b;
      verifiedRates.push(rows.length / (verifiedMs / 1000));
      rawRates.push(rows.length / (rawMs / 1000));
      ratios.push(rawMs / verifiedMs);
    }
    // Median of ROUNDS rounds of BATCHES batches × PER_BATCH readings, verified vs raw insert.
    const ratio = median(ratios);
    records.push({ ...measured('meters.ingest.verified', median(verifiedRates), 'readings/s', { baseline: median(rawRates), target: '>= 0.5', digits: 0 }), ratio: Number(ratio.toFixed(3)), pass: ratio >= 0.5 });
  } finally {
    c.close();
  }
}

async function modbusBench(): Promise<void> {
  const c = createTestConsole();
  // Function 04 for 2 registers: request 8 bytes + reply 9 bytes, 10 bits per byte, plus the 3.5-character
  // silences before each frame: the most a 9600-baud line can carry.
  const theoretical = 9600 / ((8 + 9 + 7) * 10);
  try {
    for (const timing of [true, false]) {
      const emu = await startEmulator(c.dir, join(c.dir, 'unused.json'), ['--mode', 'sdm120', '--baud', '9600', '--quiet', ...(timing ? ['--line-timing'] : [])]);
      const client = await SdmClient.connect({ path: emu.consolePath, baudRate: 9600, unitId: 1, model: 'SDM120', timeoutMs: 1000 });
      try {
        let reads = 0;
        const end = performance.now() + 3000;
        const t = performance.now();
        while (performance.now() < end) {
          await client.readFloat(0x0000);
          reads += 1;
        }
        const rate = reads / ((performance.now() - t) / 1000);
        // Baseline: the most a 9600-baud line can carry; the raw pty run has no UART time, no target.
        records.push(timing
          ? measured('meters.modbus.reads@9600', rate, 'reads/s', { baseline: theoretical, target: '>= 0.5 of the line limit', pass: rate / theoretical >= 0.5, digits: 1 })
          : measured('meters.modbus.reads.raw-pty', rate, 'reads/s', { digits: 1 }));
      } finally {
        await client.close();
        await emu.stop();
      }
    }
  } finally {
    c.close();
  }
}

await provisioningBench();
ingestBench();
await modbusBench();
saveBenchRecords(records);
