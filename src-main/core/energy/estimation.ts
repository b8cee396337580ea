// Validation, estimation, editing: a missing interval of a meter is estimated AT ALLOCATION TIME
// (never written as a reading), flagged estimated wherever its Wh go, and replaced as soon as the
// real reading arrives (its interval's inputs change, so the next recompute redoes that interval).
// Rule, in order (only measured values are used as a basis, never another estimate):
//   1. the same interval one week earlier (same weekday and time: households follow the week);
//   2. else the same interval one day earlier;
//   3. else 0 Wh (nothing to base it on) — still flagged, so a person sees it.
// Which intervals are "missing": from the meter's first stored reading on, up to the end of the
// period recomputed and never after "now"; never before its first reading (it did not exist yet),
// never after it was retired.

export const SLOTS_PER_DAY = 96;
export const WEEK_SLOTS = 7 * SLOTS_PER_DAY;

/**
 * Fills the unmeasured slots in [from, to) of one meter series. `measured[slot]` = 1 for a stored
 * reading; estimated slots get 2. Values arrays hold import and export per slot.
 */
export function estimateMissing(importWh: Float64Array, exportWh: Float64Array, measured: Uint8Array, from: number, to: number): number {
  let estimatedSlots = 0;
  for (let slot = from; slot < to; slot++) {
    if (measured[slot] === 1) continue;
    const basis = measured[slot - WEEK_SLOTS] === 1 ? slot - WEEK_SLOTS : measured[slot - SLOTS_PER_DAY] === 1 ? slot - SLOTS_PER_DAY : -1;
    importWh[slot] = basis >= 0 ? (importWh[basis] ?? 0) : 0;
    exportWh[slot] = basis >= 0 ? (exportWh[basis] ?? 0) : 0;
    measured[slot] = 2;
    estimatedSlots++;
  }
  return estimatedSlots;
}
