// Pure planning of a posted period's chain mirror: what is anchored (one leaf per member's statement) and which Assets transfers go
// out in which utility.batchAll chunk. No I/O: the same input always gives the same plan, so a
// re-run after a crash rebuilds exactly what the first run recorded (and the outbox references
// make a second recording a no-op anyway).
//
// Net credit movements: a member whose period nets to a credit (Σ of their lines > 0: a host's rent
// share, a seller's P2P revenue beyond what they consumed) receives that amount in the
// cooperative's energy-credit asset. A member who nets to a charge owes it in the console's books
// only: nothing can be taken from a member's own chain account without their signature. Each chunk
// is signed by the issuer and is self-contained: it mints the chunk's total to the issuer, then
// transfers it out, so the issuer's balance is the same before and after and a chunk never depends
// on another one having landed.
import type { ChainIntentInput } from '../../chain/outbox/intents.js';
import type { AnchorRecordInput } from '../../chain/anchors/anchor-service.js';
import { checkStatementLine, memberStatementRecords, type StatementLineRecord } from './statement-line.js';

/**
 * Calls per utility.batchAll: the chunk the chain bench sizes for asset transfers (60 % of the
 * runtime's per-extrinsic weight, measured as 384 on the embedded Asset Hub runtime; see
 * core/chain/README.md). One call of each chunk is the mint, the rest are transfers.
 */
export const MIRROR_BATCH_CALLS = 384;

export interface CreditMovement {
  readonly memberId: number;
  /** Minor units, signed: the member's net for the period (> 0 = the cooperative credits them). */
  readonly amount: number;
}

export interface SettlementMirrorInput {
  readonly periodId: number;
  readonly lines: readonly StatementLineRecord[];
  readonly movements: readonly CreditMovement[];
}

export interface PlannedTransfer {
  readonly memberId: number;
  readonly address: string;
  readonly amount: number;
}

export interface CreditChunk {
  readonly index: number;
  readonly total: number;
  readonly transfers: readonly PlannedTransfer[];
}

export interface SettlementMirrorPlan {
  readonly subject: string;
  readonly records: readonly AnchorRecordInput[];
  readonly chunks: readonly CreditChunk[];
  /** Members with a credit but no usable chain account: their credit stays in the books only. */
  readonly withoutAccount: readonly number[];
}

export const settlementAnchorSubject = (periodId: number): string => `settlement-${periodId}`;

/** Net per member of the period's lines (what the books moved for each member). */
export function netCreditMovements(lines: readonly StatementLineRecord[]): CreditMovement[] {
  const net = new Map<number, number>();
  for (const line of lines) net.set(line.memberId, (net.get(line.memberId) ?? 0) + line.amount);
  return [...net].sort((a, b) => a[0] - b[0]).map(([memberId, amount]) => ({ memberId, amount }));
}

export function planSettlementMirror(input: SettlementMirrorInput, accounts: ReadonlyMap<number, string>, batchCalls = MIRROR_BATCH_CALLS): SettlementMirrorPlan {
  if (!Number.isSafeInteger(input.periodId) || input.periodId <= 0) throw new TypeError(`A settlement period id is a positive whole number, not ${String(input.periodId)}.`);
  if (!Number.isSafeInteger(batchCalls) || batchCalls < 2) throw new TypeError('A mirror chunk needs room for the mint and at least one transfer.');
  for (const line of input.lines) {
    checkStatementLine(line);
    if (line.periodId !== input.periodId) throw new TypeError(`Statement line ${line.lineId} belongs to period ${line.periodId}, not ${input.periodId}.`);
  }
  // One leaf per member's statement (statement-line.ts), so a statement carries one Merkle path.
  const records = memberStatementRecords(input.periodId, input.lines);
  const seen = new Set<number>();
  const credits: PlannedTransfer[] = [];
  const withoutAccount: number[] = [];
  for (const m of [...input.movements].sort((a, b) => a.memberId - b.memberId)) {
    if (!Number.isSafeInteger(m.memberId) || !Number.isSafeInteger(m.amount)) throw new TypeError(`The movement of member ${String(m.memberId)} is not a whole number of minor units.`);
    if (seen.has(m.memberId)) throw new TypeError(`Member ${m.memberId} has two net movements in period ${input.periodId}.`);
    seen.add(m.memberId);
    if (m.amount <= 0) continue;
    const address = accounts.get(m.memberId);
    if (address === undefined) withoutAccount.push(m.memberId);
    else credits.push({ memberId: m.memberId, address, amount: m.amount });
  }
  const perChunk = batchCalls - 1;
  const chunks: CreditChunk[] = [];
  for (let i = 0; i < credits.length; i += perChunk) {
    const transfers = credits.slice(i, i + perChunk);
    const total = transfers.reduce((sum, t) => sum + t.amount, 0);
    if (!Number.isSafeInteger(total)) throw new TypeError(`The credits of chunk ${chunks.length} exceed what can be counted exactly.`);
    chunks.push({ index: chunks.length, total, transfers });
  }
  return { subject: settlementAnchorSubject(input.periodId), records, chunks, withoutAccount };
}

/** The outbox intent of one chunk: mint its total to the issuer, then one Assets transfer per member. */
export function creditChunkIntent(assetId: number, issuer: string, chunk: CreditChunk): ChainIntentInput {
  return {
    kind: 'batchAll',
    calls: [
      { kind: 'assetMint', assetId, to: issuer, amount: chunk.total },
      ...chunk.transfers.map((t) => ({ kind: 'assetTransfer' as const, assetId, to: t.address, amount: t.amount })),
    ],
  };
}
