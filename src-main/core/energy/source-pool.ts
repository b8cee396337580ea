// Source mixes: a pool of Wh split into classes (the kinds of the generating equipment, or
// flagged/unflagged). Drawing an amount from a pool takes each class pro rata with the project's
// largest-remainder rule, so a part's classes always sum to the amount and never exceed the pool.
import { ENERGY_SOURCES, type EnergySource, type SourceMix } from '../../contract/energy.js';
import { splitByWeightsInto } from '../tariffs/largest-remainder.js';

export const SOURCE_COUNT = ENERGY_SOURCES.length;
export const SOURCE_INDEX: Readonly<Record<EnergySource, number>> = Object.fromEntries(ENERGY_SOURCES.map((s, i) => [s, i])) as Record<EnergySource, number>;

/**
 * Takes `amount` Wh out of pool[offset … offset+classes) whose classes sum to `poolTotal`, pro rata
 * (largest remainder; ties to the earlier class); writes the parts to `out` and subtracts them.
 * Because each part is ⌊amount·c/total⌋ or one more and amount ≤ total, no class goes negative.
 */
export function drawFromPool(pool: Float64Array, offset: number, classes: number, poolTotal: number, amount: number, out: Float64Array): void {
  if (amount > poolTotal) throw new RangeError(`Cannot draw ${amount} Wh from a pool of ${poolTotal} Wh`);
  let nonZero = -1;
  let nonZeroCount = 0;
  for (let k = 0; k < classes; k++) {
    out[k] = 0;
    if ((pool[offset + k] ?? 0) > 0) {
      nonZero = k;
      nonZeroCount++;
    }
  }
  if (amount <= 0) return;
  if (nonZeroCount === 1 || amount === poolTotal) {
    if (amount === poolTotal) {
      for (let k = 0; k < classes; k++) {
        out[k] = pool[offset + k] ?? 0;
        pool[offset + k] = 0;
      }
    } else {
      out[nonZero] = amount;
      pool[offset + nonZero] = (pool[offset + nonZero] ?? 0) - amount;
    }
    return;
  }
  splitByWeightsInto(amount, pool.subarray(offset, offset + classes), out, classes);
  for (let k = 0; k < classes; k++) pool[offset + k] = (pool[offset + k] ?? 0) - (out[k] ?? 0);
}

export const emptyMix = (): Record<EnergySource, number> => ({ solar: 0, wind: 0, hydro: 0, biogas: 0, battery: 0, other: 0 });

export function mixFrom(values: ArrayLike<number>, offset = 0): SourceMix {
  const mix = emptyMix();
  ENERGY_SOURCES.forEach((source, k) => (mix[source] = values[offset + k] ?? 0));
  return mix;
}

export const mixTotal = (mix: SourceMix): number => ENERGY_SOURCES.reduce((sum, s) => sum + mix[s], 0);
