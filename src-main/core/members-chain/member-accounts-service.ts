// Member chain accounts: create a console-held key protected by the member's PIN, or record an
// address the member controls; set/reset the PIN; fund the account for fees; check a PIN before a
// member's key signs anything (5 wrong PINs lock it for 15 minutes, like operators' passwords).
// The PIN is a console-level gate: the key itself is encrypted with the cooperative keystore's
// passphrase (which the operator unlocks for the session); only the PIN's Argon2id hash is stored.
import type { Database } from 'better-sqlite3';
import type { CannotCreateKey, MemberAccountView, MemberChainAccount } from '../../contract/member-accounts.js';
import type { OperatorPublic } from '../../contract/session.js';
import { CoreError, refusal, notFound } from '../api/core-error.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from '../auth/auth-service.js';
import type { ChainRuntime } from '../chain/runtime.js';
import { parseAddress } from '../chain/validation.js';
import { identiconOf } from './identicon.js';
import { accountBalance } from '../../../substrate-bindings/src/index.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { asCoreErrors, toCoreError } from './chain-core-errors.js';
import { MemberAccountsRepo, publicAccount, type StoredMemberAccount } from './member-accounts-repo.js';

/** Native balance given for fees: one token (12 decimals) covers thousands of approvals. */
export const FEE_FLOAT = 10n ** 12n;
/** Below this the account is topped up before it signs. */
const LOW_BALANCE = FEE_FLOAT / 10n;

export interface MemberAccountsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
  readonly chain: () => ChainRuntime | null;
}

interface MemberRow {
  id: number;
  member_no: string;
  full_name: string;
  active: number;
}

export class MemberAccountsService {
  readonly repo: MemberAccountsRepo;

  constructor(private readonly deps: MemberAccountsDeps) {
    this.repo = new MemberAccountsRepo(deps.db);
  }

  view(memberId: number): MemberAccountView {
    this.member(memberId);
    const account = this.repo.byMember(memberId);
    const why = this.cannotCreate();
    return {
      account: account ? publicAccount(account) : null, identicon: account ? identiconOf(account.address) : [],
      canCreate: why === null, cannotCreate: why?.key ?? null, cannotCreateReason: why?.text ?? null,
    };
  }

  async create(actor: OperatorPublic, memberId: number, pin: string): Promise<MemberChainAccount> {
    const member = this.member(memberId);
    if (member.active !== 1) throw refusal('CONFLICT', 'memberDeactivated', `${member.full_name} is deactivated; reactivate the member before creating a chain account.`, { member: member.full_name });
    this.assertNoAccount(memberId, member);
    const chain = this.requireChain();
    const why = this.cannotCreate();
    if (why) throw new CoreError(chain.keystore.isInitialized ? 'KEYSTORE_LOCKED' : 'KEYSTORE_NOT_INITIALIZED', why.text);
    const pinHash = await hashPassword(pin);
    const key = await asCoreErrors(() => chain.keystore.create(`Member ${member.member_no} ${member.full_name}`.slice(0, 60), 'member'));
    this.write(() => {
      this.assertNoAccount(memberId, member);
      this.repo.insert({ memberId, kind: 'console', address: key.address, pinHash, at: this.now(), operatorId: actor.id });
      this.deps.audit.record({ operatorId: actor.id, action: 'chain_account', entity: 'member', entityId: memberId, summary: `Chain account created at the console: ${key.address} (approves with a PIN)`, summaryCode: 'member.chainAccountCreated', summaryParams: { address: key.address }, after: { address: key.address, kind: 'console' } });
    });
    // Fees: on the embedded node the account is funded at once; elsewhere the operator funds it (fund()).
    if (chain.mode === 'embedded' && chain.connection.status.state === 'ready') {
      await this.fund(actor, memberId).catch(() => undefined);
    }
    return this.mustGetPublic(memberId);
  }

