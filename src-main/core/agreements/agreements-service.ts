// Agreement use cases: drafting and revising (each revision a new version), lifecycle steps through
// the pure state machine, signatures through the registrar. Every step is one transaction with its
// audit row; the registrar is called between transactions, and its answer is stored when it comes.
import type { Database } from 'better-sqlite3';
import type { Agreement, AgreementAction, AgreementDetail, AgreementListQueryValue, AgreementTermsValue, DocumentFile, Signature } from '../../contract/agreements.js';
import type { OperatorPublic } from '../../contract/session.js';
import { CoreError, refusal, notFound } from '../api/core-error.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { EquipmentRepo } from '../equipment/equipment-repo.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { MemberAccountsRepo } from '../members-chain/member-accounts-repo.js';
import { applyEquipmentEffect, assertEquipmentFree, checkTermsReferences } from './agreement-references.js';
import { AgreementChainCalls } from './agreement-chain-calls.js';
import { AgreementDocuments } from './agreement-documents.js';
import { AgreementsRepo } from './agreements-repo.js';
import { allowedActions, IllegalTransitionError, nextStatus, REASON_REQUIRED, type AgreementEvent } from './lifecycle.js';
import { registrationRetry } from './registration-retry.js';
import { MultisigCancellations, planCancellation, toContract, type StoredCancellation } from './multisig-cancellations.js';
import type { AgreementRegistrar, ApprovalOutcome, RegistrationOutcome } from './registrar.js';
import { instalmentSchedule, keyTermAttributes, partiesOf } from './terms-rules.js';
import { walletApproval } from './wallet-approval.js';

export interface AgreementsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
  readonly equipment: EquipmentRepo;
  readonly registrar: AgreementRegistrar;
  readonly cooperative: () => { readonly name: string; readonly currency: string };
}

const STAMP = { propose: 'proposed_at', withdraw: null, all_signed: 'signed_at', activate: 'activated_at', complete: 'ended_at', terminate: 'ended_at' } as const;

export class AgreementsService {
  readonly repo: AgreementsRepo;
  readonly documents: AgreementDocuments;
  readonly chainCalls: AgreementChainCalls;
  readonly cancellations: MultisigCancellations;
  readonly #accounts: MemberAccountsRepo;

  constructor(private readonly deps: AgreementsDeps) {
    this.repo = new AgreementsRepo(deps.db);
    this.documents = new AgreementDocuments(deps.db, this.repo, deps.equipment, deps.cooperative);
    this.chainCalls = new AgreementChainCalls(deps.db);
    this.cancellations = new MultisigCancellations(deps.db);
    this.#accounts = new MemberAccountsRepo(deps.db);
  }

  list(query: AgreementListQueryValue) {
    return this.repo.query(query);
  }

  get(id: number): AgreementDetail {
    const agreement = this.mustGet(id);
    const signatures = this.repo.signatures(id);
    return {
      agreement,
      versions: this.repo.versions(id),
      signatures,
      awaiting: agreement.status === 'proposed' ? this.awaiting(agreement, signatures) : [],
      allowedActions: allowedActions(agreement.status),
      instalments: instalmentSchedule(agreement.terms),
      history: this.deps.audit.list({ entity: 'agreement', entityId: String(id), beforeId: null, limit: 200 }),
      multisig: walletApproval(agreement, this.chainCalls.current(id), this.partyAccounts(agreement), signatures),
      cancellations: this.cancellations.forAgreement(id).map(toContract),
      registrationRetry: registrationRetry(agreement, signatures),
    };
  }

