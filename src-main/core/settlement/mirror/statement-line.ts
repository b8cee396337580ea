// The canonical form of one statement line and of one member's statement (all of that member's lines
// of the period), as anchored on chain: a leaf of the period's Merkle tree is one member's statement,
// so a printed statement carries one hash and one Merkle path (issue 12), not one per line.
//
//   bytes = UTF-8 of JSON.stringify([
//     "coop-statement-line", 1, periodId, lineId, memberId, code, counterparty, currency,
//     amount, quantityWh, sources ])
//   leaf  = leafHash(bytes)   (core/chain/anchors/merkle.ts: blake2b-256(0x00 ‖ bytes))
//
// A JSON array (never an object) so the order of fields is fixed by position; every number is a
// safe integer, so JSON writes it one way only; strings are escaped by JSON itself. The version
// number is the second element: a change of fields is a new version, old statements keep verifying.
import { leafHash, type Hex } from '../../chain/anchors/merkle.js';

export const STATEMENT_LINE_FORMAT = 'coop-statement-line';
export const STATEMENT_LINE_VERSION = 1;

export interface StatementLineRecord {
  /** The line's id in the console (unique across periods). */
  readonly lineId: number;
  readonly periodId: number;
  readonly memberId: number;
  /** What the line is, e.g. `energy`, `fixed-fee`, `rent-share`, `p2p-sale`. */
  readonly code: string;
  /** The account on the other side, e.g. `cooperative-fees`, `member:12`, `grid`, `government`. */
  readonly counterparty: string;
  /** ISO 4217 code of the cooperative's currency. */
  readonly currency: string;
  /** Minor units, signed: > 0 credits the member, < 0 charges them. */
  readonly amount: number;
  /** Energy behind the line in Wh (0 when the line is not about energy). */
  readonly quantityWh: number;
  /** Where the line came from (tariff version, agreement version, interval range), as text. */
  readonly sources: string;
}

const INTEGER_FIELDS = ['lineId', 'periodId', 'memberId', 'amount', 'quantityWh'] as const;
const TEXT_FIELDS = ['code', 'counterparty', 'currency', 'sources'] as const;

/** Throws a sentence naming the field when a line cannot be encoded canonically. */
export function checkStatementLine(line: StatementLineRecord): void {
  for (const field of INTEGER_FIELDS) {
    if (!Number.isSafeInteger(line[field])) throw new TypeError(`Statement line ${String(line.lineId)}: ${field} must be a whole number, not ${String(line[field])}.`);
  }
  for (const field of TEXT_FIELDS) {
    if (typeof line[field] !== 'string') throw new TypeError(`Statement line ${line.lineId}: ${field} must be a text.`);
  }
}

/** The canonical text of one line (see the header); the same line always gives the same text. */
export function encodeStatementLine(line: StatementLineRecord): string {
  checkStatementLine(line);
  return JSON.stringify([
    STATEMENT_LINE_FORMAT,
    STATEMENT_LINE_VERSION,
    line.periodId,
    line.lineId,
    line.memberId,
    line.code,
    line.counterparty,
    line.currency,
    line.amount,
    line.quantityWh,
    line.sources,
  ]);
}

/** The Merkle leaf of one line: what a statement's verifier recomputes from the printed line. */
export function statementLineLeaf(line: StatementLineRecord): Hex {
  return leafHash(encodeStatementLine(line));
}

/** The record key of a line (lines are no longer leaves; kept for the line's stable name). */
export const statementLineKey = (line: Pick<StatementLineRecord, 'lineId'>): string => `line:${line.lineId}`;

// One member's statement of one period:
//   bytes = UTF-8 of JSON.stringify([ "coop-member-statement", 1, periodId, memberId, currency,
//             [[lineId, code, counterparty, amount, quantityWh, sources], …] ])   lines by lineId
//   leaf  = leafHash(bytes): the statement's canonical hash, printed on it and in its QR code.
export const MEMBER_STATEMENT_FORMAT = 'coop-member-statement';
export const MEMBER_STATEMENT_VERSION = 1;

/** The canonical text of one member's statement; throws a sentence when a line is not theirs. */
export function encodeMemberStatement(periodId: number, memberId: number, lines: readonly StatementLineRecord[]): string {
  if (lines.length === 0) throw new TypeError(`Member ${memberId} has no line in period ${periodId}: there is no statement to encode.`);
  const currency = (lines[0] as StatementLineRecord).currency;
  for (const line of lines) {
    checkStatementLine(line);
    if (line.periodId !== periodId || line.memberId !== memberId) throw new TypeError(`Statement line ${line.lineId} is not a line of member ${memberId} in period ${periodId}.`);
    if (line.currency !== currency) throw new TypeError(`Statement line ${line.lineId} is in ${line.currency}, not ${currency}.`);
  }
  const ordered = [...lines].sort((a, b) => a.lineId - b.lineId);
  return JSON.stringify([
    MEMBER_STATEMENT_FORMAT,
    MEMBER_STATEMENT_VERSION,
    periodId,
    memberId,
    currency,
    ordered.map((l) => [l.lineId, l.code, l.counterparty, l.amount, l.quantityWh, l.sources]),
  ]);
}

/** The canonical hash of a member's statement: its Merkle leaf in the period's anchor. */
export function memberStatementHash(periodId: number, memberId: number, lines: readonly StatementLineRecord[]): Hex {
  return leafHash(encodeMemberStatement(periodId, memberId, lines));
}

/** The record key of a member's statement inside its period's anchor (ask its inclusion proof with it). */
export const memberStatementKey = (memberId: number): string => `member:${memberId}`;

/** The anchor's records of a period: one per member with lines, by member id. */
export function memberStatementRecords(periodId: number, lines: readonly StatementLineRecord[]): { key: string; data: string }[] {
  const byMember = new Map<number, StatementLineRecord[]>();
  for (const line of lines) {
    const list = byMember.get(line.memberId);
    if (list) list.push(line);
    else byMember.set(line.memberId, [line]);
  }
  return [...byMember.keys()].sort((a, b) => a - b).map((memberId) => ({ key: memberStatementKey(memberId), data: encodeMemberStatement(periodId, memberId, byMember.get(memberId) ?? []) }));
}
