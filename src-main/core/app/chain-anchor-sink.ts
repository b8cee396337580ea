// Evidence → chain. The meters hand over one evidence hash at a time (an attestation, a signed
// batch); anchoring each alone would cost a block each (≈ 1 s and ≈ 1.2 MB of node disk with the
// embedded runtime). So evidence is recorded in `chain_evidence` first and a flush, a moment later,
// puts every waiting record of a subject under one Merkle root, queued through the chain outbox in
// the same SQLite transaction that marks the records as anchored. Evidence that arrives before
// the cooperative is set up on chain waits until it is (the treasury account signs anchors).
import type { Database } from 'better-sqlite3';
import type { AnchorInfo, ChainRuntime } from '../chain/index.js';
import { readChainSetup } from '../chain/bootstrap.js';
import { noopEvidenceAnchorSink, type EvidenceAnchorSink } from '../meters/anchor-sink.js';

const SUBJECT = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/i;
/** Records per anchor: the proof stays short (≤ 9 steps) and the remark one extrinsic. */
const MAX_PER_ANCHOR = 500;

export interface ChainEvidenceOptions {
  readonly db: Database;
  /** The chain runtime in use now; null when the chain is off (evidence is then not recorded). */
  readonly runtime: () => ChainRuntime | null;
  readonly now: () => string;
  /** Waits this long after the first new record, so a burst goes under one root (default 2 s). */
  readonly flushDelayMs?: number;
  readonly log?: (message: string, error: unknown) => void;
  /** Called after a flush created anchors. */
  readonly onAnchored?: (anchors: readonly AnchorInfo[]) => void;
}

export class ChainEvidenceAnchors {
  readonly #options: ChainEvidenceOptions;
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(options: ChainEvidenceOptions) {
    this.#options = options;
  }

  /** The sink the meters services get; the no-op one while the chain is off. */
  readonly sink: EvidenceAnchorSink = {
    enqueue: (kind, sha256Hex, ref) => {
      if (!this.#options.runtime()) {
        noopEvidenceAnchorSink.enqueue(kind, sha256Hex, ref);
        return;
      }
      try {
        this.record(kind, sha256Hex.toLowerCase(), ref);
      } catch (error) {
        // The meter's own data is committed already; a lost anchor must not undo or break it.
        this.#options.log?.(`Evidence ${ref} could not be queued for anchoring`, error);
      }
    },
  };

  /** Records one evidence item (idempotent per subject + key) and schedules a flush. */
  record(subject: string, data: string, key: string): void {
    if (!SUBJECT.test(subject)) throw new Error(`evidence subject "${subject}" is not a valid anchor subject`);
    if (subject.startsWith('meter-') && !SHA256_HEX.test(data)) throw new Error(`evidence ${key} is not a SHA-256 hex digest`);
    if (key.length === 0 || key.length > 200) throw new Error('evidence key must be 1–200 characters');
    const { db, now } = this.#options;
    const exists = db.prepare('SELECT 1 FROM chain_evidence WHERE subject = ? AND record_key = ?').get(subject, key);
    if (!exists) db.prepare('INSERT INTO chain_evidence (subject, record_key, data, anchor_id, created_at) VALUES (?, ?, ?, NULL, ?)').run(subject, key, data, now());
    this.schedule();
  }

  schedule(delayMs = this.#options.flushDelayMs ?? 2000): void {
    if (this.#stopped || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      try {
        this.flush();
      } catch (error) {
        this.#options.log?.('Anchoring waiting evidence failed; it stays queued', error);
      }
    }, delayMs);
    this.#timer.unref();
  }

  /** Anchors everything waiting, one anchor per subject (and per 500 records); returns the anchors made. */
  flush(): AnchorInfo[] {
    const runtime = this.#options.runtime();
    const { db } = this.#options;
    const setup = readChainSetup(db);
    if (!runtime || !setup || this.#stopped) return [];
    const made: AnchorInfo[] = [];
    const subjects = (db.prepare('SELECT DISTINCT subject FROM chain_evidence WHERE anchor_id IS NULL ORDER BY subject').all() as { subject: string }[]).map((r) => r.subject);
    for (const subject of subjects) {
      for (;;) {
        const rows = db.prepare('SELECT id, record_key, data FROM chain_evidence WHERE anchor_id IS NULL AND subject = ? ORDER BY id LIMIT ?').all(subject, MAX_PER_ANCHOR) as { id: number; record_key: string; data: string }[];
        if (rows.length === 0) break;
        // A key seen twice in one set would be refused; keep the first, mark the rest with the same anchor.
        const unique = [...new Map(rows.map((r) => [r.record_key, r])).values()];
        const anchor = db.transaction(() => {
          const info = runtime.anchors.anchor({
            subject,
            records: unique.map((r) => ({ key: r.record_key, data: r.data })),
            signer: setup.treasury,
            reference: `evidence:${subject}:${rows[0]!.id}-${rows.at(-1)!.id}`,
          });
          const mark = db.prepare('UPDATE chain_evidence SET anchor_id = ? WHERE id = ? AND anchor_id IS NULL');
          for (const r of rows) mark.run(info.id, r.id);
          return info;
        })();
        made.push(anchor);
      }
    }
    if (made.length > 0) this.#options.onAnchored?.(made);
    return made;
  }

  /** The console's copy of a record of an anchor, or null. */
  dataOf(anchorId: number, recordKey: string): string | null {
    const row = this.#options.db.prepare('SELECT data FROM chain_evidence WHERE anchor_id = ? AND record_key = ? ORDER BY id LIMIT 1').get(anchorId, recordKey) as { data: string } | undefined;
    return row?.data ?? null;
  }

  /** Keys of the records of an anchor the console holds a copy of, in anchor order. */
  heldKeys(anchorId: number): string[] {
    return (this.#options.db.prepare('SELECT record_key FROM chain_evidence WHERE anchor_id = ? ORDER BY id').all(anchorId) as { record_key: string }[]).map((r) => r.record_key);
  }

  waiting(): number {
    return (this.#options.db.prepare('SELECT COUNT(*) AS n FROM chain_evidence WHERE anchor_id IS NULL').get() as { n: number }).n;
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
