// What a statement's QR code carries: enough to verify it against the chain with the statement's
// lines in hand (printed, or attached to the PDF): the canonical hash, the Merkle path and the anchor.
//
//   COOPST1.<periodId>.<memberId>.<blockNumber>.<extrinsicIndex>.<hash>.<sides>.<siblings>
//   hash, siblings: base64url of the 32-byte hashes (siblings concatenated, leaf to root);
//   sides: one letter per step, L or R (where the sibling sits); "-" for a path of no steps.
// base64url keeps a 2,000-member period's path (11 steps) under 600 characters: a QR a phone reads
// from paper at 4 cm.
import type { StatementAnchor, StatementDocument, StatementProofStep } from '../../contract/statements.js';

export const STATEMENT_QR_PREFIX = 'COOPST1';

export interface StatementQrPayload {
  readonly periodId: number;
  readonly memberId: number;
  readonly blockNumber: number;
  readonly extrinsicIndex: number;
  readonly hash: `0x${string}`;
  readonly steps: readonly StatementProofStep[];
}

const b64 = (hex: string): string => Buffer.from(hex.slice(2), 'hex').toString('base64url');
const hexOf = (bytes: Buffer): `0x${string}` => `0x${bytes.toString('hex')}`;

export function statementQrText(doc: Pick<StatementDocument, 'period' | 'member' | 'hash'> & { readonly anchor: StatementAnchor }): string {
  const { anchor } = doc;
  const sides = anchor.steps.length === 0 ? '-' : anchor.steps.map((s) => (s.side === 'left' ? 'L' : 'R')).join('');
  const siblings = Buffer.concat(anchor.steps.map((s) => Buffer.from(s.hash.slice(2), 'hex'))).toString('base64url') || '-';
  return [STATEMENT_QR_PREFIX, doc.period.id, doc.member.id, anchor.blockNumber, anchor.extrinsicIndex, b64(doc.hash), sides, siblings].join('.');
}

/** Reads a QR text back; null when it is not a statement's QR code. */
export function parseStatementQr(text: string): StatementQrPayload | null {
  const parts = text.trim().split('.');
  if (parts.length !== 8 || parts[0] !== STATEMENT_QR_PREFIX) return null;
  const [periodId, memberId, blockNumber, extrinsicIndex] = parts.slice(1, 5).map((p) => (/^\d{1,15}$/.test(p ?? '') ? Number(p) : NaN));
  const hash = Buffer.from(parts[5] ?? '', 'base64url');
  const sides = parts[6] === '-' ? '' : (parts[6] ?? '');
  const siblings = parts[7] === '-' ? Buffer.alloc(0) : Buffer.from(parts[7] ?? '', 'base64url');
  if ([periodId, memberId, blockNumber, extrinsicIndex].some((n) => n === undefined || !Number.isSafeInteger(n))) return null;
  if (hash.length !== 32 || !/^[LR]*$/.test(sides) || siblings.length !== sides.length * 32) return null;
  const steps = [...sides].map((side, i) => ({ hash: hexOf(siblings.subarray(i * 32, i * 32 + 32)), side: side === 'L' ? ('left' as const) : ('right' as const) }));
  return { periodId: periodId as number, memberId: memberId as number, blockNumber: blockNumber as number, extrinsicIndex: extrinsicIndex as number, hash: hexOf(hash), steps };
}

/** True when the QR names the same statement, hash, path and anchor as the statement data. */
export function qrMatchesStatement(qr: StatementQrPayload, doc: StatementDocument): boolean {
  const a = doc.anchor;
  if (a === null) return false;
  return (
    qr.periodId === doc.period.id && qr.memberId === doc.member.id && qr.hash === doc.hash && qr.blockNumber === a.blockNumber && qr.extrinsicIndex === a.extrinsicIndex &&
    qr.steps.length === a.steps.length && qr.steps.every((s, i) => s.hash === a.steps[i]?.hash && s.side === a.steps[i]?.side)
  );
}
