// Signed batch ingest against a real SQLite file: chain continuity, dedupe, gaps, and
// all-or-nothing per batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyObject } from 'node:crypto';
import { generateP256, sec1FromKey } from '../../../src-main/core/attestation/es256.js';
import { instanceIdForKey, toHex } from '../../../src-main/core/attestation/trust-store.js';
import { BatchIngestor } from '../../../src-main/core/meters/batch-ingest.js';
import { noopEvidenceAnchorSink } from '../../../src-main/core/meters/anchor-sink.js';
import { decodeBatch, GENESIS_PREV_HASH, sha256, signBatch, type IntervalRecord } from '../../../src-main/core/meters/signed-batch.js';
import { Tag } from 'cbor-x';
import { cborEncode } from '../../../src-main/core/devices/cbor.js';
import { createTestConsole, tableCounts, type TestConsole } from './harness.js';

const T0 = 1_790_000_100 - (1_790_000_100 % 900);
const records = (fromInterval: number, count: number): IntervalRecord[] =>
  Array.from({ length: count }, (_, i) => [T0 + (fromInterval + i) * 900, 100 + i, i % 3] as IntervalRecord);

describe('batch ingest', () => {
  let c: TestConsole;
  let key: KeyObject;
  let meterId: number;
  let ingestor: BatchIngestor;
  const chain: Uint8Array[] = [];
  const make = (seq: number, recs: IntervalRecord[], prev?: Uint8Array, k = key): Uint8Array =>
    signBatch({ v: 1, instanceId: instanceIdForKey(sec1FromKey(key)), seq, prev: prev ?? (seq === 1 ? GENESIS_PREV_HASH : sha256(chain[seq - 2]!)), provisioningId: 'prov-0001', intervalSeconds: 900, records: recs }, k);

  beforeAll(() => {
    c = createTestConsole();
    key = generateP256().privateKey;
    const now = new Date().toISOString();
    meterId = Number(
      c.db.prepare(`INSERT INTO meters (instance_id_hex, implementation_id_hex, model, serial_number, firmware_version, public_key, status, provisioning_id, member_id, created_at, updated_at)
                    VALUES (?, ?, 'CM-1', 'CM1-TEST', '1.4.2', ?, 'provisioned', 'prov-0001', ?, ?, ?)`)
        .run(toHex(instanceIdForKey(sec1FromKey(key))), '00'.repeat(32), Buffer.from(sec1FromKey(key)), c.memberId, now, now).lastInsertRowid,
    );
    ingestor = new BatchIngestor(c.db, noopEvidenceAnchorSink, () => new Date().toISOString());
    for (let seq = 1; seq <= 6; seq += 1) chain.push(make(seq, records((seq - 1) * 4, 4)));
  });
  afterAll(() => c.close());

  it('stores a verified chain and deduplicates a re-sent batch', () => {
    const report = ingestor.ingest(meterId, [chain[0]!, chain[1]!]);
    expect(report).toMatchObject({ accepted: 2, duplicates: 0, readingsStored: 8, rejected: [] });
    const again = ingestor.ingest(meterId, [chain[1]!]);
    expect(again).toMatchObject({ accepted: 0, duplicates: 1, readingsStored: 0 });
    expect(tableCounts(c.db).meter_readings).toBe(8);
  });

  it('records a gap when batches are missing and closes it when they arrive', () => {
    const report = ingestor.ingest(meterId, [chain[4]!]);
    expect(report.gapsOpened).toEqual([{ kind: 'batch', from: '3', to: '4' }]);
    expect(c.meters.gaps(meterId)).toMatchObject([{ kind: 'batch', fromSeq: 3, toSeq: 4 }]);
    ingestor.ingest(meterId, [chain[2]!]);
    expect(c.meters.gaps(meterId)).toMatchObject([{ kind: 'batch', fromSeq: 4, toSeq: 4 }]);
    ingestor.ingest(meterId, [chain[3]!]);
    expect(c.meters.gaps(meterId)).toEqual([]);
    expect(tableCounts(c.db).meter_readings).toBe(20);
    expect(c.meters.get(meterId)!.lastBatchSeq).toBe(5);
  });

  const rejectsWithoutWriting = (batch: Uint8Array, problem: string): void => {
    const before = tableCounts(c.db);
    const report = ingestor.ingest(meterId, [batch]);
    expect(report.rejected.map((r) => r.problem)).toEqual([problem]);
    expect(tableCounts(c.db)).toEqual(before);
  };

  it('rejects altered readings (signature) and stores nothing of them', () => {
    const s = decodeBatch(chain[5]!);
    const body = { ...s.body, records: s.body.records.map(([t, i, e]) => [t, i + 1000, e]) };
    rejectsWithoutWriting(cborEncode(new Tag([s.sign1.protectedBytes, s.sign1.unprotectedHeaders, cborEncode(body), s.sign1.signature], 18)), 'SIGNATURE');
  });
  it('rejects a batch signed by another key', () => rejectsWithoutWriting(make(6, records(20, 4), undefined, generateP256().privateKey), 'SIGNATURE'));
  it('rejects a batch that does not follow the stored chain', () => rejectsWithoutWriting(make(6, records(20, 4), new Uint8Array(32).fill(1)), 'CHAIN_BROKEN'));
  it('rejects a rewritten batch with a known sequence number', () => rejectsWithoutWriting(make(2, records(4, 3), sha256(chain[0]!)), 'CONFLICT'));
  it('rejects a batch repeating stored intervals, keeping none of its records', () => rejectsWithoutWriting(make(6, records(18, 4)), 'OVERLAP'));
  it('rejects bytes that are not a batch', () => rejectsWithoutWriting(new Uint8Array([1, 2, 3, 4]), 'MALFORMED'));
  it('rejects a batch of another meter', () => {
    const other = generateP256().privateKey;
    rejectsWithoutWriting(signBatch({ v: 1, instanceId: instanceIdForKey(sec1FromKey(other)), seq: 6, prev: sha256(chain[4]!), provisioningId: 'prov-0001', intervalSeconds: 900, records: [] }, other), 'WRONG_METER');
  });

  it('reports missing intervals inside the chain (meter was off)', () => {
    const report = ingestor.ingest(meterId, [make(6, [...records(20, 2), ...records(25, 2)])]);
    expect(report.accepted).toBe(1);
    expect(report.gapsOpened).toEqual([{ kind: 'interval', from: new Date((T0 + 22 * 900) * 1000).toISOString(), to: new Date((T0 + 24 * 900) * 1000).toISOString() }]);
  });
});
