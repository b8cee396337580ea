// The green-token policy, versioned like tariffs: how many token units a member earns per kWh of
// renewable generation, what unattested (stock) meters earn, the diversity multiplier by the number
// of distinct source kinds the member generated from in the period, and an optional site bonus when
// the site's own mix is diverse. Pure: validation and "which version is in force"; computing the
// tokens of a period is token-award.ts.
import type { EnergySource } from '../../contract/energy.js';

/** Basis points: 10 000 = 100 % (a multiplier of 1.25 is 12 500). */
export const BPS = 10_000;

export interface DiversityStep {
  /** From this many distinct source kinds on (1, 2, 3 …). */
  readonly kinds: number;
  readonly multiplierBps: number;
}

export interface TokenPolicy {
  /** Token units (the chain asset's smallest unit) per kWh of attested generation. */
  readonly unitsPerKwh: number;
  /** What a kWh from an unattested (stock) meter earns, as a share of the attested rate: 0 = nothing. */
  readonly unattestedRateBps: number;
  /** Source kinds that earn tokens (a battery stores, it does not generate: not eligible by default). */
  readonly eligibleKinds: readonly EnergySource[];
  /** Steps by number of distinct kinds, e.g. 1 × 1.0, 2 × 1.25, 3+ × 1.5. */
  readonly diversity: readonly DiversityStep[];
  /** Extra bps added to every member's multiplier when the SITE generated from at least `minKinds` kinds. */
  readonly siteBonus: { readonly minKinds: number; readonly bonusBps: number } | null;
  /** The posted redemption rate: minor units of energy credit per 1 000 token units (0 = no redemption). */
  readonly redemptionMinorPerKiloUnits: number;
}

export interface TokenPolicyVersion {
  readonly version: number;
  /** ISO-8601 UTC instant from which it applies (a period is rated by the version in force at its start). */
  readonly validFrom: string;
  readonly policy: TokenPolicy;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = {
  unitsPerKwh: 1_000,
  unattestedRateBps: 0,
  eligibleKinds: ['solar', 'wind', 'hydro', 'biogas', 'other'],
  diversity: [
    { kinds: 1, multiplierBps: 10_000 },
    { kinds: 2, multiplierBps: 12_500 },
    { kinds: 3, multiplierBps: 15_000 },
  ],
  siteBonus: null,
  redemptionMinorPerKiloUnits: 10,
};

/** The problems of a policy, each a sentence an operator can act on; empty when it is usable. */
export function policyProblems(policy: TokenPolicy): string[] {
  const problems: string[] = [];
  const wholeAtLeast = (value: number, min: number) => Number.isSafeInteger(value) && value >= min;
  if (!wholeAtLeast(policy.unitsPerKwh, 0)) problems.push('Tokens per kWh must be a whole number, zero or more.');
  if (!wholeAtLeast(policy.unattestedRateBps, 0) || policy.unattestedRateBps > BPS) problems.push('The rate for unattested meters must be from 0 % to 100 % of the attested rate.');
  if (policy.eligibleKinds.length === 0) problems.push('Name at least one source kind that earns tokens.');
  if (new Set(policy.eligibleKinds).size !== policy.eligibleKinds.length) problems.push('A source kind is listed twice.');
  const steps = policy.diversity;
  if (steps.length === 0 || steps[0]!.kinds !== 1) problems.push('The diversity steps must start at 1 kind.');
  steps.forEach((step, i) => {
    if (!wholeAtLeast(step.multiplierBps, 0) || step.multiplierBps > 10 * BPS) problems.push(`The multiplier for ${step.kinds} kind(s) must be from 0 to 10.`);
    const before = steps[i - 1];
    if (before && step.kinds <= before.kinds) problems.push('Diversity steps must go up in number of kinds, each listed once.');
    // More kinds never earn less: otherwise adding a source would be punished.
    if (before && step.multiplierBps < before.multiplierBps) problems.push(`The multiplier for ${step.kinds} kinds is lower than for ${before.kinds}: more kinds must never earn less.`);
  });
  if (policy.siteBonus && (!wholeAtLeast(policy.siteBonus.minKinds, 2) || !wholeAtLeast(policy.siteBonus.bonusBps, 0) || policy.siteBonus.bonusBps > 10 * BPS)) {
    problems.push('The site bonus needs at least 2 kinds and a bonus from 0 to 10.');
  }
  if (!wholeAtLeast(policy.redemptionMinorPerKiloUnits, 0) || policy.redemptionMinorPerKiloUnits > 1_000_000_000) problems.push('The redemption rate must be a whole number of minor units per 1 000 tokens, zero or more.');
  return problems;
}

/** The multiplier for a number of distinct kinds: the last step at or below it (0 kinds → 0). */
export function diversityMultiplierBps(policy: TokenPolicy, kinds: number): number {
  let multiplier = 0;
  for (const step of policy.diversity) if (step.kinds <= kinds) multiplier = step.multiplierBps;
  return multiplier;
}

/** The version in force at an instant: the latest validFrom at or before it; null before the first. */
export function policyInForce(versions: readonly TokenPolicyVersion[], at: string): TokenPolicyVersion | null {
  let found: TokenPolicyVersion | null = null;
  for (const version of versions) if (Date.parse(version.validFrom) <= Date.parse(at) && (!found || Date.parse(version.validFrom) > Date.parse(found.validFrom))) found = version;
  return found;
}
