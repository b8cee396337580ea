// Rows of agreement_chain_calls (migration 0005): the registering call of one agreement version,
// its Multisig and where it stands on chain. Written BEFORE anything is sent, so a crash at any
// point leaves enough to ask the chain what happened (the call hash is the key there).
import type { Database } from 'better-sqlite3';

export interface AgreementChainCall {
  readonly agreementId: number;
  readonly version: number;
  readonly multisig: string;
  readonly signatories: readonly string[];
  readonly threshold: number;
  readonly cooperative: string;
  readonly collectionId: number;
  readonly itemId: number;
  readonly callHex: string;
  readonly callHash: string;
  readonly timepoint: { readonly height: number; readonly index: number } | null;
  readonly proposedBlock: number | null;
  readonly executed: { readonly blockHash: string; readonly blockNumber: number; readonly extrinsicHash: string } | null;
}

interface Row {
  agreement_id: number;
  version: number;
  multisig_address: string;
  signatories_json: string;
  threshold: number;
  cooperative: string;
  collection_id: number;
  item_id: number;
  call_hex: string;
  call_hash: string;
  timepoint_height: number | null;
  timepoint_index: number | null;
  proposed_block: number | null;
  executed_block_hash: string | null;
  executed_block_number: number | null;
  executed_extrinsic: string | null;
}

const toCall = (r: Row): AgreementChainCall => ({
  agreementId: r.agreement_id,
  version: r.version,
  multisig: r.multisig_address,
  signatories: JSON.parse(r.signatories_json) as string[],
  threshold: r.threshold,
  cooperative: r.cooperative,
  collectionId: r.collection_id,
  itemId: r.item_id,
  callHex: r.call_hex,
  callHash: r.call_hash,
  timepoint: r.timepoint_height !== null && r.timepoint_index !== null ? { height: r.timepoint_height, index: r.timepoint_index } : null,
  proposedBlock: r.proposed_block,
  executed: r.executed_block_hash && r.executed_block_number !== null && r.executed_extrinsic ? { blockHash: r.executed_block_hash, blockNumber: r.executed_block_number, extrinsicHash: r.executed_extrinsic } : null,
});

export class AgreementChainCalls {
  constructor(private readonly db: Database) {}

  get(agreementId: number, version: number): AgreementChainCall | null {
    const row = this.db.prepare('SELECT * FROM agreement_chain_calls WHERE agreement_id = ? AND version = ?').get(agreementId, version) as Row | undefined;
    return row ? toCall(row) : null;
  }

  /** The call of the agreement's current version. */
  current(agreementId: number): AgreementChainCall | null {
    const row = this.db
      .prepare('SELECT c.* FROM agreement_chain_calls c JOIN agreements a ON a.id = c.agreement_id AND a.current_version = c.version WHERE a.id = ?')
      .get(agreementId) as Row | undefined;
    return row ? toCall(row) : null;
  }

  /** Stores a new call; an existing row with the same call hash is kept (propose is idempotent). */
  save(c: Omit<AgreementChainCall, 'timepoint' | 'executed' | 'proposedBlock'>, at: string): AgreementChainCall {
    this.db
      .prepare(
        `INSERT INTO agreement_chain_calls (agreement_id, version, multisig_address, signatories_json, threshold, cooperative, collection_id, item_id, call_hex, call_hash, created_at, updated_at)
         VALUES (@agreementId, @version, @multisig, @signatories, @threshold, @cooperative, @collectionId, @itemId, @callHex, @callHash, @at, @at)
         ON CONFLICT (agreement_id, version) DO UPDATE SET
           multisig_address = excluded.multisig_address, signatories_json = excluded.signatories_json, threshold = excluded.threshold,
           cooperative = excluded.cooperative, call_hex = excluded.call_hex, call_hash = excluded.call_hash,
           timepoint_height = NULL, timepoint_index = NULL, proposed_block = NULL, updated_at = excluded.updated_at
         WHERE agreement_chain_calls.call_hash <> excluded.call_hash`,
      )
      .run({ ...c, signatories: JSON.stringify(c.signatories), at });
    return this.get(c.agreementId, c.version) as AgreementChainCall;
  }

  setTimepoint(agreementId: number, version: number, timepoint: { height: number; index: number }, at: string): void {
    this.db
      .prepare('UPDATE agreement_chain_calls SET timepoint_height = ?, timepoint_index = ?, proposed_block = coalesce(proposed_block, ?), updated_at = ? WHERE agreement_id = ? AND version = ?')
      .run(timepoint.height, timepoint.index, timepoint.height, at, agreementId, version);
  }

  setExecuted(agreementId: number, version: number, e: { blockHash: string; blockNumber: number; extrinsicHash: string }, at: string): void {
    this.db
      .prepare('UPDATE agreement_chain_calls SET executed_block_hash = ?, executed_block_number = ?, executed_extrinsic = ?, updated_at = ? WHERE agreement_id = ? AND version = ?')
      .run(e.blockHash, e.blockNumber, e.extrinsicHash, at, agreementId, version);
  }

  /** Other calls of the same Multisig still waiting (their agreement is proposed): the proxy must stay. */
  othersWaiting(multisig: string, exceptAgreementId: number): number {
    const row = this.db
      .prepare(
        `SELECT count(*) AS n FROM agreement_chain_calls c JOIN agreements a ON a.id = c.agreement_id AND a.current_version = c.version
          WHERE c.multisig_address = ? AND c.agreement_id <> ? AND c.executed_block_hash IS NULL AND a.status = 'proposed'`,
      )
      .get(multisig, exceptAgreementId) as { n: number };
    return row.n;
  }
}
