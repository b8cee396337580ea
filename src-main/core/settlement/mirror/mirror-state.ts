// Where a posted period's chain mirror stands, read from the outbox rows its enqueue recorded:
//   not-queued → pending (recorded, not all on chain) → anchored (root on chain, credits still
//   going out) → done (everything finalized); failed when the chain refused a row (named).
import type { Database } from 'better-sqlite3';
import { OutboxRepository, type OutboxRecord } from '../../chain/outbox/outbox-repository.js';
import { creditRows, mirrorAnchorReference, mirrorEmptyReference } from './mirror-enqueue.js';

export type SettlementMirrorStatus = 'not-queued' | 'pending' | 'anchored' | 'done' | 'failed';

export interface SettlementMirrorState {
  readonly periodId: number;
  readonly status: SettlementMirrorStatus;
  /** null before the mirror is queued, or for a period without lines (nothing to anchor). */
  readonly anchor: {
    readonly anchorId: number;
    readonly outboxId: number;
    readonly root: string;
    readonly leafCount: number;
    readonly status: string;
    readonly blockNumber: number | null;
    readonly blockHash: string | null;
  } | null;
  readonly credits: {
    readonly chunks: number;
    readonly chunksFinalized: number;
    readonly transfers: number;
    /** Σ of the transferred amounts, minor units of the cooperative's currency. */
    readonly amount: number;
  };
  /** The chain's reasons for failed rows, e.g. `assets.BalanceLow (outbox 12)`. */
  readonly errors: readonly string[];
}

interface AnchorRow {
  id: number;
  root: string;
  leaf_count: number;
}

export function settlementMirrorState(db: Database, periodId: number): SettlementMirrorState {
  const repository = new OutboxRepository(db);
  const head: OutboxRecord | undefined = repository.byReference(mirrorAnchorReference(periodId)) ?? repository.byReference(mirrorEmptyReference(periodId));
  const credits = creditRows(db, periodId);
  let transfers = 0;
  let amount = 0;
  for (const row of credits) {
    const calls = (JSON.parse(row.intent_json) as { calls: { kind: string; amount?: string }[] }).calls.filter((c) => c.kind === 'assetTransfer');
    transfers += calls.length;
    amount += calls.reduce((sum, c) => sum + Number(c.amount), 0);
  }
  const creditSummary = { chunks: credits.length, chunksFinalized: credits.filter((r) => r.status === 'finalized').length, transfers, amount };
  if (!head) return { periodId, status: 'not-queued', anchor: null, credits: creditSummary, errors: [] };

  const anchorRow = db.prepare('SELECT id, root, leaf_count FROM chain_anchors WHERE outbox_id = ?').get(head.id) as AnchorRow | undefined;
  const anchor = anchorRow
    ? { anchorId: anchorRow.id, outboxId: head.id, root: anchorRow.root, leafCount: anchorRow.leaf_count, status: head.status, blockNumber: head.blockNumber, blockHash: head.blockHash }
    : null;
  const rows = [{ id: head.id, status: head.status as string, error_name: head.errorName }, ...credits];
  const errors = rows.filter((r) => r.status === 'failed').map((r) => `${r.error_name ?? 'refused'} (outbox ${r.id})`);
  const status: SettlementMirrorStatus =
    errors.length > 0 ? 'failed'
    : rows.every((r) => r.status === 'finalized') ? 'done'
    : head.status === 'finalized' ? 'anchored'
    : 'pending';
  return { periodId, status, anchor, credits: creditSummary, errors };
}
