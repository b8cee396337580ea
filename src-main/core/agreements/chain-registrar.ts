// ChainAgreementRegistrar: agreements co-signed through Multisig and registered as Uniques items.
//
// propose: builds the registering call (registering-call.ts), stores it, then the cooperative's
//   issuer adds the proxy (first time for this Multisig) and approves the call hash first, in one
//   batch → 'pending_chain' with the call hash, collection and item.
// approve: checks the member's PIN (lockout), looks at the chain FIRST (an approval that already
//   landed — e.g. its answer was lost when the node died — is recognised, never sent twice), then
//   signs multisig.approveAsMulti, or multisig.asMulti with the call when it is the last approval
//   (that one executes it), and waits for finalization → 'on_chain' (+ `executed` placement), or
//   'failed' (dropped, refused, wrong PIN): nothing is recorded as signed that is not on chain, and
//   a retry completes. Members with their own wallet approve outside; approve() then only detects it.
import type { Database } from 'better-sqlite3';
import { multisigApproveAsMulti, multisigAsMulti } from '../../../substrate-bindings/src/index.js';
import { CoreError } from '../api/core-error.js';
import type { ChainRuntime } from '../chain/runtime.js';
import { errorMessage } from '../chain/errors.js';
import type { EquipmentChainRegistration } from '../equipment/chain-registration.js';
import type { MemberAccountsService } from '../members-chain/member-accounts-service.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { AgreementChainCalls, type AgreementChainCall } from './agreement-chain-calls.js';
import { AgreementLocks } from './agreement-locks.js';
import { MultisigCanceller } from './multisig-canceller.js';
import type { AgreementsService } from './agreements-service.js';
import { findMultisigEvents, multisigState, type MultisigEventHit } from './multisig-watch.js';
import type { AgreementRegistrar, ApprovalOutcome, ChainPlacement, RegistrarAgreement, RegistrationOutcome } from './registrar.js';
import { addRegistrarProxy, agreementItemId, buildRegisteringCall, hasRegistrarProxy, multisigOf, removeRegistrarProxy, storedCall } from './registering-call.js';

export interface ChainRegistrarDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** Read at every use: Settings can switch the chain at run time. */
  readonly chain: () => ChainRuntime | null;
  readonly accounts: MemberAccountsService;
  readonly equipment: () => EquipmentChainRegistration | null;
  /** How long an approval may take to finalize before it is reported failed (it is re-checked on retry). */
  readonly approvalTimeoutMs?: number;
  /** How often queued Multisig cancellations are looked at (default 5 s). */
  readonly cancelIntervalMs?: number;
  readonly log?: (message: string, error?: unknown) => void;
}

export class ChainAgreementRegistrar implements AgreementRegistrar {
  readonly name = 'chain-multisig';
  readonly onChain = true;
  readonly calls: AgreementChainCalls;
  #agreements: AgreementsService | null = null;
  /** One chain step per agreement at a time (propose, approve, cancel): see agreement-locks.ts. */
  readonly #locks = new AgreementLocks();
  #canceller: MultisigCanceller | null = null;

  constructor(private readonly deps: ChainRegistrarDeps) {
    this.calls = new AgreementChainCalls(deps.db);
  }

