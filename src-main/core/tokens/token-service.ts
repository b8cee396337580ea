// The green tokens' use cases behind the API channels: policy versions (list, preview on the last
// posted period, save), a member's tokens, and redemption. Refusals carry a reason the console says
// in the operator's (or the member's) language.
import type { Database } from 'better-sqlite3';
import type { MemberTokens, TokenAwardView, TokenPoliciesView, TokenPolicyData, TokenPolicyPreview, TokenPolicyVersionView, TokenRedemptionResult, TokenUnit } from '../../contract/tokens.js';
import type { OperatorPublic } from '../../contract/session.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { notFound, refusal } from '../api/core-error.js';
import { readChainSetup } from '../chain/bootstrap.js';
import type { CooperativeRepo } from '../cooperative/cooperative-repo.js';
import { localParts } from '../tariffs/local-time.js';
import { awardsOfMemberPeriod, tokenBalanceOfMember, tokenHistoryOfMember, tokensOnChainOfMember } from './token-ledger.js';
import { policyAt, policyVersions, insertPolicyVersion } from './token-policy-repo.js';
import { policyProblems } from './token-policy.js';
import { computePeriodAward } from './token-posting.js';
import { redeemTokens, redemptionValue, RedemptionRefused } from './token-redemption.js';

export interface TokenServiceDeps {
  readonly db: Database;
  readonly audit: AuditRepo;
  readonly cooperative: CooperativeRepo;
  readonly now: () => Date;
}

export class TokenService {
  constructor(private readonly deps: TokenServiceDeps) {}

  private get db(): Database {
    return this.deps.db;
  }

  unit(): TokenUnit {
    const setup = readChainSetup(this.db);
    return { decimals: setup?.greenToken.decimals ?? 3, symbol: setup?.greenToken.symbol ?? 'GREEN', currency: this.deps.cooperative.get()?.currency ?? 'EUR' };
  }

  policies(): TokenPoliciesView {
    const now = this.deps.now().toISOString();
    const { policy, version } = policyAt(this.db, now);
    const names = new Map((this.db.prepare(`SELECT id, display_name FROM operators`).all() as { id: number; display_name: string }[]).map((o) => [o.id, o.display_name]));
    const versions = policyVersions(this.db).map((v): TokenPolicyVersionView => ({ version: v.version, validFrom: v.validFrom, policy: { ...v.policy, eligibleKinds: [...v.policy.eligibleKinds], diversity: [...v.policy.diversity] }, notes: v.notes, createdAt: v.createdAt, createdBy: v.createdBy === null ? null : (names.get(v.createdBy) ?? null), inForce: v.id === version?.id }));
    return { versions, current: { ...policy, eligibleKinds: [...policy.eligibleKinds], diversity: [...policy.diversity] }, currentIsDefault: version === null, earliestValidFrom: this.earliestValidFrom(), unit: this.unit() };
  }

  /** A new version starts after the last awarded period ends and after the latest version starts. */
  private earliestValidFrom(): string | null {
    const awarded = this.db.prepare(`SELECT MAX(p.end_interval) FROM token_period_awards a JOIN settlement_periods p ON p.id = a.period_id`).pluck().get() as string | null;
    const latest = this.db.prepare(`SELECT MAX(valid_from) FROM token_policy_versions`).pluck().get() as string | null;
    const candidates = [awarded, latest].filter((v): v is string => v !== null);
    return candidates.length === 0 ? null : candidates.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
  }

  preview(policy: TokenPolicyData, siteId: number | undefined): TokenPolicyPreview {
    this.mustBeUsable(policy);
    const period = this.db
      .prepare(`SELECT p.id, s.name AS site_name, p.first_interval, p.end_interval FROM settlement_periods p JOIN sites s ON s.id = p.site_id WHERE p.status = 'posted' AND (? IS NULL OR p.site_id = ?) ORDER BY p.end_interval DESC, p.id DESC LIMIT 1`)
      .get(siteId ?? null, siteId ?? null) as { id: number; site_name: string; first_interval: string; end_interval: string } | undefined;
    if (!period) return { period: null, members: [], totalTokens: 0, awardedTotal: null, siteKinds: [], creditValueMinor: 0, unit: this.unit() };
    const award = computePeriodAward(this.db, period.id, policy, this.deps.now().getTime());
    const stored = new Map((this.db.prepare(`SELECT member_id, tokens FROM token_member_awards WHERE period_id = ?`).all(period.id) as { member_id: number; tokens: number }[]).map((r) => [r.member_id, r.tokens]));
    const awardedTotal = this.db.prepare(`SELECT total_tokens FROM token_period_awards WHERE period_id = ?`).pluck().get(period.id) as number | undefined;
    const people = new Map((this.db.prepare(`SELECT id, member_no, full_name FROM members`).all() as { id: number; member_no: string; full_name: string }[]).map((m) => [m.id, m]));
    const members = award.members.map((m) => ({
      memberId: m.memberId,
      memberNo: people.get(m.memberId)?.member_no ?? String(m.memberId),
      fullName: people.get(m.memberId)?.full_name ?? '',
      kinds: m.kinds,
      multiplierBps: m.multiplierBps,
      siteBonusBps: m.siteBonusBps,
      wh: m.certificates.reduce((s, c) => s + c.wh, 0),
      unattestedWh: m.certificates.filter((c) => !c.attested).reduce((s, c) => s + c.wh, 0),
      tokens: m.tokens,
      awardedTokens: awardedTotal === undefined ? null : (stored.get(m.memberId) ?? 0),
    }));
    return {
      period: { id: period.id, siteName: period.site_name, from: period.first_interval, to: period.end_interval },
      members,
      totalTokens: award.tokens,
      awardedTotal: awardedTotal ?? null,
      siteKinds: award.siteKinds,
      creditValueMinor: redemptionValue(award.tokens, policy.redemptionMinorPerKiloUnits),
      unit: this.unit(),
    };
  }

