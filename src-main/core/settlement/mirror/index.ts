// The chain mirror of a posted settlement period (issue 11): the Merkle root of all its statement
// lines anchored with remarkWithEvent, members' net credits as Assets transfers in chunked
// utility.batchAll — all through the outbox, recorded in the posting's own transaction.
// See README.md in this folder for the leaf encoding and the exactly-once argument.
export { enqueueSettlementMirrorInput, receivingChainAccounts, mirrorAnchorReference, mirrorCreditsReference, type MirrorEnqueueResult } from './mirror-enqueue.js';
export { settlementMirrorState, type SettlementMirrorState, type SettlementMirrorStatus } from './mirror-state.js';
export { MIRROR_BATCH_CALLS, netCreditMovements, planSettlementMirror, creditChunkIntent, settlementAnchorSubject, type CreditMovement, type SettlementMirrorInput, type SettlementMirrorPlan } from './mirror-plan.js';
export { encodeStatementLine, statementLineLeaf, statementLineKey, checkStatementLine, STATEMENT_LINE_VERSION, type StatementLineRecord } from './statement-line.js';
