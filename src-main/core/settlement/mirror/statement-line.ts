// The canonical form of one statement line, as anchored on chain (and, in issue 12, as printed on a
// member's statement so anyone can check it against the chain with the inclusion proof).
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

/** The record key of a line inside its period's anchor (used to ask for its inclusion proof). */
export const statementLineKey = (line: Pick<StatementLineRecord, 'lineId'>): string => `line:${line.lineId}`;
