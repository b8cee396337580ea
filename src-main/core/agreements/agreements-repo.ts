// Agreements, their versions, parties and signatures in SQLite. Terms JSON is parsed with the
// contract schema on the way out, so nothing unchecked reaches the services.
import type { Database } from 'better-sqlite3';
import type { Page } from '../../contract/common.js';
import {
  AgreementTerms,
  type Agreement,
  type AgreementKind,
  type AgreementListQueryValue,
  type AgreementParty,
  type AgreementStatus,
  type AgreementTermsValue,
  type AgreementVersionInfo,
  type PartyRole,
  type RegistrationState,
  type Signature,
  type SignatureState,
} from '../../contract/agreements.js';
import type { PartyRef } from './terms-rules.js';
import { endsOn } from './terms-rules.js';

interface AgreementRow {
  id: number;
  kind: AgreementKind;
  status: AgreementStatus;
  title: string;
  site_id: number;
  site_name: string;
  equipment_id: number | null;
  current_version: number;
  owner_listing_id: number | null;
  host_listing_id: number | null;
  end_reason: string;
  registrar: string | null;
  chain_state: RegistrationState;
  chain_collection_id: number | null;
  chain_item_id: number | null;
  chain_call_hash: string | null;
  chain_block_hash: string | null;
  chain_block_number: number | null;
  chain_extrinsic_hash: string | null;
  chain_failure: string | null;
  created_at: string;
  updated_at: string;
  proposed_at: string | null;
  signed_at: string | null;
  activated_at: string | null;
  ended_at: string | null;
  terms_json: string;
  terms_hash: string | null;
}

interface SignatureRow {
  member_id: number;
  member_name: string;
  version: number;
  state: SignatureState;
  registrar: string;
  recorded_at: string;
  confirmed_at: string | null;
  chain_block_hash: string | null;
  chain_extrinsic_hash: string | null;
  failure: string | null;
}

export interface StoredVersion {
  readonly terms: AgreementTermsValue;
  readonly createdAt: string;
  readonly termsHash: string | null;
  readonly termsPdf: Buffer | null;
}

export interface RegistrationFields {
  readonly registrar: string;
  readonly state: RegistrationState;
  readonly collectionId?: number | null;
  readonly itemId?: number | null;
  readonly callHash?: string | null;
  readonly blockHash?: string | null;
  readonly blockNumber?: number | null;
  readonly extrinsicHash?: string | null;
  readonly failure?: string | null;
}

const SELECT = `
  SELECT a.*, s.name AS site_name, v.terms_json, v.terms_hash
    FROM agreements a
    JOIN sites s ON s.id = a.site_id
    JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version`;

const WHERE = `
  WHERE (@kind IS NULL OR a.kind = @kind)
    AND (@status IS NULL OR a.status = @status)
    AND (@siteId IS NULL OR a.site_id = @siteId)
    AND (@memberId IS NULL OR EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.version = a.current_version AND p.member_id = @memberId))`;

const parseTerms = (json: string): AgreementTermsValue => AgreementTerms.parse(JSON.parse(json));

export class AgreementsRepo {
  constructor(private readonly db: Database) {}

  query(q: AgreementListQueryValue): Page<Agreement> {
    const total = (this.db.prepare(`SELECT count(*) AS n FROM agreements a ${WHERE}`).get(q) as { n: number }).n;
    const rows = this.db.prepare(`${SELECT} ${WHERE} ORDER BY a.id DESC LIMIT @limit OFFSET @offset`).all(q) as AgreementRow[];
    return { rows: rows.map((row) => this.toAgreement(row)), total };
  }

  byId(id: number): Agreement | null {
    const row = this.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AgreementRow | undefined;
    return row ? this.toAgreement(row) : null;
  }

