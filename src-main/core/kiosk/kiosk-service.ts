// The members' kiosk use cases. Sign-in (PIN of the member's console chain account, or a member card)
// with the per-member PIN lock of member-accounts and a kiosk-wide rate limit of failures; then every
// view takes the member from the session (KioskPrincipal), never from the input.
import type { Database } from 'better-sqlite3';
import type { OperatorPublic } from '../../contract/session.js';
import type { KioskAccount, KioskAgreement, KioskMember, KioskSession, KioskWelcome, MemberCardIssued, MemberCardStatus } from '../../contract/kiosk.js';
import type { PaymentListQueryValue, PaymentView } from '../../contract/payments.js';
import type { MemberEnergy } from '../../contract/energy.js';
import { CoreError, notFound } from '../api/core-error.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { AgreementsService } from '../agreements/agreements-service.js';
import { decoyHash, verifyPassword } from '../auth/passwords.js';
import type { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import type { EnergyService } from '../energy/energy-service.js';
import type { MemberAccountsService } from '../members-chain/member-accounts-service.js';
import type { Clock } from '../platform/clock.js';
import { cardSecretMatches, hashCardSecret, makeCardCode, newCardSecret, parseCardCode } from './card-code.js';
import type { KioskPrincipal } from '../api/dispatcher.js';
import type { KioskSessionStore } from './kiosk-sessions.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { kioskAccount } from './kiosk-account.js';
import { renderMemberCardPdf } from './card-pdf.js';
import { createHash } from 'node:crypto';

export interface KioskDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditRepo;
  readonly cooperative: CooperativeRepo;
  readonly sessions: KioskSessionStore;
  readonly accounts: MemberAccountsService;
  readonly agreements: AgreementsService;
  readonly energy: EnergyService;
  readonly payments: { list(query: PaymentListQueryValue): PaymentView[] };
  /** True when this core runs as a kiosk only (`--kiosk`). */
  readonly kioskOnly: boolean;
}

interface MemberRow {
  id: number;
  member_no: string;
  full_name: string;
  site_name: string;
  active: number;
}

export type KioskSignIn = { method: 'pin'; memberNo: string; pin: string } | { method: 'card'; code: string };

const WRONG_PIN = 'Wrong member number or PIN.';

export class KioskService {
  private readonly throttle: SignInThrottle;

  constructor(private readonly deps: KioskDeps) {
    this.throttle = new SignInThrottle(() => deps.clock.now().getTime());
  }

  welcome(): KioskWelcome {
    const coop = this.deps.cooperative.get();
    return { cooperativeName: coop?.name ?? null, locale: coop?.locale ?? null, timezone: coop?.timezone ?? null, kioskOnly: this.deps.kioskOnly };
  }