  linkExternal(actor: OperatorPublic, memberId: number, input: string): MemberChainAccount {
    const member = this.member(memberId);
    let address: string;
    try {
      address = parseAddress(input, 'address');
    } catch (error) {
      const e = toCoreError(error);
      throw new CoreError('VALIDATION', e.message, [{ path: 'address', message: e.message }]);
    }
    this.write(() => {
      this.assertNoAccount(memberId, member);
      const other = this.repo.byAddress(address);
      if (other) throw new CoreError('CONFLICT', `The address ${address} already belongs to member ${other.memberId}.`, [{ path: 'address', message: 'Already used' }]);
      if (this.deps.chain()?.keystore.find(address)) throw new CoreError('CONFLICT', `The address ${address} is a key held by this console, not one the member controls.`, [{ path: 'address', message: 'Held by the console' }]);
      this.repo.insert({ memberId, kind: 'external', address, pinHash: null, at: this.now(), operatorId: actor.id });
      this.deps.audit.record({ operatorId: actor.id, action: 'chain_account', entity: 'member', entityId: memberId, summary: `Own-wallet chain address recorded: ${address} (approves from their own wallet)`, summaryCode: 'member.walletRecorded', summaryParams: { address }, after: { address, kind: 'external' } });
    });
    return this.mustGetPublic(memberId);
  }

  async setPin(actor: OperatorPublic, memberId: number, pin: string): Promise<MemberChainAccount> {
    const account = this.mustGet(memberId);
    if (account.kind !== 'console') throw refusal('CONFLICT', 'ownWallet', `Member ${memberId} approves from their own wallet; there is no console PIN to set.`);
    const pinHash = await hashPassword(pin);
    this.write(() => {
      this.repo.setPin(memberId, pinHash, this.now());
      this.deps.audit.record({ operatorId: actor.id, action: 'chain_pin', entity: 'member', entityId: memberId, summary: `PIN of the chain account ${account.address} set${account.pinLockedUntil ? ' (lock lifted)' : ''}`, summaryCode: account.pinLockedUntil ? 'member.pinSetUnlocked' : 'member.pinSet', summaryParams: { address: account.address } });
    });
    return this.mustGetPublic(memberId);
  }

  /** Native tokens for fees: dev funding on the embedded node, a treasury transfer (outbox) elsewhere. */
  async fund(actor: OperatorPublic | null, memberId: number): Promise<MemberChainAccount> {
    const account = this.mustGet(memberId);
    const chain = this.requireChain();
    await asCoreErrors(async () => {
      if (chain.mode === 'embedded') {
        await chain.fundAccounts([account.address], FEE_FLOAT);
        return;
      }
      const treasury = chain.setup()?.treasury;
      if (!treasury) throw new CoreError('CHAIN_NOT_BOOTSTRAPPED', 'The cooperative is not set up on this chain yet (Ledger → set up), so there is no treasury to fund members from.');
      const row = chain.outbox.enqueue({ kind: 'balanceTransfer', to: account.address, amount: FEE_FLOAT }, { signer: treasury, reference: `member-fund:${memberId}:${Date.now()}` });
      const done = await chain.outbox.waitFor(row.id);
      if (done.status !== 'finalized') throw new CoreError('CHAIN_FAILED', `Funding ${account.address} from the treasury failed: ${done.errorName ?? 'not finalized'}.`);
    });
    this.write(() => {
      this.repo.setFunded(memberId, this.now());
      this.deps.audit.record({ operatorId: actor?.id ?? null, action: 'chain_fund', entity: 'member', entityId: memberId, summary: `Chain account ${account.address} funded for fees`, summaryCode: 'member.chainFunded', summaryParams: { address: account.address } });
    });
    return this.mustGetPublic(memberId);
  }

  /** Tops the account up before it signs, if it is low (best effort; the chain reports a real shortfall). */
  async ensureFeeFloat(memberId: number): Promise<void> {
    const account = this.mustGet(memberId);
    const chain = this.requireChain();
    const balance = await accountBalance(chain.connection.api, account.address);
    if (balance.free < LOW_BALANCE) await this.fund(null, memberId);
  }

