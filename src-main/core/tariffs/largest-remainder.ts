// Deterministic rounding of money lines so a statement sums exactly: the total is the exact sum
// rounded half up, each line gets its floor, and the missing units go to the lines with the largest
// remainders (ties: the earlier line). Exact amounts are BigInt numerators over one common denominator.

/** Rounds exact non-negative amounts `numerators[i] / denominator` to integers that sum to round(Σ). */
export function allocateLargestRemainder(numerators: readonly bigint[], denominator: bigint): bigint[] {
  if (denominator <= 0n) throw new RangeError('The denominator must be positive');
  let sum = 0n;
  for (const n of numerators) {
    if (n < 0n) throw new RangeError('Amounts to round must not be negative');
    sum += n;
  }
  const total = (2n * sum + denominator) / (2n * denominator); // half up
  const floors = numerators.map((n) => n / denominator);
  let missing = total - floors.reduce((a, b) => a + b, 0n);
  const order = numerators
    .map((n, index) => ({ index, remainder: n % denominator }))
    .filter((entry) => entry.remainder > 0n)
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const entry of order) {
    if (missing <= 0n) break;
    floors[entry.index] = (floors[entry.index] ?? 0n) + 1n;
    missing -= 1n;
  }
  return floors;
}

/** Splits a whole amount into `parts` integers that differ by at most 1; earlier parts get the extra units. */
export function splitEvenly(total: number, parts: number): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('The amount to split must be a non-negative whole number');
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('Split into at least one part');
  return allocateLargestRemainder(Array.from({ length: parts }, () => BigInt(total)), BigInt(parts)).map(Number);
}

/** Splits a whole amount in proportion to integer weights (same rounding rule). */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new RangeError('The weights must sum to more than zero');
  return allocateLargestRemainder(weights.map((w) => BigInt(total) * BigInt(w)), BigInt(sum)).map(Number);
}

export const toSafeNumber = (value: bigint, what: string): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} is too large to represent exactly`);
  return Number(value);
};

/**
 * The same rule as `splitByWeights` (floors, then one unit each to the largest remainders, ties to
 * the earlier index), in plain numbers for hot loops (energy allocation splits millions of times).
 * Exact while every total × weight stays below 2^53; otherwise it hands over to the BigInt version.
 * Writes into `out` (length ≥ weights.length) and returns it; all-zero weights give all-zero parts.
 */
const SMALL = 16;
const SMALL_REMAINDERS = new Float64Array(SMALL);

export function splitByWeightsInto<T extends { [index: number]: number }>(total: number, weights: ArrayLike<number>, out: T, count = weights.length): T {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += weights[i] ?? 0;
  if (sum <= 0 || total === 0) {
    for (let i = 0; i < count; i++) out[i] = 0;
    return out;
  }
  let maxWeight = 0;
  for (let i = 0; i < count; i++) if ((weights[i] ?? 0) > maxWeight) maxWeight = weights[i] ?? 0;
  if (total * maxWeight > Number.MAX_SAFE_INTEGER || sum > Number.MAX_SAFE_INTEGER) {
    const exact = splitByWeights(total, Array.from({ length: count }, (_, i) => weights[i] ?? 0));
    for (let i = 0; i < count; i++) out[i] = exact[i] ?? 0;
    return out;
  }
  let given = 0;
  let withRemainder = 0;
  for (let i = 0; i < count; i++) {
    const product = total * (weights[i] ?? 0);
    let floor = Math.floor(product / sum);
    if (product - floor * sum < 0) floor -= 1; // float division rounded up across an integer
    else if (product - floor * sum >= sum) floor += 1;
    out[i] = floor;
    given += floor;
    if (product - floor * sum > 0) withRemainder++;
  }
  let missing = total - given;
  if (missing <= 0) return out;
  if (missing === withRemainder) {
    for (let i = 0; i < count; i++) if (total * (weights[i] ?? 0) - (out[i] ?? 0) * sum > 0) out[i] = (out[i] ?? 0) + 1;
    return out;
  }
  // Few parts (a source mix, a flag): pick the largest remainders by scanning, no allocation.
  if (count <= SMALL) {
    for (let i = 0; i < count; i++) SMALL_REMAINDERS[i] = total * (weights[i] ?? 0) - (out[i] ?? 0) * sum;
    for (; missing > 0; missing--) {
      let best = -1;
      for (let i = 0; i < count; i++) if ((SMALL_REMAINDERS[i] ?? 0) > 0 && (best < 0 || (SMALL_REMAINDERS[i] ?? 0) > (SMALL_REMAINDERS[best] ?? 0))) best = i;
      if (best < 0) break;
      out[best] = (out[best] ?? 0) + 1;
      SMALL_REMAINDERS[best] = 0;
    }
    return out;
  }
  // The `missing` largest remainders, ties to the earlier index: sort one number per index that
  // orders by remainder, then by reversed index (native typed-array sort, no comparator calls).
  if (sum * count < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) keys[i] = (total * (weights[i] ?? 0) - (out[i] ?? 0) * sum) * count + (count - 1 - i);
    keys.sort();
    for (let j = count - 1; j >= 0 && missing > 0; j--, missing--) {
      const index = count - 1 - ((keys[j] ?? 0) % count);
      out[index] = (out[index] ?? 0) + 1;
    }
    return out;
  }
  const order: number[] = [];
  const remainders: number[] = [];
  for (let i = 0; i < count; i++) {
    const remainder = total * (weights[i] ?? 0) - (out[i] ?? 0) * sum;
    remainders.push(remainder);
    if (remainder > 0) order.push(i);
  }
  order.sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b);
  for (const index of order) {
    if (missing <= 0) break;
    out[index] = (out[index] ?? 0) + 1;
    missing -= 1;
  }
  return out;
}
