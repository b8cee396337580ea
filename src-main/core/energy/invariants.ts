// The invariants every interval's flows must hold; used by the property tests on random inputs and
// by the audit the operator runs over stored flows (same function, so both check the same thing).
import type { EnergyAuditRule } from '../../contract/energy.js';
import { SOURCE_COUNT } from './source-pool.js';

/** One member's flows of one interval, as stored or as just allocated. */
export interface MemberIntervalFlows {
  readonly deficit: number;
  readonly surplus: number;
  readonly p2pReceived: number;
  readonly poolReceived: number;
  readonly p2pSold: number;
  readonly poolShared: number;
  readonly mainImport: number;
  readonly mainExport: number;
  /** Sum of the received mix by source (must equal p2pReceived + poolReceived). */
  readonly receivedMixTotal: number;
}

export interface InvariantViolation {
  readonly member: number | null;
  readonly rule: EnergyAuditRule;
  readonly message: string;
}

/** Checks one interval: every Wh of surplus shared or exported, every Wh of deficit covered or imported, nothing beyond a deficit, site totals equal. */
export function checkIntervalFlows(members: readonly MemberIntervalFlows[]): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  let received = 0;
  let given = 0;
  members.forEach((m, i) => {
    const values = [m.deficit, m.surplus, m.p2pReceived, m.poolReceived, m.p2pSold, m.poolShared, m.mainImport, m.mainExport];
    if (values.some((v) => !Number.isSafeInteger(v) || v < 0)) violations.push({ member: i, rule: 'totals_equal', message: `Member #${i}: a flow is negative or not a whole Wh` });
    if (m.p2pSold + m.poolShared + m.mainExport !== m.surplus) violations.push({ member: i, rule: 'surplus_conserved', message: `Member #${i}: surplus ${m.surplus} Wh ≠ sold ${m.p2pSold} + pooled ${m.poolShared} + exported ${m.mainExport}` });
    if (m.p2pReceived + m.poolReceived + m.mainImport !== m.deficit) violations.push({ member: i, rule: 'deficit_conserved', message: `Member #${i}: deficit ${m.deficit} Wh ≠ P2P ${m.p2pReceived} + pool ${m.poolReceived} + imported ${m.mainImport}` });
    if (m.p2pReceived + m.poolReceived > m.deficit) violations.push({ member: i, rule: 'beyond_deficit', message: `Member #${i}: received ${m.p2pReceived + m.poolReceived} Wh, more than its deficit ${m.deficit} Wh` });
    if (m.receivedMixTotal !== m.p2pReceived + m.poolReceived) violations.push({ member: i, rule: 'mix_matches', message: `Member #${i}: the source mix (${m.receivedMixTotal} Wh) ≠ what it received (${m.p2pReceived + m.poolReceived} Wh)` });
    received += m.p2pReceived + m.poolReceived;
    given += m.p2pSold + m.poolShared;
  });
  if (received !== given) violations.push({ member: null, rule: 'totals_equal', message: `Members received ${received} Wh but ${given} Wh were given` });
  return violations;
}

/** Reads an allocation's arrays into per-member flows for checkIntervalFlows. */
export function flowsOf(
  deficit: ArrayLike<number>,
  surplus: ArrayLike<number>,
  a: { readonly memberCount: number; readonly p2pReceived: Float64Array; readonly poolReceived: Float64Array; readonly p2pSold: Float64Array; readonly poolShared: Float64Array; readonly mainImport: Float64Array; readonly mainExport: Float64Array },
): MemberIntervalFlows[] {
  const K = SOURCE_COUNT;
  return Array.from({ length: a.memberCount }, (_, i) => {
    let p2p = 0;
    let pool = 0;
    for (let k = 0; k < K; k++) {
      p2p += a.p2pReceived[i * K + k] ?? 0;
      pool += a.poolReceived[i * K + k] ?? 0;
    }
    return {
      deficit: deficit[i] ?? 0, surplus: surplus[i] ?? 0, p2pReceived: p2p, poolReceived: pool,
      p2pSold: a.p2pSold[i] ?? 0, poolShared: a.poolShared[i] ?? 0, mainImport: a.mainImport[i] ?? 0, mainExport: a.mainExport[i] ?? 0,
      receivedMixTotal: p2p + pool,
    };
  });
}
