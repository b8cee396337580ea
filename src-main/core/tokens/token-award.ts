// Tokens per member for one period under one policy, with a certificate-style record per device
// (device, source kind, period, kWh, attested, tokens), like renewable-energy certificates carry.
// Integer arithmetic throughout: each device line's exact share is a BigInt fraction over one common
// denominator, and the member's lines are rounded together with the largest-remainder rule of
// core/tariffs, so the certificates sum exactly to the member's tokens (round half up of the exact sum).
//
// Rules (stated, because no public scheme has a diversity multiplier to copy):
// - Only generation in [from, to) counts: an interval belongs to the period of its start.
// - A kind counts toward diversity when it EARNED in the period (attested energy, or unattested
//   energy while unattested meters earn a non-zero rate); battery discharge is not generation.
// - The site bonus applies when the site's members together earned from at least `minKinds` kinds;
//   it adds to each member's multiplier (multiplier 1.25 + bonus 0.1 = 1.35).
import type { EnergySource } from '../../contract/energy.js';
import { allocateLargestRemainder, toSafeNumber } from '../tariffs/largest-remainder.js';
import { BPS, diversityMultiplierBps, type TokenPolicy } from './token-policy.js';

/** Energy one device generated in one interval (or any sub-period), as the energy flows record it. */
export interface GenerationRecord {
  readonly memberId: number;
  readonly deviceId: string;
  readonly kind: EnergySource;
  /** Measured by an attested meter (signed readings verified), or by a stock meter. */
  readonly attested: boolean;
  /** Start of the interval, ISO-8601 UTC. */
  readonly intervalStart: string;
  readonly wh: number;
}

export interface TokenCertificate {
  readonly memberId: number;
  readonly deviceId: string;
  readonly kind: EnergySource;
  readonly attested: boolean;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly wh: number;
  readonly tokens: number;
}

export interface MemberTokenAward {
  readonly memberId: number;
  /** Distinct kinds that earned in the period. */
  readonly kinds: readonly EnergySource[];
  readonly multiplierBps: number;
  readonly siteBonusBps: number;
  readonly tokens: number;
  /** One per device (and attested/unattested), summing exactly to `tokens`. */
  readonly certificates: readonly TokenCertificate[];
}

export interface PeriodTokenAward {
  readonly from: string;
  readonly to: string;
  /** Distinct kinds the site earned from (for the site bonus). */
  readonly siteKinds: readonly EnergySource[];
  readonly members: readonly MemberTokenAward[];
  readonly tokens: number;
}

interface DeviceLine {
  memberId: number;
  deviceId: string;
  kind: EnergySource;
  attested: boolean;
  wh: number;
}

/** Token units per member for [from, to) (ISO-8601 UTC instants) under `policy`. */
export function awardTokens(policy: TokenPolicy, records: readonly GenerationRecord[], from: string, to: string): PeriodTokenAward {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  if (!(fromMs < toMs)) throw new RangeError('The period must end after it starts');
  const eligible = new Set(policy.eligibleKinds);
  const earns = (attested: boolean) => attested || policy.unattestedRateBps > 0;

  const lines = new Map<string, DeviceLine>();
  for (const record of records) {
    const at = Date.parse(record.intervalStart);
    if (!(at >= fromMs && at < toMs) || !eligible.has(record.kind) || record.wh <= 0) continue;
    if (!Number.isSafeInteger(record.wh)) throw new RangeError(`Generation of ${record.deviceId} is not a whole number of Wh`);
    const key = `${record.memberId}\u0000${record.deviceId}\u0000${record.kind}\u0000${record.attested}`;
    const line = lines.get(key) ?? { memberId: record.memberId, deviceId: record.deviceId, kind: record.kind, attested: record.attested, wh: 0 };
    line.wh += record.wh;
    lines.set(key, line);
  }

  const byMember = new Map<number, DeviceLine[]>();
  for (const line of [...lines.values()].sort(lineOrder)) {
    const list = byMember.get(line.memberId) ?? [];
    list.push(line);
    byMember.set(line.memberId, list);
  }
  const siteKinds = kindsEarned([...lines.values()], earns);
  const siteBonusBps = policy.siteBonus && siteKinds.length >= policy.siteBonus.minKinds ? policy.siteBonus.bonusBps : 0;

  // exact tokens of a line = wh × unitsPerKwh × rateBps × multiplierBps / (1000 × BPS × BPS)
  const denominator = 1000n * BigInt(BPS) * BigInt(BPS);
  const members: MemberTokenAward[] = [];
  for (const [memberId, memberLines] of [...byMember.entries()].sort(([a], [b]) => a - b)) {
    const kinds = kindsEarned(memberLines, earns);
    const multiplierBps = diversityMultiplierBps(policy, kinds.length);
    const factor = BigInt(multiplierBps + (kinds.length > 0 ? siteBonusBps : 0));
    const numerators = memberLines.map((line) => BigInt(line.wh) * BigInt(policy.unitsPerKwh) * BigInt(line.attested ? BPS : policy.unattestedRateBps) * factor);
    const rounded = allocateLargestRemainder(numerators, denominator);
    const certificates = memberLines.map((line, i) => ({ memberId, deviceId: line.deviceId, kind: line.kind, attested: line.attested, periodFrom: from, periodTo: to, wh: line.wh, tokens: toSafeNumber(rounded[i] ?? 0n, 'A token amount') }));
    const tokens = certificates.reduce((sum, c) => sum + c.tokens, 0);
    members.push({ memberId, kinds, multiplierBps, siteBonusBps: kinds.length > 0 ? siteBonusBps : 0, tokens, certificates });
  }
  return { from, to, siteKinds, members, tokens: members.reduce((sum, m) => sum + m.tokens, 0) };
}

function kindsEarned(lines: readonly DeviceLine[], earns: (attested: boolean) => boolean): EnergySource[] {
  return [...new Set(lines.filter((l) => l.wh > 0 && earns(l.attested)).map((l) => l.kind))].sort();
}

function lineOrder(a: DeviceLine, b: DeviceLine): number {
  return a.memberId - b.memberId || (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0) || a.kind.localeCompare(b.kind) || Number(b.attested) - Number(a.attested);
}