  /**
   * Checks a member's PIN before their key signs. Wrong → INVALID_CREDENTIALS (attempts left), the
   * fifth in a row → LOCKED_OUT for 15 minutes; both audited. Returns the account on success.
   */
  async verifyPin(memberId: number, pin: string): Promise<StoredMemberAccount> {
    const account = this.mustGet(memberId);
    if (account.kind !== 'console' || !account.pinHash) throw refusal('CONFLICT', 'ownWallet', `Member ${memberId} approves from their own wallet, not with a console PIN.`);
    const now = this.deps.clock.now();
    if (account.pinLockedUntil && Date.parse(account.pinLockedUntil) > now.getTime()) throw lockedOut(account.pinLockedUntil, now);
    if (await verifyPassword(account.pinHash, pin)) {
      this.write(() => this.repo.clearPinFailures(memberId, this.now()));
      return account;
    }
    const expired = account.pinLockedUntil !== null; // a past lock: counting starts again
    const attempts = (expired ? 0 : account.failedPinAttempts) + 1;
    const lockedUntil = attempts >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
    this.write(() => {
      this.repo.recordPinFailure(memberId, lockedUntil ? 0 : attempts, lockedUntil, this.now());
      this.deps.audit.record({ operatorId: null, action: lockedUntil ? 'chain_pin_lockout' : 'chain_pin_wrong', entity: 'member', entityId: memberId, summary: lockedUntil ? `Chain account locked after ${attempts} wrong PINs` : `Wrong PIN for the chain account (${attempts} of ${MAX_FAILED_ATTEMPTS})`, summaryCode: lockedUntil ? 'member.pinLocked' : 'member.pinWrong', summaryParams: { attempts, max: MAX_FAILED_ATTEMPTS } });
    });
    if (lockedUntil) throw lockedOut(lockedUntil, now);
    const left = MAX_FAILED_ATTEMPTS - attempts;
    throw new CoreError('INVALID_CREDENTIALS', `Wrong PIN for member ${memberId}. ${left} attempt(s) left before the account is locked for 15 minutes.`, [{ path: 'passphrase', message: 'Wrong PIN' }], { attemptsLeft: left });
  }

  mustGet(memberId: number): StoredMemberAccount {
    const account = this.repo.byMember(memberId);
    if (!account) {
      const member = this.member(memberId);
      throw refusal('CONFLICT', 'noChainAccount', `${member.full_name} (${member.member_no}) has no chain account yet. Create one on the member's page (Members → ${member.member_no}) first.`, { member: member.full_name });
    }
    return account;
  }

  private mustGetPublic(memberId: number): MemberChainAccount {
    return publicAccount(this.mustGet(memberId));
  }

  private requireChain(): ChainRuntime {
    const chain = this.deps.chain();
    if (!chain) throw new CoreError('CHAIN_OFF', 'This console runs without a chain; turn it on in Settings → Chain to give members chain accounts.');
    return chain;
  }

  private cannotCreate(): { key: CannotCreateKey; text: string } | null {
    const chain = this.deps.chain();
    if (!chain) return { key: 'chainOff', text: 'The chain is off (Settings → Chain).' };
    if (!chain.keystore.isInitialized) return { key: 'keystoreMissing', text: 'The cooperative keystore is not created yet (Ledger).' };
    if (!chain.keystore.isUnlocked) return { key: 'keystoreLocked', text: 'The cooperative keystore is locked; unlock it in Ledger first.' };
    return null;
  }

  private assertNoAccount(memberId: number, member: MemberRow): void {
    const existing = this.repo.byMember(memberId);
    if (existing) throw refusal('CONFLICT', 'hasChainAccount', `${member.full_name} already has a chain account (${existing.address}).`, { member: member.full_name });
  }

  private member(memberId: number): MemberRow {
    const row = this.deps.db.prepare('SELECT id, member_no, full_name, active FROM members WHERE id = ?').get(memberId) as MemberRow | undefined;
    if (!row) throw notFound('Member', memberId);
    return row;
  }

  private now(): string {
    return isoNow(this.deps.clock);
  }

  private write<T>(work: () => T): T {
    return this.deps.db.transaction(work).immediate();
  }
}

function lockedOut(until: string, now: Date): CoreError {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
  return new CoreError('LOCKED_OUT', `Too many wrong PINs: this member's chain account is locked for ${minutes} more minute(s). Staff can reset the PIN sooner.`, undefined, { lockedUntil: until });
}
