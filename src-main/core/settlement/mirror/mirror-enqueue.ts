// Records a posted period's chain mirror in the outbox, inside the caller's transaction (the
// posting's), so the books and the chain work to do are committed together or not at all.
// Every row carries a reference keyed by period (and chunk), so it exists at most once; the outbox
// stores each row's signed bytes before sending and reconciles after a crash, so each lands on
// chain at most once — together: exactly once.
import type { Database } from 'better-sqlite3';
import { recordAnchor } from '../../chain/anchors/anchor-service.js';
import { readChainSetup } from '../../chain/bootstrap.js';
import { recordOutboxIntent } from '../../chain/outbox/outbox.js';
import { OutboxRepository } from '../../chain/outbox/outbox-repository.js';
import { creditChunkIntent, planSettlementMirror, type SettlementMirrorInput } from './mirror-plan.js';

export const mirrorAnchorReference = (periodId: number): string => `settlement-mirror:${periodId}:anchor`;
export const mirrorCreditsReference = (periodId: number, chunk: number): string => `settlement-mirror:${periodId}:credits:${chunk}`;
/** Marks a period whose mirror was recorded though it had no line to anchor (an empty period). */
export const mirrorEmptyReference = (periodId: number): string => `settlement-mirror:${periodId}:empty`;

export type MirrorEnqueueResult =
  | { readonly queued: true; readonly created: boolean; readonly anchorId: number | null; readonly chunks: number; readonly transfers: number; readonly withoutAccount: readonly number[] }
  /** The cooperative is not set up on a chain yet: nothing recorded; enqueue again after bootstrap. */
  | { readonly queued: false; readonly reason: 'chain-not-set-up' };

/**
 * Members whose chain account can receive an asset: an own wallet (it exists on chain by the
 * member's doing) or a console key the cooperative funded (an unfunded account cannot hold a
 * non-sufficient asset, and one such member would fail the whole atomic chunk).
 */
export function receivingChainAccounts(db: Database): Map<number, string> {
  const rows = db.prepare(`SELECT member_id, address FROM member_chain_accounts WHERE kind = 'external' OR funded_at IS NOT NULL`).all() as { member_id: number; address: string }[];
  return new Map(rows.map((r) => [r.member_id, r.address]));
}

export function enqueueSettlementMirrorInput(db: Database, input: SettlementMirrorInput): MirrorEnqueueResult {
  const setup = readChainSetup(db);
  if (!setup) return { queued: false, reason: 'chain-not-set-up' };
  const repository = new OutboxRepository(db);
  return db.transaction((): MirrorEnqueueResult => {
    // All rows of a period are written in this one transaction: if its first row exists, all do.
    const anchorRow = repository.byReference(mirrorAnchorReference(input.periodId)) ?? repository.byReference(mirrorEmptyReference(input.periodId));
    if (anchorRow) return { ...existingSummary(db, input.periodId), created: false };
    const plan = planSettlementMirror(input, receivingChainAccounts(db));
    const enqueue = recordOutboxIntent.bind(null, repository);
    const anchorId =
      plan.records.length > 0
        ? recordAnchor(db, (intent, options) => enqueue(intent, options).record, { subject: plan.subject, records: plan.records, signer: setup.treasury, reference: mirrorAnchorReference(input.periodId) })
        : (enqueue({ kind: 'remark', remark: `coop-settlement:v1:${input.periodId}:empty` }, { signer: setup.treasury, reference: mirrorEmptyReference(input.periodId) }), null);
    for (const chunk of plan.chunks) {
      enqueue(creditChunkIntent(setup.energyCredit.assetId, setup.issuer, chunk), { signer: setup.issuer, reference: mirrorCreditsReference(input.periodId, chunk.index) });
    }
    return {
      queued: true,
      created: true,
      anchorId,
      chunks: plan.chunks.length,
      transfers: plan.chunks.reduce((n, c) => n + c.transfers.length, 0),
      withoutAccount: plan.withoutAccount,
    };
  })();
}

function existingSummary(db: Database, periodId: number): Omit<Extract<MirrorEnqueueResult, { queued: true }>, 'created'> {
  const anchor = db
    .prepare(`SELECT a.id FROM chain_anchors a JOIN chain_outbox o ON o.id = a.outbox_id WHERE o.reference = ?`)
    .get(mirrorAnchorReference(periodId)) as { id: number } | undefined;
  const chunks = creditRows(db, periodId);
  const transfers = chunks.reduce((n, r) => n + (JSON.parse(r.intent_json) as { calls: unknown[] }).calls.length - 1, 0);
  return { queued: true, anchorId: anchor?.id ?? null, chunks: chunks.length, transfers, withoutAccount: [] };
}

export interface CreditRow {
  readonly id: number;
  readonly reference: string;
  readonly intent_json: string;
  readonly status: string;
  readonly error_name: string | null;
  readonly block_number: number | null;
}

/** The credit chunks' outbox rows of a period, in chunk order. */
export function creditRows(db: Database, periodId: number): CreditRow[] {
  const prefix = `settlement-mirror:${periodId}:credits:`;
  const rows = db
    .prepare(`SELECT id, reference, intent_json, status, error_name, block_number FROM chain_outbox WHERE substr(reference, 1, ?) = ?`)
    .all(prefix.length, prefix) as CreditRow[];
  return rows.sort((a, b) => Number(a.reference.slice(prefix.length)) - Number(b.reference.slice(prefix.length)));
}
