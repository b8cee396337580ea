// The facts an entry's description needs from its source row (entry-description.ts), read for a page
// of entries at once: the settlement line and period of a settlement transfer, the payment a payment
// entry booked or a resolution assigned, the tokens of a redemption. Read-only SQL.
import type { Database } from 'better-sqlite3';
import type { PaymentMethod } from '../../contract/payments.js';
import { readChainSetup } from '../chain/bootstrap.js';
import type { EntryFacts } from './entry-description.js';

interface SourcedEntry {
  readonly id: number;
  readonly source: { readonly type: string; readonly id: string };
}

const ids = (values: readonly (number | string)[]) => JSON.stringify([...new Set(values)]);

export function entryFacts(db: Database, entries: readonly SourcedEntry[]): Map<number, EntryFacts> {
  const out = new Map<number, EntryFacts>();
  const add = (entryId: number, facts: EntryFacts) => out.set(entryId, { ...out.get(entryId), ...facts });
  const of = (type: string) => entries.filter((e) => e.source.type === type);

  const transfers = of('settlement-transfer');
  if (transfers.length > 0) {
    // The first line of the transfer (both sides of a member-to-member transfer share its code).
    const rows = db
      .prepare(
        `SELECT t.entry_id, s.name AS site_name, p.period_from, p.period_to, l.code, l.agreement_id, json_extract(l.explain_json, '$.of') AS adjusted_code
         FROM (SELECT json_extract(value, '$.entry') AS entry_id, json_extract(value, '$.period') AS period_id, json_extract(value, '$.transfer') AS transfer_no FROM json_each(?)) t
         JOIN settlement_periods p ON p.id = t.period_id JOIN sites s ON s.id = p.site_id
         JOIN settlement_lines l ON l.id = (SELECT id FROM settlement_lines WHERE period_id = t.period_id AND transfer_no = t.transfer_no ORDER BY position LIMIT 1)`,
      )
      .all(JSON.stringify(transfers.map((e) => ({ entry: e.id, period: Number(e.source.id.split(':')[0]), transfer: Number(e.source.id.split(':')[1]) })))) as {
      entry_id: number; site_name: string; period_from: string; period_to: string; code: string; agreement_id: number | null; adjusted_code: unknown;
    }[];
    for (const r of rows) {
      add(r.entry_id, { settlement: { siteName: r.site_name, periodFrom: r.period_from, periodTo: r.period_to, code: r.code, agreementId: r.agreement_id, adjustedCode: typeof r.adjusted_code === 'string' ? r.adjusted_code : null } });
    }
  }

  const payments = of('payment');
  if (payments.length > 0) {
    const rows = db.prepare(`SELECT journal_entry_id, method, reference FROM payments WHERE journal_entry_id IN (SELECT value FROM json_each(?))`).all(ids(payments.map((e) => e.id))) as { journal_entry_id: number; method: PaymentMethod; reference: string }[];
    for (const r of rows) add(r.journal_entry_id, { payment: { method: r.method, reference: r.reference } });
  }

  const resolutions = of('payment-resolution');
  if (resolutions.length > 0) {
    const rows = db
      .prepare(
        `SELECT r.journal_entry_id, p.method, p.reference, m.member_no FROM payment_resolutions r JOIN payments p ON p.id = r.payment_id JOIN members m ON m.id = r.member_id
         WHERE r.journal_entry_id IN (SELECT value FROM json_each(?))`,
      )
      .all(ids(resolutions.map((e) => e.id))) as { journal_entry_id: number; method: PaymentMethod; reference: string; member_no: string }[];
    for (const r of rows) add(r.journal_entry_id, { payment: { method: r.method, reference: r.reference }, assignedTo: r.member_no });
  }

  const redemptions = of('token-redemption');
  if (redemptions.length > 0) {
    const byRedemption = new Map(redemptions.map((e) => [Number(e.source.id), e.id]));
    const rows = db.prepare(`SELECT id, tokens FROM token_redemptions WHERE id IN (SELECT value FROM json_each(?))`).all(ids([...byRedemption.keys()])) as { id: number; tokens: number }[];
    // The token's unit as the tokens area shows it (3 decimals and GREEN before the chain is set up).
    const token = readChainSetup(db)?.greenToken;
    for (const r of rows) add(byRedemption.get(r.id) as number, { redemption: { tokens: r.tokens, decimals: token?.decimals ?? 3, symbol: token?.symbol ?? 'GREEN' } });
  }
  return out;
}
