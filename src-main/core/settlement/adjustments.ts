// Late readings: a posted period is never rewritten. When its stored flows changed after posting,
// the period is settled again with today's flows and compared with what was posted for it (its own
// lines + every adjustment already posted for it); the difference becomes adjustment transfers in
// the period being settled. Compared per (code, the two accounts): money between the same two
// accounts for the same reason nets out. Pure.
import { accountKey } from '../journal/index.js';
import { transfersOf, type StoredLine } from './stored-lines.js';
import type { Transfer } from './types.js';

/** Net money per (code, account pair), oriented from the lexically smaller account key. */
function netByKey(transfers: readonly Transfer[], codeOf: (t: Transfer) => string): Map<string, number> {
  const net = new Map<string, number>();
  for (const t of transfers) {
    const payer = accountKey(t.payer);
    const payee = accountKey(t.payee);
    const [x, y, sign] = payer < payee ? [payer, payee, 1] : [payee, payer, -1];
    const key = `${codeOf(t)}|${x}|${y}`;
    net.set(key, (net.get(key) ?? 0) + sign * t.amountMinor);
  }
  return net;
}

export interface PostedPeriodFacts {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  /** Its own stored lines. */
  readonly lines: readonly StoredLine[];
  /** Adjustment lines for it already posted in later periods. */
  readonly adjustments: readonly StoredLine[];
}

export function adjustmentTransfers(period: PostedPeriodFacts, recomputed: readonly Transfer[]): Transfer[] {
  const posted = [...transfersOf(period.lines), ...transfersOf(period.adjustments)];
  const codeOf = (t: Transfer) => (t.code === 'adjustment' ? String(t.explain.of) : t.code);
  const before = netByKey(posted, codeOf);
  const now = netByKey(recomputed, codeOf);
  const out: Transfer[] = [];
  for (const key of [...new Set([...before.keys(), ...now.keys()])].sort()) {
    const diff = (now.get(key) ?? 0) - (before.get(key) ?? 0);
    if (diff === 0) continue;
    const [of, x, y] = key.split('|') as [string, string, string];
    const ref = (k: string) => recomputedRef(recomputed, posted, k);
    const [payer, payee] = diff > 0 ? [ref(x), ref(y)] : [ref(y), ref(x)];
    out.push({ code: 'adjustment', payer, payee, amountMinor: Math.abs(diff), quantityWh: null, rateMilliPerKwh: null, source: { adjustsPeriodId: period.id }, explain: { of, periodFrom: period.from, periodTo: period.to } });
  }
  return out;
}

function recomputedRef(a: readonly Transfer[], b: readonly Transfer[], key: string): Transfer['payer'] {
  for (const t of [...a, ...b]) {
    if (accountKey(t.payer) === key) return t.payer;
    if (accountKey(t.payee) === key) return t.payee;
  }
  throw new RangeError(`No account ${key}`);
}