  savePolicy(actor: OperatorPublic, validFrom: string, policy: TokenPolicyData, notes: string): TokenPolicyVersionView {
    this.mustBeUsable(policy);
    return this.db.transaction((): TokenPolicyVersionView => {
      const earliest = this.earliestValidFrom();
      if (earliest !== null && Date.parse(validFrom) < Date.parse(earliest)) {
        throw refusal('CONFLICT', 'tokenPolicyBackdated', `A new token policy can start at ${earliest} at the earliest: periods before it are awarded (or another version starts then), and awards are never rewritten.`, { earliest });
      }
      if (this.db.prepare(`SELECT 1 FROM token_policy_versions WHERE valid_from = ?`).get(validFrom)) {
        throw refusal('CONFLICT', 'tokenPolicyBackdated', `A token policy version already starts at ${validFrom}: choose a later start.`, { earliest: validFrom });
      }
      const saved = insertPolicyVersion(this.db, new Date(Date.parse(validFrom)).toISOString(), policy, notes, actor.id, this.deps.now().toISOString());
      this.deps.audit.record({ operatorId: actor.id, action: 'create', entity: 'token_policy', entityId: saved.version, summary: `Token policy version ${saved.version} from ${saved.validFrom}`, summaryCode: 'tokens.policySaved', summaryParams: { version: saved.version, validFrom: saved.validFrom } });
      return this.policies().versions.find((v) => v.version === saved.version)!;
    })();
  }

  private mustBeUsable(policy: TokenPolicyData): void {
    const problems = policyProblems(policy);
    if (problems.length > 0) throw refusal('VALIDATION', 'tokenPolicyInvalid', `This token policy cannot be used: ${problems.join(' ')}`, { problems: problems.length });
  }

  member(memberId: number): MemberTokens {
    if (!this.db.prepare(`SELECT 1 FROM members WHERE id = ?`).get(memberId)) throw notFound('Member', memberId);
    const balance = tokenBalanceOfMember(this.db, memberId);
    const rate = policyAt(this.db, this.deps.now().toISOString()).policy.redemptionMinorPerKiloUnits;
    const periods = this.db
      .prepare(`SELECT a.period_id FROM token_member_awards a JOIN settlement_periods p ON p.id = a.period_id WHERE a.member_id = ? ORDER BY p.end_interval DESC LIMIT 24`)
      .pluck()
      .all(memberId) as number[];
    const awards = periods.map((periodId): TokenAwardView => {
      const a = awardsOfMemberPeriod(this.db, memberId, periodId)!;
      const from = a.certificates[0]?.periodFrom ?? '';
      const to = a.certificates[0]?.periodTo ?? '';
      return {
        periodId, from, to, kinds: a.kinds, multiplierBps: a.multiplierBps, siteBonusBps: a.siteBonusBps, wh: a.wh, tokens: a.tokens, bonusTokens: Math.max(0, a.tokens - a.baseTokens),
        certificates: a.certificates.map((c) => ({ device: c.device, equipmentId: c.equipmentId, kind: c.kind, attested: c.attested, wh: c.wh, tokens: c.tokens })),
        mint: a.mint ? { status: a.mint.status, txHash: a.mint.txHash, blockNumber: a.mint.blockNumber } : null,
      };
    });
    const history = tokenHistoryOfMember(this.db, memberId, 200).map((h) => ({ id: h.id, kind: h.kind, tokens: h.tokens, balance: h.balance, at: h.createdAt, periodFrom: h.periodFrom, periodTo: h.periodTo, redemptionKind: h.redemptionKind, amountMinor: h.amountMinor }));
    return { balance, onChain: Math.max(0, tokensOnChainOfMember(this.db, memberId)), redemptionMinorPerKiloUnits: rate, balanceValueMinor: redemptionValue(balance, rate), history, awards, unit: this.unit() };
  }

  /** `by` null and `kiosk` true: the member at the kiosk (the member id comes from their session). */
  redeem(memberId: number, tokens: number, kind: 'credit' | 'cash-out', by: OperatorPublic | null): TokenRedemptionResult {
    if (!this.db.prepare(`SELECT 1 FROM members WHERE id = ?`).get(memberId)) throw notFound('Member', memberId);
    const now = this.deps.now();
    const timeZone = this.deps.cooperative.get()?.timezone ?? 'UTC';
    try {
      return this.db.transaction((): TokenRedemptionResult => {
        const outcome = redeemTokens(this.db, { memberId, tokens, kind, by: by?.id ?? null, kiosk: by === null, now, effectiveDate: localParts(now.getTime(), timeZone).date });
        this.deps.audit.record({
          operatorId: by?.id ?? null, action: 'create', entity: 'member', entityId: memberId,
          summary: `${outcome.tokens} token units ${kind === 'credit' ? 'redeemed for' : 'cashed out as'} ${outcome.amountMinor} minor units${by === null ? ' at the kiosk' : ''}`,
          summaryCode: kind === 'credit' ? 'tokens.redeemed' : 'tokens.cashedOut', summaryParams: { tokens: outcome.tokens, amount: outcome.amountMinor },
        });
        const { journalEntryId: _entry, ...result } = outcome;
        return result;
      })();
    } catch (error) {
      if (error instanceof RedemptionRefused) throw refusal('CONFLICT', error.reason, error.message, error.params);
      throw error;
    }
  }
}
