// Verifying a statement against the chain, trusting nothing the console stored: recompute the
// canonical hash from the statement's lines, check its figures add up, walk the Merkle path to the
// root, and find `system.Remarked` with blake2-256 of the anchor's remark at the extrinsic the
// statement names, in the block the chain has at that height. The chain is reached through
// `StatementChainLookup` (a live node in statement-chain.ts), so this file is pure apart from it.
import { blake2AsHex } from '@polkadot/util-crypto';
import type { StatementDocument, StatementFailure, StatementVerification } from '../../contract/statements.js';
import { rootFromProof, type Hex } from '../chain/anchors/merkle.js';
import { anchorRemark } from '../chain/anchors/anchor-service.js';
import { settlementAnchorSubject } from '../settlement/mirror/mirror-plan.js';
import { memberStatementHash } from '../settlement/mirror/statement-line.js';
import { inconsistentFigures, lineRecordsOf } from './statement-build.js';

export interface RemarkedEventInfo {
  readonly extrinsicIndex: number;
  readonly sender: string;
  readonly hash: string;
}

export interface StatementChainLookup {
  /** The hash of the canonical block at that height, or null when the chain has no such block yet. */
  blockHashAt(blockNumber: number): Promise<string | null>;
  remarkedEventsAt(blockHash: string): Promise<readonly RemarkedEventInfo[]>;
}

/** The hash recomputed from the statement's own lines (null when they cannot be encoded). */
export function recomputedHash(doc: StatementDocument): Hex | null {
  try {
    return memberStatementHash(doc.period.id, doc.member.id, lineRecordsOf(doc));
  } catch {
    return null;
  }
}

export async function verifyStatement(doc: StatementDocument, chain: StatementChainLookup, now: () => number = () => performance.now()): Promise<StatementVerification> {
  const started = now();
  const hash = recomputedHash(doc) ?? doc.hash;
  const anchor = doc.anchor;
  const result = (failure: StatementFailure | null, reason: string | null): StatementVerification => ({
    verified: failure === null,
    failure,
    reason,
    hash,
    root: anchor?.root ?? null,
    blockNumber: anchor?.blockNumber ?? null,
    extrinsicIndex: anchor?.extrinsicIndex ?? null,
    elapsedMs: Math.round(now() - started),
  });
  if (hash !== doc.hash) return result('hash-mismatch', `the statement's lines give hash ${hash}, not the hash printed on it (${doc.hash}): a line was changed`);
  const wrong = inconsistentFigures(doc);
  if (wrong.length > 0) return result('figures-mismatch', `these figures do not add up from the statement's own lines and days: ${wrong.join(', ')}`);
  if (anchor === null) return result('not-anchored', 'the statement carries no anchor: its period was not on chain yet when it was made');
  const root = rootFromProof(doc.hash, anchor.steps);
  if (root !== anchor.root) return result('merkle-path', `the Merkle path leads from the statement's hash to ${root}, not to the anchored root ${anchor.root}`);
  if (anchor.subject !== settlementAnchorSubject(doc.period.id)) return result('wrong-anchor', `the anchor "${anchor.subject}" is not the anchor of settlement period ${doc.period.id}`);
  const canonical = await chain.blockHashAt(anchor.blockNumber);
  if (canonical === null) return result('wrong-anchor', `the chain has no block ${anchor.blockNumber} yet`);
  if (canonical !== anchor.blockHash) return result('wrong-anchor', `block ${anchor.blockNumber} on this chain is ${canonical}, not the block named on the statement (${anchor.blockHash})`);
  const expected = blake2AsHex(anchorRemark(anchor.subject, anchor.root), 256);
  const events = await chain.remarkedEventsAt(canonical);
  const hit = events.find((e) => e.extrinsicIndex === anchor.extrinsicIndex && e.hash === expected);
  if (!hit) {
    const elsewhere = events.find((e) => e.hash === expected);
    return elsewhere
      ? result('wrong-anchor', `the root is in block ${anchor.blockNumber} at extrinsic ${elsewhere.extrinsicIndex}, not at extrinsic ${anchor.extrinsicIndex} as the statement says`)
      : result('root-not-in-block', `block ${anchor.blockNumber} has no system.Remarked event for root ${anchor.root} at extrinsic ${anchor.extrinsicIndex}`);
  }
  if (hit.sender !== anchor.sender) return result('wrong-sender', `the root was anchored by ${hit.sender}, not by the cooperative's account ${anchor.sender}`);
  return result(null, null);
}