  insert(fields: { kind: AgreementKind; title: string; siteId: number; equipmentId: number | null; ownerListingId: number | null; hostListingId: number | null; at: string }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO agreements (kind, status, title, site_id, equipment_id, current_version, owner_listing_id, host_listing_id, created_at, updated_at)
           VALUES (@kind, 'draft', @title, @siteId, @equipmentId, 1, @ownerListingId, @hostListingId, @at, @at)`,
        )
        .run(fields).lastInsertRowid,
    );
  }

  insertVersion(agreementId: number, version: number, terms: AgreementTermsValue, parties: readonly PartyRef[], createdAt: string, createdBy: number): void {
    this.db.prepare('INSERT INTO agreement_versions (agreement_id, version, terms_json, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(agreementId, version, JSON.stringify(terms), createdAt, createdBy);
    const party = this.db.prepare('INSERT INTO agreement_parties (agreement_id, version, member_id, role) VALUES (?, ?, ?, ?)');
    for (const p of parties) party.run(agreementId, version, p.memberId, p.role);
  }

  setCurrentVersion(id: number, fields: { version: number; title: string; siteId: number; equipmentId: number | null; at: string }): void {
    this.db.prepare('UPDATE agreements SET current_version = @version, title = @title, site_id = @siteId, equipment_id = @equipmentId, updated_at = @at WHERE id = @id').run({ ...fields, id });
  }

  /** Moves the status; `stamp` names the timestamp column the transition sets. */
  setStatus(id: number, status: AgreementStatus, at: string, stamp: 'proposed_at' | 'signed_at' | 'activated_at' | 'ended_at' | null, endReason?: string): void {
    const stampSql = stamp ? `, ${stamp} = @at` : '';
    const reasonSql = endReason === undefined ? '' : ', end_reason = @endReason';
    this.db.prepare(`UPDATE agreements SET status = @status, updated_at = @at${stampSql}${reasonSql} WHERE id = @id`).run({ id, status, at, endReason: endReason ?? '' });
  }

  freezeVersion(agreementId: number, version: number, termsHash: string, pdf: Buffer): void {
    this.db.prepare('UPDATE agreement_versions SET terms_hash = ?, terms_pdf = ? WHERE agreement_id = ? AND version = ?').run(termsHash, pdf, agreementId, version);
  }

  setRegistration(id: number, r: RegistrationFields, at: string): void {
    this.db
      .prepare(
        `UPDATE agreements SET registrar = @registrar, chain_state = @state,
                chain_collection_id = @collectionId, chain_item_id = @itemId, chain_call_hash = @callHash,
                chain_block_hash = @blockHash, chain_block_number = @blockNumber, chain_extrinsic_hash = @extrinsicHash,
                chain_failure = @failure, updated_at = @at
          WHERE id = @id`,
      )
      .run({
        id,
        at,
        registrar: r.registrar,
        state: r.state,
        collectionId: r.collectionId ?? null,
        itemId: r.itemId ?? null,
        callHash: r.callHash ?? null,
        blockHash: r.blockHash ?? null,
        blockNumber: r.blockNumber ?? null,
        extrinsicHash: r.extrinsicHash ?? null,
        failure: r.failure ?? null,
      });
  }

  version(agreementId: number, version: number): StoredVersion | null {
    const row = this.db.prepare('SELECT terms_json, created_at, terms_hash, terms_pdf FROM agreement_versions WHERE agreement_id = ? AND version = ?').get(agreementId, version) as
      | { terms_json: string; created_at: string; terms_hash: string | null; terms_pdf: Buffer | null }
      | undefined;
    return row ? { terms: parseTerms(row.terms_json), createdAt: row.created_at, termsHash: row.terms_hash, termsPdf: row.terms_pdf } : null;
  }

  versions(agreementId: number): AgreementVersionInfo[] {
    const rows = this.db.prepare('SELECT version, created_at, terms_hash, terms_json FROM agreement_versions WHERE agreement_id = ? ORDER BY version DESC').all(agreementId) as {
      version: number;
      created_at: string;
      terms_hash: string | null;
      terms_json: string;
    }[];
    return rows.map((row) => ({ version: row.version, createdAt: row.created_at, termsHash: row.terms_hash, terms: parseTerms(row.terms_json) }));
  }

  parties(agreementId: number, version: number): AgreementParty[] {
    return this.db
      .prepare(
        `SELECT p.member_id AS memberId, m.member_no AS memberNo, m.full_name AS memberName, p.role
           FROM agreement_parties p JOIN members m ON m.id = p.member_id
          WHERE p.agreement_id = ? AND p.version = ?
          ORDER BY CASE p.role WHEN 'owner' THEN 1 WHEN 'host' THEN 2 WHEN 'seller' THEN 3 WHEN 'buyer' THEN 4 WHEN 'grid_operator' THEN 5 ELSE 6 END, m.member_no`,
      )
      .all(agreementId, version) as { memberId: number; memberNo: string; memberName: string; role: PartyRole }[];
  }

  signatures(agreementId: number): Signature[] {
    const rows = this.db
      .prepare(
        `SELECT g.member_id, m.full_name AS member_name, g.version, g.state, g.registrar, g.recorded_at, g.confirmed_at,
                g.chain_block_hash, g.chain_extrinsic_hash, g.failure
           FROM agreement_signatures g JOIN members m ON m.id = g.member_id
          WHERE g.agreement_id = ? ORDER BY g.version DESC, g.id`,
      )
      .all(agreementId) as SignatureRow[];
    return rows.map((r) => ({
      memberId: r.member_id,
      memberName: r.member_name,
      version: r.version,
      state: r.state,
      registrar: r.registrar,
      recordedAt: r.recorded_at,
      confirmedAt: r.confirmed_at,
      blockHash: r.chain_block_hash,
      extrinsicHash: r.chain_extrinsic_hash,
      failure: r.failure,
    }));
  }

  /** Records a requested approval as pending; a failed earlier attempt is replaced. */
  upsertPendingSignature(f: { agreementId: number; version: number; memberId: number; registrar: string; operatorId: number; at: string }): void {
    this.db
      .prepare(
        `INSERT INTO agreement_signatures (agreement_id, version, member_id, state, registrar, recorded_by, recorded_at)
         VALUES (@agreementId, @version, @memberId, 'pending_chain', @registrar, @operatorId, @at)
         ON CONFLICT (agreement_id, version, member_id) DO UPDATE SET
           state = 'pending_chain', registrar = @registrar, recorded_by = @operatorId, recorded_at = @at,
           confirmed_at = NULL, chain_block_hash = NULL, chain_extrinsic_hash = NULL, failure = NULL`,
      )
      .run(f);
  }

  settleSignature(f: { agreementId: number; version: number; memberId: number; state: SignatureState; at: string; blockHash?: string | null; extrinsicHash?: string | null; failure?: string | null }): void {
    this.db
      .prepare(
        `UPDATE agreement_signatures SET state = @state,
                confirmed_at = CASE WHEN @state IN ('on_chain', 'local_only') THEN @at ELSE NULL END,
                chain_block_hash = @blockHash, chain_extrinsic_hash = @extrinsicHash, failure = @failure
          WHERE agreement_id = @agreementId AND version = @version AND member_id = @memberId`,
      )
      .run({ ...f, blockHash: f.blockHash ?? null, extrinsicHash: f.extrinsicHash ?? null, failure: f.failure ?? null });
  }

  /** The version's Multisig was cancelled on chain: approvals given to it no longer count (kept, marked failed with why). */
  voidSignatures(agreementId: number, version: number, reason: string): number {
    return this.db
      .prepare(`UPDATE agreement_signatures SET state = 'failed', failure = ? WHERE agreement_id = ? AND version = ? AND state IN ('on_chain', 'pending_chain')`)
      .run(reason, agreementId, version).changes;
  }

  private toAgreement(row: AgreementRow): Agreement {
    const terms = parseTerms(row.terms_json);
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      title: row.title,
      siteId: row.site_id,
      siteName: row.site_name,
      equipmentId: row.equipment_id,
      version: row.current_version,
      terms,
      termsHash: row.terms_hash,
      parties: this.parties(row.id, row.current_version),
      endsOn: endsOn(terms),
      endReason: row.end_reason,
      registration: {
        registrar: row.registrar,
        state: row.chain_state,
        collectionId: row.chain_collection_id,
        itemId: row.chain_item_id,
        callHash: row.chain_call_hash,
        blockHash: row.chain_block_hash,
        blockNumber: row.chain_block_number,
        extrinsicHash: row.chain_extrinsic_hash,
        failure: row.chain_failure,
      },
      ownerListingId: row.owner_listing_id,
      hostListingId: row.host_listing_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      proposedAt: row.proposed_at,
      signedAt: row.signed_at,
      activatedAt: row.activated_at,
      endedAt: row.ended_at,
    };
  }
}
