// The facts an entry's description needs from its source row (entry-description.ts), read for a page
// of entries at once: the settlement line and period of a settlement transfer, the payment a payment
// entry booked or a resolution assigned, the tokens of a redemption, and for a reversal what the
// entry it cancels was. Read-only SQL.
import type { Database } from 'better-sqlite3';
import type { PaymentMethod } from '../../contract/payments.js';
import { readChainSetup } from '../chain/bootstrap.js';
import { receiptNo } from '../payments/receipt-number.js';
import type { AccountKind, EntryDescription, EntryKind } from '../../contract/journal.js';
import { describeEntry, type DescribedEntry, type EntryFacts } from './entry-description.js';
import { accountRefOf } from './journal-repo.js';

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
    const rows = db.prepare(`SELECT id, journal_entry_id, method, reference FROM payments WHERE journal_entry_id IN (SELECT value FROM json_each(?))`).all(ids(payments.map((e) => e.id))) as { id: number; journal_entry_id: number; method: PaymentMethod; reference: string }[];
    for (const r of rows) add(r.journal_entry_id, { payment: { method: r.method, reference: r.reference, receiptNo: receiptNo(r.id) } });
  }

  const resolutions = of('payment-resolution');
  if (resolutions.length > 0) {
    const rows = db
      .prepare(
        `SELECT r.journal_entry_id, p.id, p.method, p.reference, m.member_no FROM payment_resolutions r JOIN payments p ON p.id = r.payment_id JOIN members m ON m.id = r.member_id
         WHERE r.journal_entry_id IN (SELECT value FROM json_each(?))`,
      )
      .all(ids(resolutions.map((e) => e.id))) as { journal_entry_id: number; id: number; method: PaymentMethod; reference: string; member_no: string }[];
    for (const r of rows) add(r.journal_entry_id, { payment: { method: r.method, reference: r.reference, receiptNo: receiptNo(r.id) }, assignedTo: r.member_no });
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

/** The descriptions of a page of entries, keyed by entry id; a reversal says what it cancelled. */
export function describeEntries(db: Database, entries: readonly (DescribedEntry & { readonly id: number })[]): Map<number, EntryDescription> {
  const originals = storedEntries(db, entries.flatMap((e) => (e.reversesEntryId !== null ? [e.reversesEntryId] : [])));
  const originalFacts = entryFacts(db, [...originals.values()]);
  const facts = entryFacts(db, entries);
  return new Map(
    entries.map((entry) => {
      const original = entry.reversesEntryId !== null ? originals.get(entry.reversesEntryId) : undefined;
      const reversed = original ? { reversed: describeEntry(original, originalFacts.get(original.id)) } : {};
      return [entry.id, describeEntry(entry, { ...facts.get(entry.id), ...reversed })];
    }),
  );
}

/** Entries by id with the lines a description reads (accounts and amounts). */
function storedEntries(db: Database, entryIds: readonly number[]): Map<number, DescribedEntry & { readonly id: number }> {
  if (entryIds.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT id, kind, source_type, source_id, reverses_entry_id, reversal_reason FROM journal_entries WHERE id IN (SELECT value FROM json_each(?))`)
    .all(ids(entryIds)) as { id: number; kind: EntryKind; source_type: string; source_id: string; reverses_entry_id: number | null; reversal_reason: string | null }[];
  const lines = db
    .prepare(`SELECT l.entry_id, a.kind, a.member_id, l.debit, l.credit FROM journal_lines l JOIN journal_accounts a ON a.id = l.account_id WHERE l.entry_id IN (SELECT value FROM json_each(?)) ORDER BY l.entry_id, l.line_no`)
    .all(ids(entryIds)) as { entry_id: number; kind: AccountKind; member_id: number | null; debit: number; credit: number }[];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id, kind: r.kind, source: { type: r.source_type, id: r.source_id }, reversesEntryId: r.reverses_entry_id, reversalReason: r.reversal_reason,
        lines: lines.filter((l) => l.entry_id === r.id).map((l) => ({ account: accountRefOf(l), debit: l.debit, credit: l.credit })),
      },
    ]),
  );
}
