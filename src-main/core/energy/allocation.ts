// The allocation of one interval of one site, pure and exact (integer Wh): what each member's
// premises exported (surplus, with its source mix) goes first to P2P buyers, then to the community
// pool split by the site's allocation key (source preferences shape the mix of a member's share),
// the rest to the main supply; what each member imported (deficit) not covered locally came from
// the main supply. Self-consumption happens behind each connection meter (premises.ts) before this.
// Every split uses the project's largest-remainder rule. Rules and order: README.md.
import { splitByWeightsInto } from '../tariffs/largest-remainder.js';
import { SOURCE_COUNT, drawFromPool } from './source-pool.js';

export interface P2pRule {
  readonly agreementId: number;
  /** Member index of the seller. */
  readonly seller: number;
  /** Member indexes of the named buyers (in the agreement's order), or null = any member of the site. */
  readonly buyers: readonly number[] | null;
}

export type PoolKey =
  | { readonly mode: 'pro_rata' }
  /** Weights per member index (parts per million; members absent from the key weigh 0). */
  | { readonly mode: 'weights'; readonly weights: ArrayLike<number>; readonly unused: 'export' | 'reallocate' };

export interface IntervalInputs {
  readonly memberCount: number;
  /** Wh imported at each member's connection (the need left after self-consumption). */
  readonly deficit: ArrayLike<number>;
  /** Wh exported at each member's connection. */
  readonly surplus: ArrayLike<number>;
  /** memberCount × SOURCE_COUNT, row i sums to surplus[i]. */
  readonly surplusMix: ArrayLike<number>;
  /** Parts of each surplus resting on an estimated / an unattested reading (each ≤ surplus). */
  readonly surplusEstimated: ArrayLike<number>;
  readonly surplusUnattested: ArrayLike<number>;
  /** Active P2P sale agreements, already in the documented order (activation time, then id). */
  readonly agreements: readonly P2pRule[];
  readonly key: PoolKey;
  /** Source indexes in order of preference per member index, or null (no preference). */
  readonly preferences: ArrayLike<readonly number[] | null> | null;
}

export interface P2pDelivery {
  readonly agreementId: number;
  readonly seller: number;
  readonly buyer: number;
  readonly wh: number;
}

export interface IntervalAllocation {
  readonly memberCount: number;
  /** memberCount × SOURCE_COUNT: Wh received through P2P agreements / the pool, by source. */
  readonly p2pReceived: Float64Array;
  readonly poolReceived: Float64Array;
  /** Of what each member received, the Wh resting on estimated / unattested readings of the sellers. */
  readonly receivedEstimated: Float64Array;
  readonly receivedUnattested: Float64Array;
  readonly p2pSold: Float64Array;
  readonly poolShared: Float64Array;
  readonly mainImport: Float64Array;
  readonly mainExport: Float64Array;
  /** memberCount × SOURCE_COUNT: the source mix of each member's mainExport. */
  readonly exportedMix: Float64Array;
  readonly deliveries: readonly P2pDelivery[];
}

/** Scratch and result arrays for one member count, reused across intervals (the hot loop allocates nothing big). */
export interface AllocationWorkspace {
  readonly n: number;
  readonly mix: Float64Array;
  readonly remaining: Float64Array;
  readonly estimated: Float64Array;
  readonly unattested: Float64Array;
  readonly need: Float64Array;
  readonly result: Omit<IntervalAllocation, 'deliveries'>;
}
export function allocationWorkspace(n: number): AllocationWorkspace {
  const K = SOURCE_COUNT;
  const mix = new Float64Array(n * K);
  return {
    n, mix, remaining: new Float64Array(n), estimated: new Float64Array(n), unattested: new Float64Array(n), need: new Float64Array(n),
    result: {
      memberCount: n, p2pReceived: new Float64Array(n * K), poolReceived: new Float64Array(n * K), receivedEstimated: new Float64Array(n), receivedUnattested: new Float64Array(n),
      p2pSold: new Float64Array(n), poolShared: new Float64Array(n), mainImport: new Float64Array(n), mainExport: new Float64Array(n), exportedMix: mix,
    },
  };
}

