// Read models of the Ledger that the chain layer does not offer as such: the anchors list (with
// creation time and record keys) and re-queueing a failed outbox row on the operator's request.
import type { Database } from 'better-sqlite3';
import type { AnchorView, OutboxStatus } from '../../contract/chain.js';
import { CoreError, refusal } from '../api/core-error.js';
import type { ChainRuntime, OutboxRecord } from '../chain/index.js';

interface AnchorRow {
  id: number;
  subject: string;
  root: string;
  leaf_count: number;
  outbox_id: number;
  status: OutboxStatus;
  block_number: number | null;
  block_hash: string | null;
  created_at: string;
}

const SELECT = `SELECT a.id, a.subject, a.root, a.leaf_count, a.outbox_id, o.status, o.block_number, o.block_hash, a.created_at
  FROM chain_anchors a JOIN chain_outbox o ON o.id = a.outbox_id`;

function toView(db: Database, row: AnchorRow): AnchorView {
  const keys = db.prepare('SELECT record_key FROM chain_anchor_leaves WHERE anchor_id = ? ORDER BY position LIMIT 20').all(row.id) as { record_key: string }[];
  return {
    id: row.id,
    subject: row.subject,
    root: row.root,
    leafCount: row.leaf_count,
    outboxId: row.outbox_id,
    status: row.status,
    blockNumber: row.block_number,
    blockHash: row.block_hash,
    createdAt: row.created_at,
    recordKeys: keys.map((k) => k.record_key),
  };
}

export function anchorsList(db: Database, limit: number): AnchorView[] {
  return (db.prepare(`${SELECT} ORDER BY a.id DESC LIMIT ?`).all(limit) as AnchorRow[]).map((r) => toView(db, r));
}

export function anchorView(db: Database, id: number): AnchorView {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AnchorRow | undefined;
  if (!row) throw refusal('NOT_FOUND', 'notFound', `Anchor ${id} does not exist.`);
  return toView(db, row);
}

/**
 * failed → pending, on the operator's request. Safe for the at-most-once guarantee: a failed row had
 * no effect on chain (refused by the pool, or dispatched with an error that reverted its call), so
 * signing it afresh can at most produce its one intended effect.
 */
export function requeueFailed(db: Database, runtime: ChainRuntime, id: number): OutboxRecord {
  const before = runtime.outbox.repository.get(id);
  if (!before) throw refusal('NOT_FOUND', 'notFound', `Outbox record ${id} does not exist.`);
  if (before.status !== 'failed') throw refusal('CONFLICT', 'outboxNotFailed', `Outbox record ${id} is ${before.status}, not failed: it is retried by itself (or already on chain).`);
  const changed = db
    .prepare(
      `UPDATE chain_outbox SET status = 'pending', nonce = NULL, tx_hash = NULL, signed_hex = NULL, signed_at_block = NULL, block_hash = NULL, block_number = NULL,
         extrinsic_index = NULL, error_name = NULL, error_docs = NULL, updated_at = ? WHERE id = ? AND status = 'failed'`,
    )
    .run(new Date().toISOString(), id).changes;
  if (changed !== 1) throw new CoreError('CONFLICT', `Outbox record ${id} changed meanwhile; look again.`);
  const after = runtime.outbox.repository.get(id) as OutboxRecord;
  runtime.outbox.emit('outbox', after);
  return after;
}
