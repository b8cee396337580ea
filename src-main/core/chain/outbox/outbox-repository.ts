// SQLite access for the chain outbox (table chain_outbox, migration 0002). Every state change is a
// single UPDATE guarded by the expected previous state, so two paths can never both move a row.
import type { Database } from 'better-sqlite3';
import type { DecodedChainError } from '../errors.js';
import type { SignedTx } from '../tx/tx-status.js';
import type { ChainIntent } from './intents.js';

export type OutboxStatus = 'pending' | 'signed' | 'broadcast' | 'in_block' | 'finalized' | 'failed';
export const UNRESOLVED: readonly OutboxStatus[] = ['signed', 'broadcast', 'in_block'];

export interface OutboxRecord {
  readonly id: number;
  readonly reference: string | null;
  readonly kind: string;
  readonly intent: ChainIntent;
  readonly signer: string;
  readonly status: OutboxStatus;
  readonly nonce: number | null;
  readonly txHash: string | null;
  readonly signedHex: string | null;
  readonly signedAtBlock: number | null;
  readonly blockHash: string | null;
  readonly blockNumber: number | null;
  readonly extrinsicIndex: number | null;
  readonly errorName: string | null;
  readonly errorDocs: string | null;
  readonly attempts: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface Row {
  id: number;
  reference: string | null;
  kind: string;
  intent_json: string;
  signer: string;
  status: OutboxStatus;
  nonce: number | null;
  tx_hash: string | null;
  signed_hex: string | null;
  signed_at_block: number | null;
  block_hash: string | null;
  block_number: number | null;
  extrinsic_index: number | null;
  error_name: string | null;
  error_docs: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
}

const toRecord = (r: Row): OutboxRecord => ({
  id: r.id,
  reference: r.reference,
  kind: r.kind,
  intent: JSON.parse(r.intent_json) as ChainIntent,
  signer: r.signer,
  status: r.status,
  nonce: r.nonce,
  txHash: r.tx_hash,
  signedHex: r.signed_hex,
  signedAtBlock: r.signed_at_block,
  blockHash: r.block_hash,
  blockNumber: r.block_number,
  extrinsicIndex: r.extrinsic_index,
  errorName: r.error_name,
  errorDocs: r.error_docs,
  attempts: r.attempts,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const now = (): string => new Date().toISOString();

export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /** Inserts a pending row; with a `reference` already present, returns the existing row instead. */
  insert(intent: ChainIntent, signer: string, reference: string | null): { record: OutboxRecord; created: boolean } {
    return this.db.transaction(() => {
      if (reference !== null) {
        const existing = this.db.prepare('SELECT * FROM chain_outbox WHERE reference = ?').get(reference) as Row | undefined;
        if (existing) return { record: toRecord(existing), created: false };
      }
      const at = now();
      const info = this.db
        .prepare('INSERT INTO chain_outbox (reference, kind, intent_json, signer, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(reference, intent.kind, JSON.stringify(intent), signer, 'pending', at, at);
      return { record: this.get(Number(info.lastInsertRowid)) as OutboxRecord, created: true };
    })();
  }

  get(id: number): OutboxRecord | undefined {
    const row = this.db.prepare('SELECT * FROM chain_outbox WHERE id = ?').get(id) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  byReference(reference: string): OutboxRecord | undefined {
    const row = this.db.prepare('SELECT * FROM chain_outbox WHERE reference = ?').get(reference) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  list(options: { readonly status?: OutboxStatus; readonly limit?: number; readonly afterId?: number } = {}): OutboxRecord[] {
    const rows = this.db
      .prepare(`SELECT * FROM chain_outbox WHERE (? IS NULL OR status = ?) AND id > ? ORDER BY id LIMIT ?`)
      .all(options.status ?? null, options.status ?? null, options.afterId ?? 0, options.limit ?? 1000) as Row[];
    return rows.map(toRecord);
  }

  pending(limit: number): OutboxRecord[] {
    return (this.db.prepare(`SELECT * FROM chain_outbox WHERE status = 'pending' ORDER BY id LIMIT ?`).all(limit) as Row[]).map(toRecord);
  }

  /** Signed rows whose fate is not known yet, in nonce order per signer. */
  unresolved(): OutboxRecord[] {
    return (this.db.prepare(`SELECT * FROM chain_outbox WHERE status IN ('signed', 'broadcast', 'in_block') ORDER BY signer, nonce`).all() as Row[]).map(toRecord);
  }

  /** Recently finalized rows (their block could be lost if the node died before persisting it). */
  recentlyFinalized(sinceBlock: number): OutboxRecord[] {
    return (this.db.prepare(`SELECT * FROM chain_outbox WHERE status = 'finalized' AND block_number >= ? ORDER BY id`).all(sinceBlock) as Row[]).map(toRecord);
  }

  counts(): Record<OutboxStatus, number> {
    const counts: Record<OutboxStatus, number> = { pending: 0, signed: 0, broadcast: 0, in_block: 0, finalized: 0, failed: 0 };
    for (const row of this.db.prepare('SELECT status, COUNT(*) AS n FROM chain_outbox GROUP BY status').all() as { status: OutboxStatus; n: number }[]) {
      counts[row.status] = row.n;
    }
    return counts;
  }

  /** pending → signed: the signed bytes are on disk before anything is sent. */
  markSigned(id: number, signed: SignedTx): boolean {
    return (
      this.db
        .prepare(
          `UPDATE chain_outbox SET status = 'signed', nonce = ?, tx_hash = ?, signed_hex = ?, signed_at_block = ?, attempts = attempts + 1, updated_at = ?
           WHERE id = ? AND status = 'pending'`,
        )
        .run(signed.nonce, signed.hash, signed.hex, signed.signedAtBlock, now(), id).changes === 1
    );
  }

  markBroadcast(id: number, txHash: string): void {
    this.db.prepare(`UPDATE chain_outbox SET status = 'broadcast', updated_at = ? WHERE id = ? AND tx_hash = ? AND status = 'signed'`).run(now(), id, txHash);
  }

  markInBlock(id: number, txHash: string, blockHash: string): void {
    this.db
      .prepare(`UPDATE chain_outbox SET status = 'in_block', block_hash = ?, updated_at = ? WHERE id = ? AND tx_hash = ? AND status IN ('signed', 'broadcast')`)
      .run(blockHash, now(), id, txHash);
  }

  markLanded(id: number, txHash: string, outcome: { blockHash: string; blockNumber: number; extrinsicIndex: number; error: DecodedChainError | null }): void {
    this.db
      .prepare(
        `UPDATE chain_outbox SET status = ?, block_hash = ?, block_number = ?, extrinsic_index = ?, error_name = ?, error_docs = ?, updated_at = ?
         WHERE id = ? AND tx_hash = ? AND status IN ('signed', 'broadcast', 'in_block', 'finalized')`,
      )
      .run(outcome.error ? 'failed' : 'finalized', outcome.blockHash, outcome.blockNumber, outcome.extrinsicIndex, outcome.error?.name ?? null, outcome.error?.docs ?? null, now(), id, txHash);
  }

  /** The node refused the extrinsic outright: it never reached a block, its nonce is free again. */
  markRejected(id: number, txHash: string, error: DecodedChainError): void {
    this.db
      .prepare(`UPDATE chain_outbox SET status = 'failed', nonce = NULL, error_name = ?, error_docs = ?, updated_at = ? WHERE id = ? AND tx_hash = ? AND status IN ('signed', 'broadcast')`)
      .run(error.name, error.docs, now(), id, txHash);
  }

  /** Its nonce was used by another extrinsic, so these bytes can never land: sign afresh. */
  resetToPending(id: number, txHash: string): void {
    this.db
      .prepare(
        `UPDATE chain_outbox SET status = 'pending', nonce = NULL, tx_hash = NULL, signed_hex = NULL, signed_at_block = NULL, block_hash = NULL, block_number = NULL, extrinsic_index = NULL, updated_at = ?
         WHERE id = ? AND tx_hash = ?`,
      )
      .run(now(), id, txHash);
  }

  /** A finalized row whose block the node no longer has (lost on a crash): find out again. */
  reopen(id: number, txHash: string): void {
    this.db
      .prepare(`UPDATE chain_outbox SET status = 'broadcast', block_hash = NULL, block_number = NULL, extrinsic_index = NULL, updated_at = ? WHERE id = ? AND tx_hash = ? AND status = 'finalized'`)
      .run(now(), id, txHash);
  }
}