  /** The agreements service, for results learned later; starts sending queued Multisig cancellations. */
  attach(agreements: AgreementsService): void {
    this.#agreements = agreements;
    this.#canceller?.stop();
    this.#canceller = new MultisigCanceller({
      db: this.deps.db,
      clock: this.deps.clock,
      chain: this.deps.chain,
      calls: this.calls,
      locks: this.#locks,
      settle: (record, patch) => agreements.settleCancellation(record, patch),
      ...(this.deps.approvalTimeoutMs ? { timeoutMs: this.deps.approvalTimeoutMs } : {}),
      ...(this.deps.log ? { log: this.deps.log } : {}),
    });
    this.#canceller.start(this.deps.cancelIntervalMs);
    this.#canceller.kick(); // records left from before a restart
  }

  /** Sends queued cancellations (null before attach). */
  get canceller(): MultisigCanceller | null {
    return this.#canceller;
  }

  chainWorkQueued(): void {
    this.#canceller?.kick();
  }

  async propose(agreement: RegistrarAgreement, termsHash: string): Promise<RegistrationOutcome> {
    try {
      return await this.#locks.run(agreement.id, () => this.#propose(agreement, termsHash));
    } catch (error) {
      return { state: 'failed', reason: errorMessage(error) };
    }
  }

  async approve(agreementId: number, partyMemberId: number, pin: string): Promise<ApprovalOutcome> {
    // A wrong PIN or a locked account is thrown as is (clear code; the agreements service stores it as failed).
    const account = this.deps.accounts.mustGet(partyMemberId);
    if (account.kind === 'console') await this.deps.accounts.verifyPin(partyMemberId, pin);
    return this.#locks.run(agreementId, () => this.#approve(agreementId, partyMemberId, account.address, account.kind === 'external'));
  }

  async #propose(agreement: RegistrarAgreement, termsHash: string): Promise<RegistrationOutcome> {
    const chain = this.#chain();
    const api = chain.connection.api;
    const setup = chain.setup();
    if (!setup) throw new CoreError('CHAIN_NOT_BOOTSTRAPPED', 'The cooperative is not set up on this chain yet (Ledger → set up).');
    const parties = [...new Set(agreement.parties.map((p) => p.memberId))];
    const addresses = parties.map((memberId) => this.deps.accounts.mustGet(memberId).address);
    const ms = multisigOf(setup.issuer, addresses);
    const itemId = agreementItemId(agreement.id, agreement.version);
    let transferApproval: { collectionId: number; itemId: number; delegate: string } | null = null;
    if (agreement.kind === 'lease_to_own' && agreement.equipmentId !== null) {
      const registration = this.deps.equipment();
      if (!registration) throw new CoreError('CHAIN_OFF', 'Equipment cannot be registered on chain.');
      const host = agreement.parties.find((p) => p.role === 'host');
      if (!host) throw new CoreError('VALIDATION', `Lease-to-own agreement ${agreement.id} names no host.`);
      const item = await registration.ensureRegistered(agreement.equipmentId);
      transferApproval = { ...item, delegate: this.deps.accounts.mustGet(host.memberId).address };
    }
    const partyList = agreement.parties.map((p) => `${p.role}:${p.memberId}`).join(',');
    const attributes = { agreement: String(agreement.id), version: String(agreement.version), parties: partyList, ...agreement.attributes };
    const call = buildRegisteringCall(api, { issuer: setup.issuer, multisig: ms.address, collectionId: setup.collections.agreements, itemId, attributes, termsHash, transferApproval });
    // Stored before anything is sent: after a crash the call hash tells what happened on chain.
    const stored = this.calls.save(
      { agreementId: agreement.id, version: agreement.version, multisig: ms.address, signatories: ms.signatories, threshold: ms.threshold, cooperative: setup.issuer, collectionId: setup.collections.agreements, itemId, callHex: call.method.toHex(), callHash: call.method.hash.toHex() },
      this.now(),
    );
    const pendingOutcome = { state: 'pending_chain' as const, callHash: stored.callHash, collectionId: stored.collectionId, itemId: stored.itemId };
    const state = await multisigState(api, stored, termsHash);
    if (state.kind === 'executed') {
      const placement = await this.#placement(stored);
      if (placement) return { state: 'on_chain', ...placement };
    }
    if (state.kind === 'pending' && state.approvals.includes(setup.issuer)) {
      this.calls.setTimepoint(agreement.id, agreement.version, state.timepoint, this.now());
      return pendingOutcome;
    }
    const others = ms.signatories.filter((a) => a !== setup.issuer);
    const first = multisigApproveAsMulti(api, ms.threshold, others, null, stored.callHash);
    const needsProxy = !(await hasRegistrarProxy(api, setup.issuer, ms.address));
    const tx = needsProxy ? api.tx.utility.batchAll([addRegistrarProxy(api, ms.address).method, first.method]) : first;
    const outcome = await chain.tx.submit(tx, setup.issuer, { ref: `agreement:${agreement.id}:propose`, timeoutMs: this.deps.approvalTimeoutMs ?? 60_000 });
    if (outcome.kind !== 'finalized') {
      chain.tx.nonces.invalidate(setup.issuer);
      const why = outcome.kind === 'failed' ? `${outcome.error.name}${outcome.error.docs ? ` — ${outcome.error.docs}` : ''}` : outcome.reason;
      throw new CoreError('CHAIN_FAILED', `The cooperative's approval of the registering call was not confirmed: ${why}. Withdraw and propose again.`);
    }
    const after = await multisigState(api, stored, termsHash);
    if (after.kind !== 'pending') throw new CoreError('CHAIN_FAILED', `The Multisig for agreement ${agreement.id} is not pending on chain after the cooperative's approval.`);
    this.calls.setTimepoint(agreement.id, agreement.version, after.timepoint, this.now());
    return pendingOutcome;
  }

  async #approve(agreementId: number, memberId: number, address: string, external: boolean): Promise<ApprovalOutcome> {
    const chain = this.#chain();
    const call = this.calls.current(agreementId);
    if (!call) return { state: 'failed', reason: `Agreement ${agreementId} has no registering call on chain yet; withdraw it and propose it again.` };
    if (!call.signatories.includes(address)) return { state: 'failed', reason: `The chain account ${address} of member ${memberId} is not one of the signatories of this agreement's Multisig (it changed after proposing?); withdraw and propose again.` };
    const api = chain.connection.api;
    const termsHash = this.#termsHash(call);
    const before = await multisigState(api, call, termsHash);
    const landed = await this.#recognise(call, before, address);
    if (landed) return landed;
    if (before.kind === 'absent') {
      return { state: 'failed', reason: `The registering call of agreement ${agreementId} is no longer waiting on chain (cancelled, or it ran and failed). Withdraw the agreement and propose it again.` };
    }
    if (before.kind !== 'pending') return { state: 'failed', reason: 'Unexpected chain state.' };
    if (external) {
      return { state: 'failed', reason: `Member ${memberId} approves from their own wallet: approve call hash ${call.callHash} of the Multisig ${call.multisig} (threshold ${call.threshold}, timepoint ${before.timepoint.height}/${before.timepoint.index}) there, then sign again here to record it.` };
    }
    await this.deps.accounts.ensureFeeFloat(memberId);
    const others = call.signatories.filter((a) => a !== address);
    const last = before.approvals.length + 1 >= call.threshold;
    const tx = last ? multisigAsMulti(api, call.threshold, others, before.timepoint, storedCall(api, call.callHex)) : multisigApproveAsMulti(api, call.threshold, others, before.timepoint, call.callHash);
    let outcome;
    try {
      outcome = await chain.tx.submit(tx, address, { ref: `agreement:${agreementId}:approve:${memberId}`, timeoutMs: this.deps.approvalTimeoutMs ?? 60_000 });
    } catch (error) {
      chain.tx.nonces.invalidate(address);
      return { state: 'failed', reason: `The approval could not be handed to the chain (${errorMessage(error)}). It does not count; try again — the console checks the chain first, so nothing is approved twice.` };
    }
    if (outcome.kind === 'finalized') {
      const executed = outcome.events.find((e) => e.section === 'multisig' && e.method === 'MultisigExecuted');
      if (!executed) return { state: 'on_chain', blockHash: outcome.blockHash, extrinsicHash: outcome.hash };
      const placement = await this.#placement(call, { blockHash: outcome.blockHash, blockNumber: outcome.blockNumber, extrinsicHash: outcome.hash });
      if (!placement) return this.#ranButFailed(call, address);
      await this.#dropProxy(call);
      return { state: 'on_chain', blockHash: outcome.blockHash, extrinsicHash: outcome.hash, executed: placement };
    }
    chain.tx.nonces.invalidate(address);
    // Refused or unanswered: it may still have landed (e.g. AlreadyApproved from an earlier lost answer).
    const again = await multisigState(api, call, termsHash).catch(() => null);
    const recognised = again ? await this.#recognise(call, again, address).catch(() => null) : null;
    if (recognised) return recognised;
    const why = outcome.kind === 'failed' ? `${outcome.error.name}${outcome.error.docs ? ` — ${outcome.error.docs}` : ''}` : outcome.reason;
    return { state: 'failed', reason: `The chain did not confirm the approval (${why}). It does not count; try again.` };
  }

  /** An approval already on chain (pending list, or the call executed) → its outcome; else null. */
  async #recognise(call: AgreementChainCall, state: Awaited<ReturnType<typeof multisigState>>, address: string): Promise<ApprovalOutcome | null> {
    const api = this.#chain().connection.api;
    if (state.kind === 'executed') {
      const placement = await this.#placement(call);
      if (!placement) return null;
      const mine = await this.#events(call, (e) => e.approving === address);
      const own = mine.at(-1) ?? null;
      await this.#dropProxy(call);
      return { state: 'on_chain', blockHash: own?.blockHash ?? placement.blockHash, extrinsicHash: own?.extrinsicHash ?? placement.extrinsicHash, executed: placement };
    }
    if (state.kind === 'pending' && state.approvals.includes(address)) {
      const mine = await this.#events(call, (e) => e.approving === address && e.method !== 'MultisigExecuted');
      const own = mine.at(-1);
      if (!own) return { state: 'on_chain', blockHash: (await api.rpc.chain.getFinalizedHead()).toHex(), extrinsicHash: '' };
      return { state: 'on_chain', blockHash: own.blockHash, extrinsicHash: own.extrinsicHash };
    }
    if (state.kind === 'absent') {
      const failed = (await this.#events(call, (e) => e.method === 'MultisigExecuted')).find((e) => e.error);
      if (failed) return this.#ranButFailed(call, address, failed.error ?? undefined);
    }
    return null;
  }

  /** Where the registering call landed (stored, else found from its MultisigExecuted event); null if it failed. */
  async #placement(call: AgreementChainCall, known?: { blockHash: string; blockNumber: number; extrinsicHash: string }): Promise<ChainPlacement | null> {
    let at = call.executed ?? null;
    if (!at && known) {
      const hit = (await this.#events(call, (e) => e.method === 'MultisigExecuted' && e.blockHash === known.blockHash))[0];
      if (hit?.error) return null;
      at = known;
    }
    if (!at) {
      const hit = (await this.#events(call, (e) => e.method === 'MultisigExecuted')).at(-1);
      if (!hit || hit.error) return null;
      at = { blockHash: hit.blockHash, blockNumber: hit.blockNumber, extrinsicHash: hit.extrinsicHash };
    }
    if (!call.executed) this.calls.setExecuted(call.agreementId, call.version, at, this.now());
    return { collectionId: call.collectionId, itemId: call.itemId, callHash: call.callHash, blockHash: at.blockHash, blockNumber: at.blockNumber, extrinsicHash: at.extrinsicHash };
  }

  /** The registering call ran with the last approval but the chain refused it: the registration failed. */
  async #ranButFailed(call: AgreementChainCall, _address: string, known?: string): Promise<ApprovalOutcome> {
    const error = known ?? (await this.#events(call, (e) => e.method === 'MultisigExecuted')).find((e) => e.error)?.error ?? 'unknown error';
    const reason = `The registering call ran with the last approval but the chain refused it (${error}); nothing was registered. Withdraw the agreement and propose it again.`;
    this.#agreements?.settleRegistration(call.agreementId, { state: 'failed', reason }, null);
    return { state: 'failed', reason };
  }

  async #events(call: AgreementChainCall, keep: (e: MultisigEventHit) => boolean): Promise<MultisigEventHit[]> {
    const api = this.#chain().connection.api;
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const from = call.timepoint?.height ?? call.proposedBlock ?? Math.max(0, head - 500);
    return (await findMultisigEvents(api, call, from, head)).filter(keep);
  }

  /** The issuer's delegation is removed once no other waiting agreement uses this Multisig (best effort). */
  async #dropProxy(call: AgreementChainCall): Promise<void> {
    const chain = this.#chain();
    try {
      if (this.calls.othersWaiting(call.multisig, call.agreementId) > 0) return;
      if (!(await hasRegistrarProxy(chain.connection.api, call.cooperative, call.multisig))) return;
      await chain.tx.submit(removeRegistrarProxy(chain.connection.api, call.multisig), call.cooperative, { ref: `agreement:${call.agreementId}:unproxy`, timeoutMs: 30_000 });
    } catch {
      /* stays delegated: harmless, the Multisig still needs the cooperative's own approval */
    }
  }

  #chain(): ChainRuntime {
    const chain = this.deps.chain();
    if (!chain) throw new CoreError('CHAIN_OFF', 'The chain is off (Settings → Chain); agreements cannot be registered on chain now.');
    return chain;
  }

  #termsHash(call: AgreementChainCall): string | null {
    const row = this.deps.db.prepare('SELECT terms_hash FROM agreement_versions WHERE agreement_id = ? AND version = ?').get(call.agreementId, call.version) as { terms_hash: string | null } | undefined;
    return row?.terms_hash ?? null;
  }

  private now(): string {
    return isoNow(this.deps.clock);
  }
}
