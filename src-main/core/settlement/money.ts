// Small exact-money helpers over the existing largest-remainder allocator (core/tariffs). Pure.
import { allocateLargestRemainder, splitByWeights, toSafeNumber } from '../tariffs/largest-remainder.js';

/** Wh × rate (milli-minor per kWh) → minor units, rounded half up (one line of the allocator). */
export function energyAmount(wh: number, rateMilliPerKwh: number): number {
  const [amount] = allocateLargestRemainder([BigInt(wh) * BigInt(rateMilliPerKwh)], 1_000_000n);
  return toSafeNumber(amount ?? 0n, 'An energy amount');
}

/** `bps` basis points of an amount, rounded half up. */
export function shareOf(amount: number, bps: number): number {
  const [share] = allocateLargestRemainder([BigInt(amount) * BigInt(bps)], 10_000n);
  return toSafeNumber(share ?? 0n, 'A share');
}

/** Splits a whole amount by weights (largest remainder); all-zero weights → everything to `fallback`. */
export function splitOrAll(total: number, weights: readonly number[], fallback = 0): number[] {
  if (weights.reduce((a, b) => a + b, 0) > 0) return splitByWeights(total, weights);
  return weights.map((_, i) => (i === fallback ? total : 0));
}

export function sumRange(values: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k < to; k++) sum += values[k] ?? 0;
  return sum;
}
