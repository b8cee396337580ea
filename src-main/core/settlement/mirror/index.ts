// The chain mirror of a posted settlement period (issue 11): the Merkle root of all its statement
// lines anchored with remarkWithEvent, members' net credits as Assets transfers in chunked
// utility.batchAll — all through the outbox, recorded in the posting's own transaction.
// See README.md in this folder for the leaf encoding and the exactly-once argument.
import type { Database } from 'better-sqlite3';
import { enqueueSettlementMirrorInput, type MirrorEnqueueResult } from './mirror-enqueue.js';
import { readSettlementMirrorInput, unmirroredPostedPeriods } from './settlement-source.js';

/**
 * Records the chain mirror of posted period `periodId` in the outbox. Call it inside the posting's
 * transaction (SettlementService's `onPosted` hook): the rows commit with the journal entries or
 * not at all. Idempotent per period. Before the chain is set up it records nothing and returns
 * `{ queued: false }`; resumeSettlementMirrors() catches up after bootstrap.
 */
export function enqueueSettlementMirror(db: Database, periodId: number): MirrorEnqueueResult {
  return enqueueSettlementMirrorInput(db, readSettlementMirrorInput(db, periodId));
}

/** Records the mirrors of posted periods that have none yet (e.g. posted before the chain was set up). */
export function resumeSettlementMirrors(db: Database): number[] {
  const periods = unmirroredPostedPeriods(db);
  return db.transaction(() => periods.filter((id) => enqueueSettlementMirror(db, id).queued))();
}

export { enqueueSettlementMirrorInput, receivingChainAccounts, mirrorAnchorReference, mirrorCreditsReference, type MirrorEnqueueResult } from './mirror-enqueue.js';
export { settlementMirrorState, type SettlementMirrorState, type SettlementMirrorStatus } from './mirror-state.js';
export { MIRROR_BATCH_CALLS, netCreditMovements, planSettlementMirror, creditChunkIntent, settlementAnchorSubject, type CreditMovement, type SettlementMirrorInput, type SettlementMirrorPlan } from './mirror-plan.js';
export { readSettlementMirrorInput, lineSources, SettlementMirrorSourceError } from './settlement-source.js';
export {
  encodeStatementLine,
  statementLineLeaf,
  statementLineKey,
  checkStatementLine,
  STATEMENT_LINE_VERSION,
  encodeMemberStatement,
  memberStatementHash,
  memberStatementKey,
  memberStatementRecords,
  MEMBER_STATEMENT_VERSION,
  type StatementLineRecord,
} from './statement-line.js';