const copyInto = (target: Float64Array, source: ArrayLike<number>): void => {
  if (source instanceof Float64Array) target.set(source.subarray(0, target.length));
  else for (let i = 0; i < target.length; i++) target[i] = source[i] ?? 0;
};

/**
 * Allocates one interval. Throws on inconsistent input (a mix not summing to its surplus, negatives).
 * With a workspace, the result's arrays are the workspace's: read them before the next call.
 */
export function allocateInterval(input: IntervalInputs, workspace?: AllocationWorkspace): IntervalAllocation {
  const n = input.memberCount;
  const K = SOURCE_COUNT;
  checkInputs(input);
  const w = workspace && workspace.n === n ? workspace : allocationWorkspace(n);
  // Remaining seller pools: per member its mix (K classes) and its flags as 2-class pools.
  const { mix, remaining, estimated, unattested, need } = w;
  copyInto(mix, input.surplusMix);
  copyInto(remaining, input.surplus);
  copyInto(estimated, input.surplusEstimated);
  copyInto(unattested, input.surplusUnattested);
  copyInto(need, input.deficit);
  for (const array of [w.result.p2pReceived, w.result.poolReceived, w.result.receivedEstimated, w.result.receivedUnattested, w.result.p2pSold, w.result.poolShared, w.result.mainImport, w.result.mainExport]) array.fill(0);
  const out: IntervalAllocation = { ...w.result, deliveries: [] };
  const deliveries = out.deliveries as P2pDelivery[];
  const take = new Float64Array(K);
  const flag = new Float64Array(2);

  /** Moves `amount` Wh of seller s's remaining surplus into `target` (row of buyer b), with its flags. */
  const drawFromSeller = (s: number, amount: number, target: Float64Array, b: number): void => {
    drawFromPool(mix, s * K, K, remaining[s] ?? 0, amount, take);
    for (let k = 0; k < K; k++) target[b * K + k] = (target[b * K + k] ?? 0) + (take[k] ?? 0);
    out.receivedEstimated[b] = (out.receivedEstimated[b] ?? 0) + drawFlag(estimated, s, remaining[s] ?? 0, amount, flag);
    out.receivedUnattested[b] = (out.receivedUnattested[b] ?? 0) + drawFlag(unattested, s, remaining[s] ?? 0, amount, flag);
    remaining[s] = (remaining[s] ?? 0) - amount;
  };

  // 2. P2P sale agreements, in order; each seller's surplus to its buyers pro rata of their need.
  for (const rule of input.agreements) {
    const available = remaining[rule.seller] ?? 0;
    if (available <= 0) continue;
    const buyers = (rule.buyers ?? range(n)).filter((b) => b !== rule.seller && (need[b] ?? 0) > 0);
    if (buyers.length === 0) continue;
    const needs = buyers.map((b) => need[b] ?? 0);
    const totalNeed = needs.reduce((a, b) => a + b, 0);
    const given = splitByWeightsInto(Math.min(available, totalNeed), needs, new Array<number>(buyers.length));
    buyers.forEach((b, i) => {
      const wh = given[i] ?? 0;
      if (wh <= 0) return;
      drawFromSeller(rule.seller, wh, out.p2pReceived, b);
      need[b] = (need[b] ?? 0) - wh;
      out.p2pSold[rule.seller] = (out.p2pSold[rule.seller] ?? 0) + wh;
      deliveries.push({ agreementId: rule.agreementId, seller: rule.seller, buyer: b, wh });
    });
  }

  // 3. Community pool: the key decides how much each member receives ...
  let pool = 0;
  for (let i = 0; i < n; i++) pool += remaining[i] ?? 0;
  const shares = poolShares(input.key, pool, need, n);
  let used = 0;
  for (let i = 0; i < n; i++) used += shares[i] ?? 0;
  // ... each member's share is drawn from all that is left (preferred sources first, then pro
  // rata), so a wind-first member can get every Wh of wind before any is exported ...
  const bundle = new Float64Array(K);
  for (let s = 0; s < n; s++) for (let k = 0; k < K; k++) bundle[k] = (bundle[k] ?? 0) + (mix[s * K + k] ?? 0);
  const bundleBefore = Float64Array.from(bundle);
  servePool(shares, bundle, pool, input.preferences, out.poolReceived, n);
  // ... and each source's Wh taken are credited to its sellers pro rata of what they had of it.
  const column = new Float64Array(n);
  const part = new Float64Array(n);
  for (let k = 0; k < K; k++) {
    const taken = (bundleBefore[k] ?? 0) - (bundle[k] ?? 0);
    if (taken <= 0) continue;
    if (taken === (bundleBefore[k] ?? 0)) {
      for (let s = 0; s < n; s++) part[s] = mix[s * K + k] ?? 0; // all of this source was taken
    } else {
      for (let s = 0; s < n; s++) column[s] = mix[s * K + k] ?? 0;
      splitByWeightsInto(taken, column, part, n);
    }
    for (let s = 0; s < n; s++) {
      const wh = part[s] ?? 0;
      if (wh <= 0) continue;
      mix[s * K + k] = (mix[s * K + k] ?? 0) - wh;
      out.poolShared[s] = (out.poolShared[s] ?? 0) + wh;
    }
  }
  const pooledFlags = new Float64Array(2); // [estimated, unattested]
  for (let s = 0; s < n; s++) {
    const c = out.poolShared[s] ?? 0;
    if (c <= 0) continue;
    pooledFlags[0] = (pooledFlags[0] ?? 0) + drawFlag(estimated, s, remaining[s] ?? 0, c, flag);
    pooledFlags[1] = (pooledFlags[1] ?? 0) + drawFlag(unattested, s, remaining[s] ?? 0, c, flag);
    remaining[s] = (remaining[s] ?? 0) - c;
  }
  let bundleLeft = used;
  const estimatedPool = Float64Array.of(pooledFlags[0] ?? 0);
  const unattestedPool = Float64Array.of(pooledFlags[1] ?? 0);
  for (let b = 0; b < n; b++) {
    const q = shares[b] ?? 0;
    if (q <= 0) continue;
    out.receivedEstimated[b] = (out.receivedEstimated[b] ?? 0) + drawFlag(estimatedPool, 0, bundleLeft, q, flag);
    out.receivedUnattested[b] = (out.receivedUnattested[b] ?? 0) + drawFlag(unattestedPool, 0, bundleLeft, q, flag);
    bundleLeft -= q;
    need[b] = (need[b] ?? 0) - q;
  }

  // 4. The rest: from / to the main supply.
  for (let i = 0; i < n; i++) {
    out.mainImport[i] = need[i] ?? 0;
    out.mainExport[i] = remaining[i] ?? 0;
  }
  return out;
}

