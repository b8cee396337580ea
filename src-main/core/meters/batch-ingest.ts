// Ingest of signed reading batches: verify signature and hash-chain continuity, store the interval
// readings, skip re-sent batches, record gaps (missing batches, missing intervals). Each batch is
// all-or-nothing (its own savepoint), so a bad batch never leaves part of itself behind.
import type { Database, Statement } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { publicKeyFromSec1 } from '../attestation/es256.js';
import { toHex } from '../attestation/trust-store.js';
import type { EvidenceAnchorSink } from './anchor-sink.js';
import { MeterServiceError } from './meter-errors.js';
import { BatchFormatError, decodeBatch, GENESIS_PREV_HASH, verifyBatchSignature, type DecodedBatch, type IntervalRecord } from './signed-batch.js';

export type BatchProblem = 'MALFORMED' | 'WRONG_METER' | 'SIGNATURE' | 'CONFLICT' | 'CHAIN_BROKEN' | 'FOREIGN_PROVISIONING' | 'OVERLAP';

export interface IngestReport {
  accepted: number;
  duplicates: number;
  readingsStored: number;
  rejected: Array<{ seq: number | null; problem: BatchProblem; message: string }>;
  gapsOpened: Array<{ kind: 'batch' | 'interval'; from: string; to: string }>;
}

class Rejection extends Error {
  constructor(
    readonly problem: BatchProblem,
    message: string,
  ) {
    super(message);
  }
}

interface MeterKeyRow {
  id: number;
  instance_id_hex: string;
  public_key: Buffer | null;
  provisioning_id: string | null;
}

