// Sign-in, first-run setup and operator administration. Lockout: after 5 wrong passwords in a row
// the account is locked for 15 minutes (an admin can unlock it sooner).
import type { Database } from 'better-sqlite3';
import type { OperatorRole } from '../../contract/define.js';
import type { Cooperative, Operator, OperatorPublic, SessionInfo } from '../../contract/session.js';
import { CoreError, refusal, notFound } from '../api/core-error.js';
import { ruleIssue } from '../../contract/issues.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import { isoNow, type Clock } from '../platform/clock.js';
import { OperatorsRepo, publicView, withoutSecret } from './operators-repo.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface AuthDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly sessions: SessionStore;
  readonly audit: AuditRepo;
  readonly cooperative: CooperativeRepo;
}

export class AuthService {
  private readonly operators: OperatorsRepo;

  constructor(private readonly deps: AuthDeps) {
    this.operators = new OperatorsRepo(deps.db);
  }

  needsSetup(): boolean {
    return this.deps.cooperative.get() === null;
  }

  async initialize(input: {
    cooperative: Omit<Cooperative, 'createdAt'>;
    admin: { username: string; displayName: string; password: string };
  }): Promise<SessionInfo> {
    if (!this.needsSetup()) throw new CoreError('ALREADY_SET_UP', 'This console is already set up. Sign in instead.');
    const passwordHash = await hashPassword(input.admin.password);
    const now = isoNow(this.deps.clock);
    const id = this.deps.db.transaction(() => {
      // Checked again inside the transaction: two wizards racing must not create two cooperatives.
      if (!this.needsSetup()) throw new CoreError('ALREADY_SET_UP', 'This console is already set up. Sign in instead.');
      this.deps.cooperative.insert({ ...input.cooperative, createdAt: now });
      const operatorId = this.operators.insert({ ...input.admin, role: 'admin', passwordHash, createdAt: now });
      this.deps.audit.record({ operatorId, action: 'setup', entity: 'cooperative', entityId: 1, summary: `Cooperative "${input.cooperative.name}" created`, summaryCode: 'cooperative.created', summaryParams: { name: input.cooperative.name }, after: input.cooperative });
      return operatorId;
    }).immediate();
    return this.startSession(id);
  }

  async login(username: string, password: string): Promise<SessionInfo> {
    if (this.needsSetup()) throw new CoreError('SETUP_REQUIRED', 'This console is not set up yet. Run the first-run wizard.');
    const operator = this.operators.byUsername(username);
    if (!operator || !operator.active) {
      await verifyPassword(await decoyHash(), password);
      throw new CoreError('INVALID_CREDENTIALS', 'Wrong username or password.');
    }
    const now = this.deps.clock.now();
    if (operator.lockedUntil && Date.parse(operator.lockedUntil) > now.getTime()) {
      throw lockedOut(operator.lockedUntil, now);
    }
    if (!(await verifyPassword(operator.passwordHash, password))) {
      const attempts = operator.failedAttempts + 1;
      const lockedUntil = attempts >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
      this.deps.db.transaction(() => {
        this.operators.recordFailure(operator.id, lockedUntil ? 0 : attempts, lockedUntil);
        if (lockedUntil) this.deps.audit.record({ operatorId: null, action: 'lockout', entity: 'operator', entityId: operator.id, summary: `${operator.username} locked after ${attempts} failed sign-ins`, summaryCode: 'operator.lockedOut', summaryParams: { username: operator.username, attempts } });
      })();
      if (lockedUntil) throw lockedOut(lockedUntil, now);
      throw new CoreError('INVALID_CREDENTIALS', `Wrong username or password. ${MAX_FAILED_ATTEMPTS - attempts} attempt(s) left before the account is locked.`, undefined, { attemptsLeft: MAX_FAILED_ATTEMPTS - attempts });
    }
    this.operators.recordSuccess(operator.id, now.toISOString());
    return this.startSession(operator.id);
  }

  current(token: string): SessionInfo {
    const { operator, expiresAt } = this.deps.sessions.resolveWithExpiry(token);
    return { token, expiresAt, operator };
  }

  logout(token: string): void {
    this.deps.sessions.end(token);
  }