/** How many Wh of the pool each member receives under the key (never above its remaining need). */
export function poolShares(key: PoolKey, pool: number, need: ArrayLike<number>, n: number): Float64Array {
  const shares = new Float64Array(n);
  let totalNeed = 0;
  for (let i = 0; i < n; i++) totalNeed += need[i] ?? 0;
  if (pool <= 0 || totalNeed <= 0) return shares;
  let weightSum = 0;
  if (key.mode === 'weights') for (let i = 0; i < n; i++) weightSum += key.weights[i] ?? 0;
  if (key.mode === 'pro_rata' || weightSum <= 0) {
    // D315-6: pro rata of consumption, capped at it; with enough surplus everyone is covered.
    if (pool >= totalNeed) for (let i = 0; i < n; i++) shares[i] = need[i] ?? 0;
    else splitByWeightsInto(pool, need, shares, n);
    return shares;
  }
  const weights = new Float64Array(n); // a plain loop: Float64Array.from with a mapper is slow per interval
  for (let i = 0; i < n; i++) weights[i] = key.weights[i] ?? 0;
  const target = splitByWeightsInto(pool, weights, new Float64Array(n), n);
  let unused = 0;
  for (let i = 0; i < n; i++) {
    shares[i] = Math.min(target[i] ?? 0, need[i] ?? 0);
    unused += (target[i] ?? 0) - (shares[i] ?? 0);
  }
  if (key.mode === 'weights' && key.unused === 'export') return shares;
  // Reallocate: the unused part goes to the members still short, by their weights, until none is
  // left or nobody with a weight is short (then it is exported). Each round caps someone or ends.
  const roomWeights = new Float64Array(n);
  const extra = new Float64Array(n);
  while (unused > 0) {
    let someoneShort = false;
    for (let i = 0; i < n; i++) {
      const room = (need[i] ?? 0) - (shares[i] ?? 0);
      roomWeights[i] = room > 0 ? (weights[i] ?? 0) : 0;
      if (roomWeights[i]! > 0) someoneShort = true;
    }
    if (!someoneShort) break;
    splitByWeightsInto(unused, roomWeights, extra, n);
    let handedOn = 0;
    for (let i = 0; i < n; i++) {
      const given = Math.min(extra[i] ?? 0, (need[i] ?? 0) - (shares[i] ?? 0));
      shares[i] = (shares[i] ?? 0) + given;
      handedOn += given;
    }
    if (handedOn === 0) break;
    unused -= handedOn;
  }
  return shares;
}

