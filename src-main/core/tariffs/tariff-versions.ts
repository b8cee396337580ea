// Which tariff version is in force, and whether a new version's start is acceptable. Pure.
// The version in force at t is the one with the greatest validFrom <= t, so it is never ambiguous.
import type { TariffVersionState } from '../../contract/tariffs.js';

export interface VersionTimes {
  readonly id: number;
  readonly validFrom: string;
}

/** Normalises an ISO instant so that string order is time order (…T00:00:00.000Z). */
export const normalizeInstant = (iso: string): string => new Date(iso).toISOString();

export function versionInForce<V extends VersionTimes>(versions: readonly V[], at: string): V | null {
  let best: V | null = null;
  for (const v of versions) if (v.validFrom <= at && (best === null || v.validFrom > best.validFrom)) best = v;
  return best;
}

export function versionState(versions: readonly VersionTimes[], version: VersionTimes, now: string): TariffVersionState {
  if (version.validFrom > now) return 'scheduled';
  return versionInForce(versions, now)?.id === version.id ? 'in_force' : 'superseded';
}

export function validUntil(versions: readonly VersionTimes[], version: VersionTimes): string | null {
  const later = versions.filter((v) => v.validFrom > version.validFrom).map((v) => v.validFrom).sort();
  return later[0] ?? null;
}

export interface StartCheck {
  readonly validFrom: string;
  readonly now: string;
  /** Periods up to this instant are settled and must never be re-rated (null: nothing settled yet). */
  readonly settledUntil: string | null;
  readonly allowPast: boolean;
  readonly existing: readonly VersionTimes[];
  /** The version being moved, when rescheduling one. */
  readonly ignoreId?: number;
}

/** Returns why the start is refused, or null when it is acceptable. */
export function startRefusal(check: StartCheck): string | null {
  const others = check.existing.filter((v) => v.id !== check.ignoreId);
  if (others.some((v) => v.validFrom === check.validFrom)) return `Another version of this plan already starts at ${check.validFrom}.`;
  if (check.settledUntil !== null && check.validFrom < check.settledUntil) {
    return `Periods up to ${check.settledUntil} are settled; a tariff version cannot start before that (it would rewrite settled bills).`;
  }
  if (check.validFrom < check.now && !check.allowPast) {
    return `The start ${check.validFrom} is in the past; a new version never rewrites past periods. Choose a future start, or explicitly allow a past start with a reason.`;
  }
  // A past start may only be placed after every version already in force, never between them.
  if (check.validFrom < check.now) {
    const latestPast = others.filter((v) => v.validFrom <= check.now).map((v) => v.validFrom).sort().at(-1);
    if (latestPast !== undefined && check.validFrom <= latestPast) {
      return `A version already in force since ${latestPast} covers that time; a past start must come after it.`;
    }
  }
  return null;
}
