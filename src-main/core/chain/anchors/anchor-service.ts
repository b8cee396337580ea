// Anchoring: a Merkle root over a set of records (see merkle.ts) goes on chain as
// `system.remarkWithEvent("coop-anchor:v1:<subject>:<root>")` through the outbox. The runtime
// emits `system.Remarked { sender, hash = blake2-256(remark) }`, so anyone holding a record and
// its inclusion proof can check it against that block's events — without trusting our database.
import type { Database } from 'better-sqlite3';
import { blake2AsHex } from '@polkadot/util-crypto';
import { ChainError } from '../errors.js';
import type { ChainConnection } from '../connection.js';
import type { Outbox, OutboxEnqueueOptions } from '../outbox/outbox.js';
import type { OutboxRecord } from '../outbox/outbox-repository.js';
import type { ChainIntentInput } from '../outbox/intents.js';
import { remarkedEventsAt } from '../../../../substrate-bindings/src/queries.js';
import { leafHash, merkleProof, merkleRoot, rootFromProof, type Hex, type ProofStep } from './merkle.js';

export interface AnchorRecordInput {
  /** Stable key of the record in the console, e.g. `reading:meter-7:2026-11-01T00:15Z`. */
  readonly key: string;
  /** Canonical bytes (or text) of the record; the same bytes must be presented to verify. */
  readonly data: Uint8Array | string;
}

export interface AnchorInfo {
  readonly id: number;
  readonly subject: string;
  readonly root: Hex;
  readonly leafCount: number;
  readonly remark: string;
  readonly outboxId: number;
  readonly status: string;
  readonly blockHash: string | null;
  readonly blockNumber: number | null;
  readonly extrinsicIndex: number | null;
}

export interface InclusionProof {
  readonly version: 1;
  readonly subject: string;
  readonly recordKey: string;
  readonly leafIndex: number;
  readonly leafCount: number;
  readonly steps: readonly ProofStep[];
  readonly root: Hex;
  readonly remark: string;
  readonly sender: string;
  readonly blockHash: string;
  readonly blockNumber: number;
  readonly extrinsicIndex: number;
}

export interface VerifyResult {
  readonly valid: boolean;
  /** What failed, in words, when not valid. */
  readonly reason: string | null;
}

const SUBJECT = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
export const anchorRemark = (subject: string, root: Hex): string => `coop-anchor:v1:${subject}:${root}`;

export interface AnchorSetInput {
  readonly subject: string;
  readonly records: readonly AnchorRecordInput[];
  readonly signer: string;
  readonly reference?: string;
}

/**
 * Records a set (its leaves, for proofs) and queues its root as an `anchor` outbox row, in one
 * transaction (nested as a savepoint in the caller's); idempotent per `reference`. Returns the
 * anchor id. `enqueue` is the outbox's (AnchorService) or recordOutboxIntent (code holding only
 * the database, e.g. a settlement posting).
 */