/**
 * Fills `received` (n × K) from the bundle (all surplus left, by source; reduced in place): ranks of preference first (members whose r-th
 * choice is source k share what is left of k pro rata of their remaining share), then everyone's
 * remainder pro rata of what is left of the bundle, members in index order.
 */
function servePool(shares: Float64Array, bundle: Float64Array, bundleTotal: number, preferences: IntervalInputs['preferences'], received: Float64Array, n: number): void {
  const K = SOURCE_COUNT;
  const left = Float64Array.from(shares);
  let total = bundleTotal;
  if (preferences) {
    for (let rank = 0; rank < K; rank++) {
      for (let k = 0; k < K; k++) {
        const available = bundle[k] ?? 0;
        if (available <= 0) continue;
        const askers: number[] = [];
        for (let b = 0; b < n; b++) if ((left[b] ?? 0) > 0 && preferences[b]?.[rank] === k) askers.push(b);
        if (askers.length === 0) continue;
        const asks = askers.map((b) => left[b] ?? 0);
        const askTotal = asks.reduce((a, c) => a + c, 0);
        const given = askTotal <= available ? asks : splitByWeightsInto(available, asks, new Array<number>(askers.length));
        askers.forEach((b, i) => {
          const wh = given[i] ?? 0;
          received[b * K + k] = (received[b * K + k] ?? 0) + wh;
          left[b] = (left[b] ?? 0) - wh;
          bundle[k] = (bundle[k] ?? 0) - wh;
          total -= wh;
        });
      }
    }
  }
  const take = new Float64Array(K);
  for (let b = 0; b < n; b++) {
    const q = left[b] ?? 0;
    if (q <= 0) continue;
    drawFromPool(bundle, 0, K, total, q, take);
    for (let k = 0; k < K; k++) received[b * K + k] = (received[b * K + k] ?? 0) + (take[k] ?? 0);
    total -= q;
  }
}

/** Draws `amount` of a pool of `poolTotal` Wh of which flags[i] are flagged: the flagged part, pro rata. */
function drawFlag(flags: Float64Array, i: number, poolTotal: number, amount: number, scratch: Float64Array): number {
  const flagged = flags[i] ?? 0;
  if (flagged <= 0) return 0;
  if (flagged >= poolTotal) {
    flags[i] = flagged - amount;
    return amount;
  }
  scratch[0] = flagged;
  scratch[1] = poolTotal - flagged;
  const drawn = DRAWN;
  drawFromPool(scratch, 0, 2, poolTotal, amount, drawn);
  flags[i] = flagged - (drawn[0] ?? 0);
  return drawn[0] ?? 0;
}

const DRAWN = new Float64Array(2);
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

function checkInputs(input: IntervalInputs): void {
  const K = SOURCE_COUNT;
  for (let i = 0; i < input.memberCount; i++) {
    const surplus = input.surplus[i] ?? 0;
    const deficit = input.deficit[i] ?? 0;
    if (!Number.isSafeInteger(surplus) || !Number.isSafeInteger(deficit) || surplus < 0 || deficit < 0) throw new RangeError(`Member #${i}: surplus and deficit must be whole non-negative Wh`);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += input.surplusMix[i * K + k] ?? 0;
    if (sum !== surplus) throw new RangeError(`Member #${i}: the source mix (${sum} Wh) does not add up to the surplus (${surplus} Wh)`);
    if ((input.surplusEstimated[i] ?? 0) > surplus || (input.surplusUnattested[i] ?? 0) > surplus) throw new RangeError(`Member #${i}: flagged Wh exceed the surplus`);
  }
}