// Interval starts are whole seconds: format them without a Date per record (hot path of ingest).
let cachedDay = -1;
let cachedPrefix = '';
const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
function iso(unix: number): string {
  const day = Math.floor(unix / 86_400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const s = unix - day * 86_400;
  return `${cachedPrefix}${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}.000Z`;
}

export class BatchIngestor {
  private readonly multiInsert = new Map<number, Statement>();
  private readonly stmt: Record<'batchAt' | 'insertBatch' | 'updateMeter' | 'insertGap' | 'openGapsCovering' | 'resolveGap' | 'minSeq', Statement>;

  constructor(
    private readonly db: Database,
    private readonly anchors: EvidenceAnchorSink,
    private readonly now: () => string,
  ) {
    this.stmt = {
      batchAt: db.prepare(`SELECT id, sha256, prev_sha256, last_interval_start FROM meter_batches WHERE meter_id = ? AND seq = ?`),
      minSeq: db.prepare(`SELECT min(seq) AS min, max(seq) AS max FROM meter_batches WHERE meter_id = ?`),
      insertBatch: db.prepare(
        `INSERT INTO meter_batches (meter_id, seq, sha256, prev_sha256, provisioning_id, record_count, first_interval_start, last_interval_start, raw, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateMeter: db.prepare(
        `UPDATE meters SET last_batch_seq = max(coalesce(last_batch_seq, 0), @seq),
                last_batch_sha256 = CASE WHEN @seq >= coalesce(last_batch_seq, 0) THEN @sha ELSE last_batch_sha256 END,
                last_reading_at = CASE WHEN @last IS NOT NULL AND (last_reading_at IS NULL OR @last > last_reading_at) THEN @last ELSE last_reading_at END,
                updated_at = @now WHERE id = @id`,
      ),
      insertGap: db.prepare(`INSERT INTO meter_gaps (meter_id, kind, from_seq, to_seq, from_time, to_time, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      openGapsCovering: db.prepare(`SELECT id, from_seq, to_seq FROM meter_gaps WHERE meter_id = ? AND kind = 'batch' AND resolved_at IS NULL AND from_seq <= ? AND to_seq >= ?`),
      resolveGap: db.prepare(`UPDATE meter_gaps SET resolved_at = ? WHERE id = ?`),
    };
  }

  /** Sequence number of a batch (throws BatchFormatError when unreadable): used to page through a meter's log. */
  peekSeq(bytes: Uint8Array): number {
    return decodeBatch(bytes).body.seq;
  }

  /** Verifies and stores batches (any order); one transaction, one savepoint per batch. */
  ingest(meterId: number, batches: readonly Uint8Array[]): IngestReport {
    const meter = this.db.prepare(`SELECT id, instance_id_hex, public_key, provisioning_id FROM meters WHERE id = ?`).get(meterId) as MeterKeyRow | undefined;
    if (!meter) throw new MeterServiceError('METER_NOT_FOUND', `Meter ${meterId} is not registered`);
    if (!meter.public_key) throw new MeterServiceError('NOT_ATTESTED', 'This meter has not passed attestation, so its readings cannot be trusted yet');
    const key = publicKeyFromSec1(meter.public_key);
    const report: IngestReport = { accepted: 0, duplicates: 0, readingsStored: 0, rejected: [], gapsOpened: [] };
    const anchored: Array<{ sha: string; id: number }> = [];
    const one = this.db.transaction((bytes: Uint8Array) => this.ingestOne(meter, key, bytes, report));
    this.db.transaction(() => {
      for (const bytes of batches) {
        try {
          const stored = one(bytes);
          if (stored) anchored.push(stored);
        } catch (error) {
          if (!(error instanceof Rejection)) throw error;
          report.rejected.push({ seq: seqOf(bytes), problem: error.problem, message: error.message });
        }
      }
    })();
    for (const a of anchored) this.anchors.enqueue('meter-batch', a.sha, `meter_batches:${a.id}`);
    return report;
  }

  private ingestOne(meter: MeterKeyRow, key: KeyObject, bytes: Uint8Array, report: IngestReport): { sha: string; id: number } | null {
    let batch: DecodedBatch;
    try {
      batch = decodeBatch(bytes);
    } catch (error) {
      if (error instanceof BatchFormatError) throw new Rejection('MALFORMED', error.message);
      throw error;
    }
    const { body } = batch;
    const sha = toHex(batch.sha256);
    if (toHex(body.instanceId) !== meter.instance_id_hex) throw new Rejection('WRONG_METER', `batch ${body.seq} was produced by another meter`);
    if (!verifyBatchSignature(batch, key)) throw new Rejection('SIGNATURE', `batch ${body.seq} signature does not verify with the meter's attested key (altered readings?)`);
    const existing = this.stmt.batchAt.get(meter.id, body.seq) as { id: number; sha256: string } | undefined;
    if (existing) {
      if (existing.sha256 === sha) {
        report.duplicates += 1;
        return null;
      }
      throw new Rejection('CONFLICT', `batch ${body.seq} differs from the batch ${body.seq} already stored (the meter's log was rewritten)`);
    }
    if (body.provisioningId !== meter.provisioning_id) {
      throw new Rejection('FOREIGN_PROVISIONING', `batch ${body.seq} belongs to provisioning ${body.provisioningId}, not the current one`);
    }
    const prev = this.stmt.batchAt.get(meter.id, body.seq - 1) as { sha256: string; last_interval_start: string | null } | undefined;
    if (body.seq === 1 && toHex(body.prev) !== toHex(GENESIS_PREV_HASH)) throw new Rejection('CHAIN_BROKEN', 'batch 1 must start the hash chain');
    if (prev && prev.sha256 !== toHex(body.prev)) throw new Rejection('CHAIN_BROKEN', `batch ${body.seq} does not follow stored batch ${body.seq - 1} (hash chain broken)`);
    const next = this.stmt.batchAt.get(meter.id, body.seq + 1) as { prev_sha256: string } | undefined;
    if (next && next.prev_sha256 !== sha) throw new Rejection('CHAIN_BROKEN', `stored batch ${body.seq + 1} does not follow this batch ${body.seq}`);

    const now = this.now();
    const range = this.stmt.minSeq.get(meter.id) as { min: number | null; max: number | null };
    const records = body.records;
    const first = records[0];
    const last = records.at(-1);
    const id = Number(
      this.stmt.insertBatch.run(meter.id, body.seq, sha, toHex(body.prev), body.provisioningId, records.length, first ? iso(first[0]) : null, last ? iso(last[0]) : null, bytes, now).lastInsertRowid,
    );
    try {
      this.insertReadings(meter.id, body.intervalSeconds, id, records);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new Rejection('OVERLAP', `batch ${body.seq} repeats intervals already stored from another batch`);
      throw error;
    }
    this.trackBatchGaps(meter.id, body.seq, range, now, report);
    // Across batches only when the previous batch is here: otherwise the batch gap already says it.
    if (first) this.trackIntervalGaps(meter.id, records, body.intervalSeconds, prev?.last_interval_start ?? null, now, report);
    this.stmt.updateMeter.run({ seq: body.seq, sha, last: last ? iso(last[0]) : null, now, id: meter.id });
    report.accepted += 1;
    report.readingsStored += records.length;
    return { sha, id };
  }

  /** One multi-row INSERT per batch (statement cached per row count): far fewer calls into SQLite. */
  private insertReadings(meterId: number, intervalSeconds: number, batchId: number, records: readonly IntervalRecord[]): void {
    if (records.length === 0) return;
    let stmt = this.multiInsert.get(records.length);
    if (!stmt) {
      stmt = this.db.prepare(
        `INSERT INTO meter_readings (meter_id, interval_start, interval_seconds, import_wh, export_wh, batch_id) VALUES ${Array(records.length).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      if (this.multiInsert.size > 32) this.multiInsert.clear();
      this.multiInsert.set(records.length, stmt);
    }
    const params: Array<string | number> = new Array(records.length * 6);
    let p = 0;
    for (const [start, importWh, exportWh] of records) {
      params[p++] = meterId;
      params[p++] = iso(start);
      params[p++] = intervalSeconds;
      params[p++] = importWh;
      params[p++] = exportWh;
      params[p++] = batchId;
    }
    stmt.run(params);
  }

  private trackBatchGaps(meterId: number, seq: number, range: { min: number | null; max: number | null }, now: string, report: IngestReport): void {
    // Filling a known gap: close it and re-open what is still missing on either side.
    for (const gap of this.stmt.openGapsCovering.all(meterId, seq, seq) as Array<{ id: number; from_seq: number; to_seq: number }>) {
      this.stmt.resolveGap.run(now, gap.id);
      if (gap.from_seq < seq) this.stmt.insertGap.run(meterId, 'batch', gap.from_seq, seq - 1, null, null, now);
      if (gap.to_seq > seq) this.stmt.insertGap.run(meterId, 'batch', seq + 1, gap.to_seq, null, null, now);
    }
    if (range.max !== null && seq > range.max + 1) {
      this.stmt.insertGap.run(meterId, 'batch', range.max + 1, seq - 1, null, null, now);
      report.gapsOpened.push({ kind: 'batch', from: String(range.max + 1), to: String(seq - 1) });
    }
    if (range.min !== null && seq < range.min - 1 && range.max !== null) {
      this.stmt.insertGap.run(meterId, 'batch', seq + 1, range.min - 1, null, null, now);
      report.gapsOpened.push({ kind: 'batch', from: String(seq + 1), to: String(range.min - 1) });
    }
  }

  private trackIntervalGaps(meterId: number, records: readonly IntervalRecord[], interval: number, before: string | null, now: string, report: IngestReport): void {
    let previous = before === null ? null : Date.parse(before) / 1000;
    for (const [start] of records) {
      if (previous !== null && start - previous > interval) {
        const from = iso(previous + interval);
        const to = iso(start - interval);
        this.stmt.insertGap.run(meterId, 'interval', null, null, from, to, now);
        report.gapsOpened.push({ kind: 'interval', from, to });
      }
      previous = start;
    }
  }
}

/** Best-effort sequence number of an undecodable batch, for the report. */
function seqOf(bytes: Uint8Array): number | null {
  try {
    return decodeBatch(bytes).body.seq;
  } catch {
    return null;
  }
}