  create(actor: OperatorPublic, title: string, terms: AgreementTermsValue, origin: { ownerListingId: number; hostListingId: number } | null = null): Agreement {
    const placement = checkTermsReferences(this.deps.db, this.deps.equipment, terms);
    const id = this.write(() => {
      const at = this.now();
      const newId = this.repo.insert({ kind: terms.kind, title, ...placement, ownerListingId: origin?.ownerListingId ?? null, hostListingId: origin?.hostListingId ?? null, at });
      this.repo.insertVersion(newId, 1, terms, partiesOf(terms), at, actor.id);
      const from = origin ? ` from listings ${origin.ownerListingId} and ${origin.hostListingId}` : '';
      this.deps.audit.record({ operatorId: actor.id, action: 'create', entity: 'agreement', entityId: newId, summary: `Draft ${terms.kind} "${title}"${from}`, summaryCode: origin ? 'agreement.draftedFromListings' : 'agreement.drafted', summaryParams: { kind: terms.kind, title }, after: terms });
      return newId;
    });
    return this.mustGet(id);
  }

  updateTerms(actor: OperatorPublic, id: number, title: string | undefined, terms: AgreementTermsValue): Agreement {
    const before = this.mustGet(id);
    if (before.status !== 'draft') throw refusal('ILLEGAL_TRANSITION', 'onlyDraftRevised', `Only a draft can be revised; agreement ${id} is ${before.status}.${before.status === 'proposed' ? ' Withdraw it to draft first.' : ''}`, { status: before.status });
    if (terms.kind !== before.kind) throw new CoreError('VALIDATION', `Agreement ${id} is a ${before.kind}; its kind cannot change. Draft a new agreement instead.`, [{ path: 'terms.kind', message: 'Kind cannot change' }]);
    const placement = checkTermsReferences(this.deps.db, this.deps.equipment, terms);
    this.write(() => {
      const current = this.mustGet(id);
      if (current.status !== 'draft') throw refusal('ILLEGAL_TRANSITION', 'onlyDraftRevised', `Only a draft can be revised; agreement ${id} is ${current.status}.`, { status: current.status });
      const at = this.now();
      const version = current.version + 1;
      this.repo.insertVersion(id, version, terms, partiesOf(terms), at, actor.id);
      this.repo.setCurrentVersion(id, { version, title: title ?? current.title, ...placement, at });
      this.deps.audit.record({ operatorId: actor.id, action: 'revise', entity: 'agreement', entityId: id, summary: `Terms revised: version ${version}`, summaryCode: 'agreement.revised', summaryParams: { version }, before: current.terms, after: terms });
    });
    return this.mustGet(id);
  }

  async transition(actor: OperatorPublic, id: number, action: AgreementAction, reason: string): Promise<Agreement> {
    const agreement = this.mustGet(id);
    this.legal(agreement, action);
    if (REASON_REQUIRED.has(action) && !reason.trim()) throw new CoreError('VALIDATION', `Say why the agreement is ${action === 'terminate' ? 'terminated' : 'withdrawn'}.`, [{ path: 'reason', message: 'Required' }]);
    if (action === 'propose') return this.propose(actor, agreement);
    let queued = false;
    this.write(() => {
      const current = this.mustGet(id);
      const to = this.legal(current, action);
      const at = this.now();
      const ends = action === 'complete' || action === 'terminate';
      this.repo.setStatus(id, to, at, STAMP[action], ends ? reason.trim() : undefined);
      if (action === 'activate' || (ends && current.status === 'active')) {
        applyEquipmentEffect({ db: this.deps.db, equipment: this.deps.equipment, audit: this.deps.audit }, id, current.terms, action === 'activate' ? 'activate' : action, actor.id, at);
      }
      if (action === 'activate') this.closeListings(current);
      const why = reason.trim() ? `: ${reason.trim()}` : '';
      this.deps.audit.record({ operatorId: actor.id, action, entity: 'agreement', entityId: id, summary: `${current.status} → ${to}${why}`, summaryCode: 'agreement.status', summaryParams: { from: current.status, to, reason: reason.trim() }, before: { status: current.status }, after: { status: to } });
      // Left the signing path before registration: the cooperative's pending Multisig is cancelled (same transaction).
      if (current.status === 'proposed' && (action === 'withdraw' || action === 'terminate')) queued = this.abandonOnChain(actor.id, current, action, at);
    });
    if (queued) this.deps.registrar.chainWorkQueued?.();
    return this.mustGet(id);
  }