  async signIn(input: KioskSignIn): Promise<KioskSession> {
    const wait = this.throttle.waitMs();
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new CoreError('RATE_LIMITED', `Too many failed sign-ins at this kiosk. Wait ${seconds} second(s), then try again.`, undefined, { retryAfterSeconds: seconds });
    }
    try {
      const member = input.method === 'pin' ? await this.byPin(input.memberNo, input.pin) : this.byCard(input.code);
      const { token, expiresAt } = this.deps.sessions.create(member.id, input.method);
      this.deps.audit.record({ operatorId: null, action: 'kiosk_sign_in', entity: 'member', entityId: member.id, summary: `${member.member_no} signed in at the kiosk (${input.method === 'pin' ? 'PIN' : 'member card'})`, summaryCode: input.method === 'pin' ? 'kiosk.signedInPin' : 'kiosk.signedInCard', summaryParams: { memberNo: member.member_no } });
      return { token, expiresAt, member: kioskMember(member) };
    } catch (error) {
      if (error instanceof CoreError && (error.code === 'INVALID_CREDENTIALS' || error.code === 'LOCKED_OUT')) this.throttle.recordFailure();
      throw error;
    }
  }

  me(principal: KioskPrincipal, token: string): KioskSession {
    return { token, expiresAt: principal.expiresAt, member: kioskMember(this.member(principal.memberId)) };
  }

  signOut(token: string): void {
    this.deps.sessions.end(token);
  }

  /** The member's agreements (any status), the parties by name and role, and every signature. */
  agreements(principal: KioskPrincipal): KioskAgreement[] {
    const page = this.deps.agreements.list({ kind: null, status: null, siteId: null, memberId: principal.memberId, limit: 5000, offset: 0 });
    return page.rows.map((row) => {
      const { agreement, signatures } = this.deps.agreements.get(row.id);
      return {
        kind: agreement.kind,
        status: agreement.status,
        title: agreement.title,
        siteName: agreement.siteName,
        version: agreement.version,
        parties: agreement.parties.map((p) => ({ name: p.memberName, role: p.role, isMe: p.memberId === principal.memberId })),
        signatures: signatures.map((s) => ({ name: s.memberName, version: s.version, state: s.state, recordedAt: s.recordedAt, confirmedAt: s.confirmedAt, blockHash: s.blockHash })),
        signedAt: agreement.signedAt,
        activatedAt: agreement.activatedAt,
        endsOn: agreement.endsOn,
      };
    });
  }

  energy(principal: KioskPrincipal, from: string, to: string): MemberEnergy {
    return this.deps.energy.member(principal.memberId, from, to);
  }

  /** Balance, balance over time, latest movements and payments: the journal's and payments' own numbers. */
  account(principal: KioskPrincipal): KioskAccount {
    const currency = () => this.deps.cooperative.get()?.currency ?? 'XXX';
    return kioskAccount({ db: this.deps.db, currency, payments: this.deps.payments }, principal.memberId, this.deps.clock.now().toISOString().slice(0, 10));
  }

  cardStatus(memberId: number): MemberCardStatus {
    this.mustMemberRow(memberId);
    const card = this.deps.db
      .prepare('SELECT c.issued_at AS issuedAt, o.display_name AS issuedBy FROM member_cards c LEFT JOIN operators o ON o.id = c.issued_by WHERE c.member_id = ?')
      .get(memberId) as { issuedAt: string; issuedBy: string | null } | undefined;
    const account = this.deps.accounts.repo.byMember(memberId);
    const locked = account?.pinLockedUntil && Date.parse(account.pinLockedUntil) > this.deps.clock.now().getTime();
    const pin = !account || account.kind !== 'console' || !account.pinHash ? 'no-console-account' : locked ? 'locked' : 'set';
    return { memberId, card: card ?? null, pin };
  }

  /**
   * A new card for the member and its printable PDF. The previous card's code stops working at once
   * (its hash is replaced) and kiosk sessions opened with a card end; audited as issued or replaced.
   */
  async issueCard(actor: OperatorPublic, memberId: number): Promise<MemberCardIssued> {
    const row = this.mustMemberRow(memberId);
    if (row.active !== 1) throw new CoreError('CONFLICT', `Member ${row.member_no} is deactivated; reactivate them before issuing a card.`);
    const secret = newCardSecret();
    const issuedAt = this.deps.clock.now().toISOString();
    const code = makeCardCode(row.member_no, secret);
    const coop = this.deps.cooperative.get();
    // Rendered before anything is written: a PDF failure leaves the old card working.
    const pdf = await renderMemberCardPdf({ cooperativeName: coop?.name ?? '', locale: coop?.locale ?? 'en', memberNo: row.member_no, fullName: row.full_name, siteName: row.site_name, code, issuedAt });
    const replaced = this.deps.db.transaction(() => {
      const existed = this.deps.db.prepare('SELECT 1 FROM member_cards WHERE member_id = ?').get(memberId) !== undefined;
      this.deps.db
        .prepare('INSERT INTO member_cards (member_id, secret_hash, issued_at, issued_by) VALUES (?, ?, ?, ?) ON CONFLICT(member_id) DO UPDATE SET secret_hash = excluded.secret_hash, issued_at = excluded.issued_at, issued_by = excluded.issued_by')
        .run(memberId, hashCardSecret(secret), issuedAt, actor.id);
      if (existed) this.deps.db.prepare(`DELETE FROM kiosk_sessions WHERE member_id = ? AND method = 'card'`).run(memberId);
      this.deps.audit.record(
        existed
          ? { operatorId: actor.id, action: 'kiosk_card', entity: 'member', entityId: memberId, summary: `New member card issued for ${row.member_no}: the earlier card no longer works`, summaryCode: 'kiosk.cardReplaced', summaryParams: { memberNo: row.member_no } }
          : { operatorId: actor.id, action: 'kiosk_card', entity: 'member', entityId: memberId, summary: `Member card issued for ${row.member_no} (an earlier card stops working)`, summaryCode: 'kiosk.cardIssued', summaryParams: { memberNo: row.member_no } },
      );
      return existed;
    })();
    const document = { fileName: `member-card-${row.member_no}.pdf`, mediaType: 'application/pdf', base64: pdf.toString('base64'), sha256: createHash('sha256').update(pdf).digest('hex') };
    return { memberId, code, issuedAt, replaced, document };
  }

  /**
   * Whether `username` is an active admin whose password this is (the desktop kiosk's exit gate asks;
   * it counts wrong answers itself). Same work for an unknown name, so timing tells nothing.
   */
  async isAdminPassword(username: string, password: string): Promise<boolean> {
    const row = this.deps.db.prepare(`SELECT password_hash FROM operators WHERE username = ? AND role = 'admin' AND active = 1`).get(username) as { password_hash: string } | undefined;
    if (!row) {
      await verifyPassword(await decoyHash(), password);
      return false;
    }
    return verifyPassword(row.password_hash, password);
  }

  private mustMemberRow(memberId: number): MemberRow {
    const row = this.deps.db.prepare(`${MEMBER_SQL} WHERE m.id = ?`).get(memberId) as MemberRow | undefined;
    if (!row) throw notFound('Member', memberId);
    return row;
  }

  private async byPin(memberNo: string, pin: string): Promise<MemberRow> {
    const member = this.memberByNo(memberNo);
    const account = member ? this.deps.accounts.repo.byMember(member.id) : null;
    if (!member || !account || account.kind !== 'console' || !account.pinHash) {
      // Same work as a real check, so the answer's timing does not tell which member numbers exist.
      await verifyPassword(await decoyHash(), pin);
      throw new CoreError('INVALID_CREDENTIALS', WRONG_PIN);
    }
    try {
      await this.deps.accounts.verifyPin(member.id, pin);
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      if (error.code === 'INVALID_CREDENTIALS') {
        const left = error.details?.attemptsLeft;
        throw new CoreError('INVALID_CREDENTIALS', `${WRONG_PIN}${left !== undefined ? ` ${left} attempt(s) left before this member's PIN is locked for 15 minutes.` : ''}`, undefined, error.details);
      }
      if (error.code === 'LOCKED_OUT') {
        throw new CoreError('LOCKED_OUT', 'Too many wrong PINs: this PIN is locked for 15 minutes. The office can lift the lock by setting a new PIN.', undefined, error.details);
      }
      throw error;
    }
    return member;
  }

  private byCard(code: string): MemberRow {
    const parts = parseCardCode(code);
    if (!parts) throw new CoreError('VALIDATION', 'This card could not be read. Scan it again, or sign in with your member number and PIN.', [{ path: 'code', message: 'Not a member card code' }]);
    const member = this.memberByNo(parts.memberNo);
    const card = member ? (this.deps.db.prepare('SELECT secret_hash FROM member_cards WHERE member_id = ?').get(member.id) as { secret_hash: string } | undefined) : undefined;
    if (!member || !card || !cardSecretMatches(card.secret_hash, parts.secret)) {
      throw new CoreError('INVALID_CREDENTIALS', 'This card is not valid (it may have been replaced by a newer one). Ask at the office.');
    }
    return member;
  }

  private memberByNo(memberNo: string): MemberRow | null {
    const row = this.deps.db.prepare(`${MEMBER_SQL} WHERE m.member_no = ? AND m.active = 1`).get(memberNo) as MemberRow | undefined;
    return row ?? null;
  }

  private member(memberId: number): MemberRow {
    const row = this.deps.db.prepare(`${MEMBER_SQL} WHERE m.id = ?`).get(memberId) as MemberRow | undefined;
    if (!row) throw new CoreError('UNAUTHENTICATED', 'You are signed out. Sign in again.');
    return row;
  }
}

const MEMBER_SQL = 'SELECT m.id, m.member_no, m.full_name, s.name AS site_name, m.active FROM members m JOIN sites s ON s.id = m.site_id';

const kioskMember = (m: MemberRow): KioskMember => ({ memberNo: m.member_no, fullName: m.full_name, siteName: m.site_name });
