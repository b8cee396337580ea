// The raw verified ingest rate the demo generator is compared with: pre-signed batches of the demo's
// shape (960 15-minute records each) ingested by BatchIngestor into a fresh SQLite file, one
// transaction — no attestation, no profile computation, no signing in the timed part.
import { generateP256, sec1FromKey } from '../../src-main/core/attestation/es256.js';
import { instanceIdForKey, toHex } from '../../src-main/core/attestation/trust-store.js';
import { noopEvidenceAnchorSink } from '../../src-main/core/meters/anchor-sink.js';
import { BatchIngestor } from '../../src-main/core/meters/batch-ingest.js';
import { GENESIS_PREV_HASH, sha256, signBatch, type IntervalRecord } from '../../src-main/core/meters/signed-batch.js';
import { openDatabase } from '../../src-main/core/db/connection.js';
import { makeTempDir } from '../support/temp-dir.js';

export function rawVerifiedIngestRate(meters = 40, batchesPerMeter = 3): number {
  const temp = makeTempDir('coop-ingest-baseline-');
  const db = openDatabase({ file: `${temp.path}/coop.sqlite` });
  try {
    const now = new Date().toISOString();
    const t0 = 1_790_000_000 - (1_790_000_000 % 900);
    const work = Array.from({ length: meters }, (_, m) => {
      const key = generateP256().privateKey;
      const instance = instanceIdForKey(sec1FromKey(key));
      const id = Number(db.prepare(`INSERT INTO meters (instance_id_hex, implementation_id_hex, model, serial_number, firmware_version, public_key, status, provisioning_id, created_at, updated_at)
                                    VALUES (?, ?, 'CM-1', ?, '1', ?, 'provisioned', 'prov-bench', ?, ?)`).run(toHex(instance), '00'.repeat(32), `B-${m}`, Buffer.from(sec1FromKey(key)), now, now).lastInsertRowid);
      const batches: Uint8Array[] = [];
      for (let seq = 1; seq <= batchesPerMeter; seq++) {
        const records: IntervalRecord[] = Array.from({ length: 960 }, (_, i) => [t0 + ((seq - 1) * 960 + i) * 900, 40 + ((i * 7 + m) % 90), (i * 3) % 11] as const);
        batches.push(signBatch({ v: 1, instanceId: instance, seq, prev: seq === 1 ? GENESIS_PREV_HASH : sha256(batches[seq - 2]!), provisioningId: 'prov-bench', intervalSeconds: 900, records }, key));
      }
      return { id, batches };
    });
    const ingestor = new BatchIngestor(db, noopEvidenceAnchorSink, () => now);
    const t = performance.now();
    let readings = 0;
    db.transaction(() => {
      for (const w of work) readings += ingestor.ingest(w.id, w.batches).readingsStored;
    })();
    return readings / ((performance.now() - t) / 1000);
  } finally {
    db.close();
    temp.remove();
  }
}
