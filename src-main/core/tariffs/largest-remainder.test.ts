// The number fast path of the largest-remainder rule must give exactly what the BigInt rule gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByWeights, splitByWeightsInto } from './largest-remainder.js';

describe('splitByWeightsInto', () => {
  it('equals splitByWeights (same floors, same remainder order, ties to the earlier index)', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.array(fc.oneof(fc.nat(10), fc.nat(1_000_000), fc.constant(0)), { minLength: 1, maxLength: 60 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        expect(splitByWeightsInto(total, weights, new Array<number>(weights.length))).toEqual(splitByWeights(total, weights));
      }),
      { numRuns: 2000 },
    );
  });
  it('hands ties to the earlier index', () => {
    expect(splitByWeightsInto(1, [1, 1, 1], [0, 0, 0])).toEqual([1, 0, 0]);
    expect(splitByWeightsInto(2, [1, 1, 1], new Float64Array(3))).toEqual(Float64Array.of(1, 1, 0));
  });
  it('gives all-zero parts for all-zero weights', () => {
    expect(splitByWeightsInto(5, [0, 0], [9, 9])).toEqual([0, 0]);
  });
});