export function recordAnchor(db: Database, enqueue: (intent: ChainIntentInput, options: OutboxEnqueueOptions) => OutboxRecord, input: AnchorSetInput): number {
  if (typeof input.subject !== 'string' || !SUBJECT.test(input.subject)) {
    throw new ChainError('CHAIN_INVALID_INPUT', 'An anchor subject is 1–64 lowercase letters, digits, "_", "-" or "." (e.g. "settlement").');
  }
  if (!Array.isArray(input.records) || input.records.length === 0) throw new ChainError('CHAIN_INVALID_INPUT', 'There is nothing to anchor: the set of records is empty.');
  const keys = new Set<string>();
  for (const r of input.records) {
    if (typeof r.key !== 'string' || r.key.length === 0 || r.key.length > 200) throw new ChainError('CHAIN_INVALID_INPUT', 'Every anchored record needs a key of 1 to 200 characters.');
    if (keys.has(r.key)) throw new ChainError('CHAIN_INVALID_INPUT', `The record key "${r.key}" appears twice in the set.`);
    if (typeof r.data !== 'string' && !(r.data instanceof Uint8Array)) throw new ChainError('CHAIN_INVALID_INPUT', `Record "${r.key}" has no data to anchor.`);
    keys.add(r.key);
  }
  const leaves = input.records.map((r) => leafHash(r.data));
  const root = merkleRoot(leaves);
  const remark = anchorRemark(input.subject, root);
  return db.transaction(() => {
    const record = enqueue({ kind: 'anchor', remark }, { signer: input.signer, ...(input.reference ? { reference: input.reference } : {}) });
    const existing = db.prepare('SELECT id FROM chain_anchors WHERE outbox_id = ?').get(record.id) as { id: number } | undefined;
    if (existing) return existing.id;
    const info = db
      .prepare('INSERT INTO chain_anchors (subject, root, leaf_count, remark, outbox_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.subject, root, leaves.length, remark, record.id, new Date().toISOString());
    const anchorId = Number(info.lastInsertRowid);
    const insertLeaf = db.prepare('INSERT INTO chain_anchor_leaves (anchor_id, position, record_key, leaf_hash) VALUES (?, ?, ?, ?)');
    input.records.forEach((r, position) => insertLeaf.run(anchorId, position, r.key, leaves[position]));
    return anchorId;
  })();
}

export class AnchorService {
  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
    private readonly connection: ChainConnection,
  ) {}

  /** Records the set and queues its root for anchoring (atomically); idempotent per `reference`. */
  anchor(input: AnchorSetInput): AnchorInfo {
    return this.get(recordAnchor(this.db, (intent, options) => this.outbox.enqueue(intent, options), input)) as AnchorInfo;
  }

  get(id: number): AnchorInfo | undefined {
    const row = this.db
      .prepare(
        `SELECT a.id, a.subject, a.root, a.leaf_count, a.remark, a.outbox_id, o.status, o.block_hash, o.block_number, o.extrinsic_index
         FROM chain_anchors a JOIN chain_outbox o ON o.id = a.outbox_id WHERE a.id = ?`,
      )
      .get(id) as
      | { id: number; subject: string; root: Hex; leaf_count: number; remark: string; outbox_id: number; status: string; block_hash: string | null; block_number: number | null; extrinsic_index: number | null }
      | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      subject: row.subject,
      root: row.root,
      leafCount: row.leaf_count,
      remark: row.remark,
      outboxId: row.outbox_id,
      status: row.status,
      blockHash: row.block_hash,
      blockNumber: row.block_number,
      extrinsicIndex: row.extrinsic_index,
    };
  }

  /** The inclusion proof of one record of a finalized anchor. */
  proof(anchorId: number, recordKey: string): InclusionProof {
    const anchor = this.get(anchorId);
    if (!anchor) throw new ChainError('CHAIN_INVALID_INPUT', `There is no anchor ${anchorId}.`);
    if (anchor.status !== 'finalized' || anchor.blockHash === null || anchor.blockNumber === null || anchor.extrinsicIndex === null) {
      throw new ChainError('CHAIN_PROOF_INVALID', `Anchor ${anchorId} is not on chain yet (${anchor.status}); try again once it is finalized.`);
    }
    const leaves = (this.db.prepare('SELECT record_key, leaf_hash FROM chain_anchor_leaves WHERE anchor_id = ? ORDER BY position').all(anchorId) as { record_key: string; leaf_hash: Hex }[]);
    const index = leaves.findIndex((l) => l.record_key === recordKey);
    if (index < 0) throw new ChainError('CHAIN_INVALID_INPUT', `The record "${recordKey}" is not part of anchor ${anchorId}.`);
    const signer = (this.db.prepare('SELECT signer FROM chain_outbox WHERE id = ?').get(anchor.outboxId) as { signer: string }).signer;
    return {
      version: 1,
      subject: anchor.subject,
      recordKey,
      leafIndex: index,
      leafCount: leaves.length,
      steps: merkleProof(leaves.map((l) => l.leaf_hash), index),
      root: anchor.root,
      remark: anchor.remark,
      sender: signer,
      blockHash: anchor.blockHash,
      blockNumber: anchor.blockNumber,
      extrinsicIndex: anchor.extrinsicIndex,
    };
  }

  /**
   * Checks a record against a proof using only the chain: the proof leads from the record to the
   * root; the remark names that root; the block at `blockNumber` is canonical and has a
   * `system.Remarked` event from `sender` at `extrinsicIndex` whose hash is blake2-256(remark).
   */
  async verify(proof: InclusionProof, data: Uint8Array | string): Promise<VerifyResult> {
    const fail = (reason: string): VerifyResult => ({ valid: false, reason });
    const root = rootFromProof(leafHash(data), proof.steps);
    if (root !== proof.root) return fail('the record does not match the proof (its content differs from what was anchored)');
    if (proof.remark !== anchorRemark(proof.subject, root)) return fail('the remark in the proof does not name this root');
    const api = this.connection.api;
    const canonical = (await api.rpc.chain.getBlockHash(proof.blockNumber)).toHex();
    if (canonical !== proof.blockHash) return fail(`block ${proof.blockNumber} on this chain is not the block named in the proof`);
    const events = await remarkedEventsAt(api, proof.blockHash);
    const expected = blake2AsHex(proof.remark, 256);
    const hit = events.find((e) => e.extrinsicIndex === proof.extrinsicIndex && e.hash === expected);
    if (!hit) return fail('the block has no matching system.Remarked event for this root');
    if (hit.sender !== proof.sender) return fail(`the anchor was sent by ${hit.sender}, not by the cooperative account ${proof.sender}`);
    return { valid: true, reason: null };
  }
}