  async sign(actor: OperatorPublic, id: number, memberId: number, passphrase: string): Promise<AgreementDetail> {
    const registrar = this.deps.registrar;
    let version = 0;
    this.write(() => {
      const agreement = this.mustGet(id);
      if (agreement.status !== 'proposed') throw refusal('ILLEGAL_TRANSITION', 'onlyProposedSigned', `Only a proposed agreement can be signed; agreement ${id} is ${agreement.status}.`, { status: agreement.status });
      const party = agreement.parties.find((p) => p.memberId === memberId);
      if (!party) throw new CoreError('VALIDATION', `Member ${memberId} is not a party to agreement ${id}.`, [{ path: 'memberId', message: 'Not a party' }]);
      if (agreement.registration.state === 'failed') throw refusal('CONFLICT', 'signAfterFailedRegistration', `The registration of agreement ${id} failed (${agreement.registration.failure ?? 'no reason given'}); withdraw it and propose it again before signing.`);
      const existing = this.repo.signatures(id).find((s) => s.version === agreement.version && s.memberId === memberId);
      if (existing && existing.state !== 'failed' && (existing.state === 'pending_chain' || this.counts(existing))) {
        const when = existing.state === 'pending_chain' ? 'is waiting for the chain' : `was recorded on ${existing.recordedAt}`;
        throw refusal('CONFLICT', 'alreadySigned', `${party.memberName} has already signed version ${agreement.version} of agreement ${id} (the signature ${when}). A party signs once.`, { member: party.memberName, version: agreement.version });
      }
      version = agreement.version;
      this.repo.upsertPendingSignature({ agreementId: id, version, memberId, registrar: registrar.name, operatorId: actor.id, at: this.now() });
      this.deps.audit.record({ operatorId: actor.id, action: 'sign_requested', entity: 'agreement', entityId: id, summary: `Approval by ${party.memberName} (${party.role}) sent to the ${registrar.name} registrar`, summaryCode: 'agreement.approvalSent', summaryParams: { member: party.memberName, role: party.role } });
    });
    let outcome: ApprovalOutcome;
    try {
      outcome = await registrar.approve(id, memberId, passphrase);
    } catch (error) {
      outcome = { state: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
    this.settleSignature(id, version, memberId, outcome, actor.id);
    if (outcome.state === 'failed') {
      throw new CoreError('REGISTRAR_FAILED', `The approval by member ${memberId} could not be recorded: ${outcome.reason}. It does not count as signed; try again.`);
    }
    return this.get(id);
  }

  /**
   * Seam for the chain work: stores a signature's new state (e.g. when a pending approval is finalized)
   * and moves the agreement to signed once every party's signature and the registration are confirmed.
   */
  settleSignature(id: number, version: number, memberId: number, outcome: ApprovalOutcome, operatorId: number | null): void {
    this.write(() => {
      const at = this.now();
      this.repo.settleSignature({
        agreementId: id,
        version,
        memberId,
        state: outcome.state,
        at,
        blockHash: outcome.state === 'on_chain' ? outcome.blockHash : null,
        extrinsicHash: outcome.state === 'on_chain' ? outcome.extrinsicHash : null,
        failure: outcome.state === 'failed' ? outcome.reason : null,
      });
      const label = outcome.state === 'local_only' ? 'recorded locally (NOT on chain)' : outcome.state === 'failed' ? `failed: ${outcome.reason}` : outcome.state.replace('_', ' ');
      this.deps.audit.record({ operatorId, action: 'signature', entity: 'agreement', entityId: id, summary: `Signature of member ${memberId} on version ${version}: ${label}`, summaryCode: 'agreement.signature', summaryParams: { member: this.mustGet(id).parties.find((p) => p.memberId === memberId)?.memberName ?? `#${memberId}`, version, state: outcome.state, reason: outcome.state === 'failed' ? outcome.reason : '' } });
      if (outcome.state === 'on_chain' && outcome.executed) this.storeRegistration(id, { state: 'on_chain', ...outcome.executed }, operatorId);
      this.promoteIfSigned(id, operatorId);
    });
  }

  /** Seam for the chain work: stores the registration's new state, and promotes to signed if that was the last thing missing. */
  settleRegistration(id: number, outcome: RegistrationOutcome, operatorId: number | null): void {
    this.write(() => {
      this.storeRegistration(id, outcome, operatorId);
      this.promoteIfSigned(id, operatorId);
    });
  }

  /** Seam for the canceller: stores a cancellation's outcome; once cancelled on chain, approvals of that version stop counting. */
  settleCancellation(record: StoredCancellation, patch: Partial<StoredCancellation>): void {
    this.write(() => {
      const at = this.now();
      const current = this.cancellations.get(record.agreementId, record.version);
      // A re-proposal superseded it meanwhile: only a chain fact (cancelled, ran) overrides that.
      if (current?.state === 'superseded' && patch.state !== 'done' && patch.state !== 'executed_first') return;
      const next = this.cancellations.update(record.agreementId, record.version, patch, at);
      if (!next) return;
      let voided = 0;
      // No Multisig holds this version's approvals any more (cancelled, or gone without running the call).
      if (next.state === 'done' || (next.state === 'not_needed' && !this.chainCalls.get(record.agreementId, record.version)?.executed)) {
        voided = this.repo.voidSignatures(record.agreementId, record.version, `The Multisig of version ${record.version} is no longer waiting on chain (${next.state === 'done' ? `cancelled in block ${next.blockNumber ?? '?'}` : 'gone'}): this approval no longer counts. Sign again once the agreement is proposed again.`);
      }
      const also = voided ? `; ${voided} approval(s) of that version no longer count` : '';
      this.deps.audit.record({ operatorId: null, action: 'chain_cancel', entity: 'agreement', entityId: record.agreementId, summary: `Cancellation of the Multisig of version ${record.version}: ${next.state.replace('_', ' ')}${next.note ? ` — ${next.note}` : ''}${also}`, summaryCode: 'agreement.cancellation', summaryParams: { version: record.version, cancellation: next.state, voided } });
    });
  }

  termsDocument(id: number, version: number | null): Promise<DocumentFile> {
    return this.documents.termsDocument(this.mustGet(id), version);
  }

  proofPack(id: number): DocumentFile {
    const agreement = this.mustGet(id);
    const cancellation = this.cancellations.get(id, agreement.version);
    return this.documents.proofPack(agreement, this.repo.signatures(id), { call: this.chainCalls.get(id, agreement.version), cancellation: cancellation ? toContract(cancellation) : null });
  }

  mustGet(id: number): Agreement {
    const found = this.repo.byId(id);
    if (!found) throw notFound('Agreement', id);
    return found;
  }

  /**
   * Sends a failed registration again once its cause is gone (the chain set-up finished, the keystore
   * was unlocked): allowed only while no party's approval of this version reached the chain
   * (registration-retry.ts). The registrar reads the chain first, so nothing is approved twice.
   */
  async retryRegistration(actor: OperatorPublic, id: number): Promise<Agreement> {
    const registrar = this.deps.registrar;
    const retried = this.write(() => {
      const current = this.mustGet(id);
      const retry = registrationRetry(current, this.repo.signatures(id));
      if (retry === null) throw refusal('ILLEGAL_TRANSITION', 'retryNothingFailed', `The registration of agreement ${id} has not failed (it is ${current.registration.state.replace('_', ' ')} and the agreement is ${current.status}); there is nothing to retry.`);
      if (retry === 'repropose') throw refusal('CONFLICT', 'retryNeedsRepropose', `Parties already approved version ${current.version} of agreement ${id} before its registration failed; withdraw it and propose it again.`, { version: current.version });
      if (!current.termsHash) throw new CoreError('INTERNAL', `Agreement ${id} is proposed without a terms hash.`);
      this.repo.setRegistration(id, { registrar: registrar.name, state: 'unregistered' }, this.now());
      this.deps.audit.record({ operatorId: actor.id, action: 'registration_retry', entity: 'agreement', entityId: id, summary: `Registration of version ${current.version} sent again (it had failed: ${current.registration.failure ?? 'no reason given'})`, summaryCode: 'agreement.registrationRetried', summaryParams: { version: current.version } });
      return { agreement: current, termsHash: current.termsHash };
    });
    await this.register(actor, retried.agreement, retried.termsHash);
    return this.mustGet(id);
  }

  private async propose(actor: OperatorPublic, agreement: Agreement): Promise<Agreement> {
    checkTermsReferences(this.deps.db, this.deps.equipment, agreement.terms);
    const { pdf, sha256 } = await this.documents.render(agreement, agreement.version);
    const registrar = this.deps.registrar;
    this.write(() => {
      const current = this.mustGet(agreement.id);
      if (current.version !== agreement.version) throw refusal('CONFLICT', 'revisedMeanwhile', `Agreement ${agreement.id} was revised meanwhile; propose it again.`);
      const to = this.legal(current, 'propose');
      assertEquipmentFree(this.deps.db, current.equipmentId, current.id);
      const at = this.now();
      this.repo.freezeVersion(current.id, current.version, sha256, pdf);
      this.repo.setStatus(current.id, to, at, 'proposed_at');
      this.repo.setRegistration(current.id, { registrar: registrar.name, state: 'unregistered' }, at);
      // Proposed again before its cancellation went out: the waiting Multisig is reused, not cancelled.
      if (this.cancellations.get(current.id, current.version)?.state === 'pending') {
        this.cancellations.update(current.id, current.version, { state: 'superseded', settledAt: at, note: 'Proposed again before the cancellation went out: the waiting Multisig is used for the new proposal.' }, at);
        this.deps.audit.record({ operatorId: actor.id, action: 'chain_cancel', entity: 'agreement', entityId: current.id, summary: `Cancellation of the Multisig of version ${current.version}: superseded (proposed again)`, summaryCode: 'agreement.cancellationSuperseded', summaryParams: { version: current.version } });
      }
      this.deps.audit.record({ operatorId: actor.id, action: 'propose', entity: 'agreement', entityId: current.id, summary: `draft → proposed: version ${current.version}, terms hash ${sha256}`, summaryCode: 'agreement.proposed', summaryParams: { version: current.version }, before: { status: current.status }, after: { status: to, termsHash: sha256 } });
    });
    await this.register(actor, agreement, sha256);
    return this.mustGet(agreement.id);
  }

  /** Asks the registrar to register a proposed version and stores its answer (a throw counts as failed). */
  private async register(actor: OperatorPublic, agreement: Agreement, termsHash: string): Promise<void> {
    let outcome: RegistrationOutcome;
    try {
      outcome = await this.deps.registrar.propose(
        { id: agreement.id, kind: agreement.kind, version: agreement.version, title: agreement.title, equipmentId: agreement.equipmentId, parties: partiesOf(agreement.terms), attributes: keyTermAttributes(agreement.terms) },
        termsHash,
      );
    } catch (error) {
      outcome = { state: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
    this.settleRegistration(agreement.id, outcome, actor.id);
  }

  /** Records the cancellation decision (pure plan) and clears a pending registration; true when chain work was queued. */
  private abandonOnChain(operatorId: number, agreement: Agreement, cause: 'withdraw' | 'terminate', at: string): boolean {
    const plan = planCancellation({ agreementId: agreement.id, version: agreement.version, cause, call: this.chainCalls.get(agreement.id, agreement.version), registrar: agreement.registration.registrar, at });
    if (agreement.registration.state === 'pending_chain') this.repo.setRegistration(agreement.id, { registrar: agreement.registration.registrar ?? this.deps.registrar.name, state: 'unregistered' }, at);
    if (!plan) return false;
    this.cancellations.put(plan, at);
    const what = plan.state === 'pending' ? `queued (Multisig ${plan.multisig}, call ${plan.callHash})` : `${plan.state.replace('_', ' ')} — ${plan.note ?? ''}`;
    this.deps.audit.record({ operatorId, action: 'chain_cancel', entity: 'agreement', entityId: agreement.id, summary: `Cancellation of the Multisig of version ${agreement.version}: ${what}`, summaryCode: 'agreement.cancellation', summaryParams: { version: agreement.version, cancellation: plan.state, voided: 0 } });
    return plan.state === 'pending';
  }

  private partyAccounts(agreement: Agreement) {
    return [...new Set(agreement.parties.map((p) => p.memberId))].flatMap((memberId) => {
      const account = this.#accounts.byMember(memberId);
      return account ? [{ memberId, kind: account.kind, address: account.address }] : [];
    });
  }

  private storeRegistration(id: number, outcome: RegistrationOutcome, operatorId: number | null): void {
    const fields =
      outcome.state === 'failed'
        ? { state: outcome.state, failure: outcome.reason }
        : outcome.state === 'pending_chain'
          ? { state: outcome.state, callHash: outcome.callHash, collectionId: outcome.collectionId ?? null, itemId: outcome.itemId ?? null }
          : outcome.state === 'on_chain'
            ? { ...outcome }
            : { state: outcome.state };
    this.repo.setRegistration(id, { registrar: this.deps.registrar.name, ...fields }, this.now());
    const label = outcome.state === 'local_only' ? 'recorded locally (NOT on chain)' : outcome.state === 'failed' ? `failed: ${outcome.reason}` : outcome.state.replace('_', ' ');
    this.deps.audit.record({ operatorId, action: 'registration', entity: 'agreement', entityId: id, summary: `Registration by ${this.deps.registrar.name}: ${label}`, summaryCode: 'agreement.registration', summaryParams: { state: outcome.state, reason: outcome.state === 'failed' ? outcome.reason : '' } });
  }

  private promoteIfSigned(id: number, operatorId: number | null): void {
    const agreement = this.mustGet(id);
    if (agreement.status !== 'proposed') return;
    const registered = agreement.registration.state === 'on_chain' || (agreement.registration.state === 'local_only' && !this.deps.registrar.onChain);
    if (!registered || this.awaiting(agreement, this.repo.signatures(id)).length > 0) return;
    const to = nextStatus(agreement.status, 'all_signed');
    this.repo.setStatus(id, to, this.now(), STAMP.all_signed);
    this.deps.audit.record({ operatorId, action: 'all_signed', entity: 'agreement', entityId: id, summary: `proposed → signed: every party approved version ${agreement.version}`, summaryCode: 'agreement.allSigned', summaryParams: { version: agreement.version }, before: { status: agreement.status }, after: { status: to } });
  }

  /** A signature counts only when the registrar confirmed it; 'local_only' only from a registrar that is not a chain. */
  private counts(signature: Signature): boolean {
    return signature.state === 'on_chain' || (signature.state === 'local_only' && !this.deps.registrar.onChain);
  }

  private awaiting(agreement: Agreement, signatures: readonly Signature[]): number[] {
    const signers = [...new Set(agreement.parties.map((p) => p.memberId))];
    return signers.filter((memberId) => !signatures.some((s) => s.version === agreement.version && s.memberId === memberId && this.counts(s)));
  }

  private closeListings(agreement: Agreement): void {
    const ids = [agreement.ownerListingId, agreement.hostListingId].filter((x): x is number => x !== null);
    const stmt = this.deps.db.prepare(`UPDATE market_listings SET status = 'matched', status_reason = ?, updated_at = ? WHERE id = ? AND status = 'open'`);
    for (const listingId of ids) stmt.run(`Agreement ${agreement.id} active`, this.now(), listingId);
  }

  private legal(agreement: Agreement, event: AgreementEvent) {
    try {
      return nextStatus(agreement.status, event);
    } catch (error) {
      if (error instanceof IllegalTransitionError) throw new CoreError('ILLEGAL_TRANSITION', `Agreement ${agreement.id}: ${error.message}`);
      throw error;
    }
  }

  private now(): string {
    return isoNow(this.deps.clock);
  }

  private write<T>(work: () => T): T {
    return this.deps.db.transaction(work).immediate();
  }
}
