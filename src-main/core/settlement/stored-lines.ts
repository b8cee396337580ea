// Statement lines as stored (settlement_lines) ↔ transfers. Both sides of a member-to-member
// transfer share transfer_no; a member ↔ cooperative transfer has one line, its sign giving the
// direction. So transfers (and the journal entries and adjustments built from them) re-derive
// from the stored lines alone. Pure.
import type { CounterpartyKey } from '../../contract/settlements.js';
import type { AccountRef } from '../journal/index.js';
import type { LineSource, SettlementLineCode, StatementLine, Transfer } from './types.js';

export interface StoredLine {
  readonly transferNo: number;
  readonly memberId: number;
  readonly code: SettlementLineCode;
  readonly amountMinor: number;
  readonly counterparty: CounterpartyKey;
  readonly quantityWh: number | null;
  readonly rateMilliPerKwh: number | null;
  readonly source: LineSource;
  readonly explain: Readonly<Record<string, string | number>>;
}

export function refOfKey(key: string): AccountRef {
  if (key.startsWith('member:')) return { kind: 'member', memberId: Number(key.slice(7)) };
  if (key === 'cooperative-energy' || key === 'cooperative-fees' || key === 'grid' || key === 'government') return { kind: key };
  throw new RangeError(`Unknown counterparty ${key}`);
}

export function keyOfRef(ref: AccountRef): CounterpartyKey {
  if (ref.kind === 'member') return `member:${ref.memberId}`;
  if (ref.kind === 'cooperative-energy' || ref.kind === 'cooperative-fees' || ref.kind === 'grid' || ref.kind === 'government') return ref.kind;
  throw new RangeError(`A settlement never moves money with ${ref.kind}`);
}

export function toStored(line: StatementLine): StoredLine {
  return { transferNo: line.transferIndex, memberId: line.memberId, code: line.code, amountMinor: line.amountMinor, counterparty: keyOfRef(line.counterparty), quantityWh: line.quantityWh, rateMilliPerKwh: line.rateMilliPerKwh, source: line.source, explain: line.explain };
}

/** The transfers stored lines come from (one per transfer_no, in order). */
export function transfersOf(lines: readonly StoredLine[]): Transfer[] {
  const byNo = new Map<number, StoredLine>();
  for (const l of lines) if (!byNo.has(l.transferNo) || l.amountMinor < 0) byNo.set(l.transferNo, l);
  return [...byNo.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, l]) => {
      const me: AccountRef = { kind: 'member', memberId: l.memberId };
      const other = refOfKey(l.counterparty);
      const [payer, payee] = l.amountMinor < 0 ? [me, other] : [other, me];
      return { code: l.code, payer, payee, amountMinor: Math.abs(l.amountMinor), quantityWh: l.quantityWh, rateMilliPerKwh: l.rateMilliPerKwh, source: l.source, explain: l.explain };
    });
}