  async changePassword(actor: OperatorPublic, current: string, next: string): Promise<void> {
    const operator = this.operators.byId(actor.id);
    if (!operator || !(await verifyPassword(operator.passwordHash, current))) {
      throw new CoreError('INVALID_CREDENTIALS', 'The current password is wrong.');
    }
    const passwordHash = await hashPassword(next);
    this.deps.db.transaction(() => {
      this.operators.update(actor.id, { passwordHash });
      this.deps.audit.record({ operatorId: actor.id, action: 'password.change', entity: 'operator', entityId: actor.id, summary: `${operator.username} changed their password`, summaryCode: 'operator.passwordChanged', summaryParams: { username: operator.username } });
    })();
  }

  listOperators(): Operator[] {
    return this.operators.list();
  }

  async createOperator(actor: OperatorPublic, input: { username: string; displayName: string; role: OperatorRole; password: string }): Promise<Operator> {
    if (this.operators.byUsername(input.username)) throw refusal('CONFLICT', 'usernameTaken', `The username "${input.username}" is taken.`, { username: input.username }, [ruleIssue('username', 'alreadyUsed', 'Already used')]);
    const passwordHash = await hashPassword(input.password);
    const id = this.deps.db.transaction(() => {
      const newId = this.operators.insert({ ...input, passwordHash, createdAt: isoNow(this.deps.clock) });
      this.deps.audit.record({ operatorId: actor.id, action: 'create', entity: 'operator', entityId: newId, summary: `Operator ${input.username} (${input.role}) created`, summaryCode: 'operator.created', summaryParams: { username: input.username, operatorRole: input.role }, after: { username: input.username, displayName: input.displayName, role: input.role } });
      return newId;
    })();
    return withoutSecret(this.mustGet(id));
  }

  async updateOperator(
    actor: OperatorPublic,
    input: { id: number; displayName?: string | undefined; role?: OperatorRole | undefined; active?: boolean | undefined; password?: string | undefined; unlock?: boolean | undefined },
  ): Promise<Operator> {
    const before = this.mustGet(input.id);
    const losesAdmin = before.role === 'admin' && before.active && (input.active === false || (input.role !== undefined && input.role !== 'admin'));
    if (losesAdmin && this.operators.countActiveAdmins() <= 1) {
      throw refusal('CONFLICT', 'lastAdmin', 'This is the last active admin; make another admin first.');
    }
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    this.deps.db.transaction(() => {
      this.operators.update(input.id, {
        ...(input.displayName !== undefined && { displayName: input.displayName }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.active !== undefined && { active: input.active }),
        ...(passwordHash !== undefined && { passwordHash }),
      });
      if (input.unlock) this.operators.recordFailure(input.id, 0, null);
      // A changed role, password or deactivation takes effect at once: end the account's sessions.
      if (input.role !== undefined || input.active === false || passwordHash) this.deps.sessions.endAllFor(input.id);
      const after = withoutSecret(this.mustGet(input.id));
      // Change words (also the console's translation keys under common.audit.operatorChanges).
      const changes = [input.role && 'role', input.active === false && 'deactivated', input.active === true && 'reactivated', passwordHash && 'passwordReset', input.unlock && 'unlocked', input.displayName && 'renamed'].filter((c): c is string => typeof c === 'string');
      const what = changes.map((c) => (c === 'role' ? `role → ${input.role}` : c)).join(', ');
      this.deps.audit.record({ operatorId: actor.id, action: 'update', entity: 'operator', entityId: input.id, summary: `Operator ${before.username}: ${what || 'no change'}`, summaryCode: 'operator.updated', summaryParams: { username: before.username, changes, operatorRole: input.role ?? before.role }, before: withoutSecret(before), after });
    })();
    return withoutSecret(this.mustGet(input.id));
  }

  private mustGet(id: number) {
    const operator = this.operators.byId(id);
    if (!operator) throw notFound('Operator', id);
    return operator;
  }

  private startSession(operatorId: number): SessionInfo {
    const { token, expiresAt } = this.deps.sessions.create(operatorId);
    return { token, expiresAt, operator: publicView(this.mustGet(operatorId)) };
  }
}

function lockedOut(until: string, now: Date): CoreError {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
  return new CoreError('LOCKED_OUT', `Too many wrong passwords: this account is locked for ${minutes} more minute(s). An admin can unlock it sooner.`, undefined, { lockedUntil: until });
}
