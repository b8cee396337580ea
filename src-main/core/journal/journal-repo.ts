// The journal in SQLite: posting (all or nothing, nesting inside a caller's transaction), reversing,
// and the balances and charges read back. The rules of what may be posted live in rules.ts.
import type { Database, Statement } from 'better-sqlite3';
import { accountKey, isIsoDate, reversalKindOf, reversingLines, validateAccountRef, validateEntry, validateReversalReason } from './rules.js';
import { JournalError, type AccountKind, type AccountRef, type ChargeCode, type ChargeInfo, type EntryKind, type JournalEntryInput, type JournalLineInput, type PostedCharge } from './types.js';

export interface JournalWriteOptions {
  /** Clock for created_at (and a reversal's default date); the system clock when absent. */
  readonly now?: () => Date;
}

export interface ReverseEntryOptions extends JournalWriteOptions {
  /** The day the reversal belongs to (YYYY-MM-DD); today (UTC) when absent. */
  readonly effectiveDate?: string;
}

// Prepared once per database: posting a settlement writes tens of thousands of lines, and preparing
// a statement per line cost more than the inserts themselves.
const statementCache = new WeakMap<Database, Map<string, Statement>>();
function statement(db: Database, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

interface AccountRow {
  id: number;
  kind: AccountKind;
  member_id: number | null;
}

export function accountRefOf(row: { kind: AccountKind; member_id: number | null }): AccountRef {
  return row.kind === 'member' ? { kind: 'member', memberId: row.member_id ?? 0 } : ({ kind: row.kind } as AccountRef);
}

/** The id of the account `ref` names, or null when nothing was ever posted to it. */
export function findAccountId(db: Database, ref: AccountRef): number | null {
  const row = statement(db, `SELECT id FROM journal_accounts WHERE kind = ? AND IFNULL(member_id, 0) = ?`)
    .get(ref.kind, ref.kind === 'member' ? ref.memberId : 0) as { id: number } | undefined;
  return row?.id ?? null;
}

function ensureAccountId(db: Database, ref: AccountRef, createdAt: string, where: string): number {
  const existing = findAccountId(db, ref);
  if (existing !== null) return existing;
  if (ref.kind === 'member' && statement(db, `SELECT 1 FROM members WHERE id = ?`).get(ref.memberId) === undefined) {
    throw new JournalError('UNKNOWN_ACCOUNT', `${where}: there is no member with id ${ref.memberId}.`, { where, memberId: ref.memberId });
  }
  const result = statement(db, `INSERT INTO journal_accounts (kind, member_id, created_at) VALUES (?, ?, ?)`)
    .run(ref.kind, ref.kind === 'member' ? ref.memberId : null, createdAt);
  return Number(result.lastInsertRowid);
}

/** What one posting call already looked up: account ids by key and operators known to exist. */
interface PostingContext {
  readonly createdAt: string;
  readonly deltas: Map<number, { debit: number; credit: number; lines: number }>;
  readonly accountIds: Map<string, number>;
  readonly operators: Set<number>;
  readonly agreements: Set<number>;
}

function postingContext(createdAt: string): PostingContext {
  return { createdAt, deltas: new Map(), accountIds: new Map(), operators: new Set(), agreements: new Set() };
}

interface Reversal {
  readonly entryId: number;
  readonly reason: string;
}

/** Writes one validated entry and adds its lines to the context's deltas; returns its id. Caller holds the transaction. */
function insertEntry(
  db: Database,
  entry: JournalEntryInput,
  context: PostingContext,
  where: string,
  reversal?: Reversal,
): number {
  const { createdAt, deltas } = context;
  if (entry.createdBy !== null && !context.operators.has(entry.createdBy)) {
    if (statement(db, `SELECT 1 FROM operators WHERE id = ?`).get(entry.createdBy) === undefined) {
      throw new JournalError('BAD_INPUT', `${where}: there is no operator with id ${entry.createdBy}.`, { where });
    }
    context.operators.add(entry.createdBy);
  }
  const entryId = Number(
    statement(
      db,
      `INSERT INTO journal_entries (kind, source_type, source_id, memo, idempotency_key, effective_date, reverses_entry_id, reversal_reason, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(entry.kind, entry.source.type, entry.source.id, entry.memo, entry.idempotencyKey ?? null, entry.effectiveDate,
        reversal?.entryId ?? null, reversal?.reason ?? null, createdAt, entry.createdBy).lastInsertRowid,
  );
  const insertLine = statement(
    db,
    `INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit, memo, charge_code, charge_agreement_id, charge_instalment_no, charge_due_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  entry.lines.forEach((line, i) => {
    const lineWhere = `${where}, line ${i + 1}`;
    const key = accountKey(line.account);
    let accountId = context.accountIds.get(key);
    if (accountId === undefined) context.accountIds.set(key, (accountId = ensureAccountId(db, line.account, createdAt, lineWhere)));
    const agreementId = line.charge?.agreementId;
    if (agreementId !== undefined && !context.agreements.has(agreementId)) {
      if (statement(db, `SELECT 1 FROM agreements WHERE id = ?`).get(agreementId) === undefined) {
        throw new JournalError('BAD_INPUT', `${lineWhere}: there is no agreement with id ${agreementId}.`, { where: lineWhere });
      }
      context.agreements.add(agreementId);
    }
    insertLine.run(entryId, i + 1, accountId, line.debit, line.credit, line.memo ?? null, line.charge?.code ?? null,
      line.charge?.agreementId ?? null, line.charge?.instalmentNo ?? null, line.charge?.dueDate ?? null);
    const delta = deltas.get(accountId) ?? { debit: 0, credit: 0, lines: 0 };
    delta.debit += line.debit;
    delta.credit += line.credit;
    delta.lines += 1;
    deltas.set(accountId, delta);
  });
  return entryId;
}

/** Adds the posted lines to the cached balances, one write per account touched. */
function applyDeltas(db: Database, deltas: Map<number, { debit: number; credit: number; lines: number }>): void {
  const upsert = statement(
    db,
    `INSERT INTO journal_balances (account_id, debit_total, credit_total, line_count) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET debit_total = debit_total + excluded.debit_total,
       credit_total = credit_total + excluded.credit_total, line_count = line_count + excluded.line_count`,
  );
  for (const [accountId, delta] of deltas) upsert.run(accountId, delta.debit, delta.credit, delta.lines);
}

/**
 * Posts entries all or nothing and returns their ids in order. Each entry is checked before anything
 * is written. Inside a caller's transaction it nests as a savepoint, so a refusal undoes only this
 * call and the caller decides. An entry whose idempotency key was posted before returns the first
 * entry's id and writes nothing.
 */
export function postEntries(db: Database, entries: JournalEntryInput[], options: JournalWriteOptions = {}): number[] {
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new JournalError('EMPTY', 'There is nothing to post: no entries were given.');
  }
  const clean = entries.map((entry, index) => validateEntry(entry, index));
  const createdAt = (options.now?.() ?? new Date()).toISOString();
  const byKey = statement(db, `SELECT id FROM journal_entries WHERE idempotency_key = ?`);
  const post = db.transaction((): number[] => {
    const context = postingContext(createdAt);
    const ids = clean.map((entry, index) => {
      if (entry.idempotencyKey !== undefined) {
        const existing = byKey.get(entry.idempotencyKey) as { id: number } | undefined;
        if (existing) return existing.id;
      }
      return insertEntry(db, entry, context, `Entry ${index + 1}`);
    });
    applyDeltas(db, context.deltas);
    return ids;
  });
  return post.immediate();
}

interface EntryRow {
  id: number;
  kind: EntryKind;
  source_type: string;
  source_id: string;
  memo: string;
  effective_date: string;
  reverses_entry_id: number | null;
}

interface LineRow {
  kind: AccountKind;
  member_id: number | null;
  debit: number;
  credit: number;
  memo: string | null;
}

/**
 * Cancels a posted entry with a reversing entry (every line mirrored), recording who and why.
 * Refuses an unknown entry, a second reversal of the same entry, and the reversal of a reversal.
 */
export function reverseEntry(db: Database, entryId: number, reason: string, by: number | null, options: ReverseEntryOptions = {}): number {
  const why = validateReversalReason(reason);
  if (!Number.isSafeInteger(entryId) || entryId <= 0) {
    throw new JournalError('NOT_FOUND', `There is no journal entry ${String(entryId)}.`, { entryId: String(entryId) });
  }
  const now = options.now?.() ?? new Date();
  const effectiveDate = options.effectiveDate ?? now.toISOString().slice(0, 10);
  if (!isIsoDate(effectiveDate)) {
    throw new JournalError('BAD_INPUT', `"${effectiveDate}" is not a date (YYYY-MM-DD).`);
  }
  const reverse = db.transaction((): number => {
    const original = statement(db, `SELECT id, kind, source_type, source_id, memo, effective_date, reverses_entry_id FROM journal_entries WHERE id = ?`).get(entryId) as EntryRow | undefined;
    if (!original) throw new JournalError('NOT_FOUND', `There is no journal entry ${entryId}.`, { entryId });
    if (original.reverses_entry_id !== null) {
      throw new JournalError('IS_REVERSAL', `Entry ${entryId} is itself a reversal and cannot be reversed; post a new entry instead.`, { entryId });
    }
    const earlier = statement(db, `SELECT id FROM journal_entries WHERE reverses_entry_id = ?`).get(entryId) as { id: number } | undefined;
    if (earlier) {
      throw new JournalError('ALREADY_REVERSED', `Entry ${entryId} was already reversed by entry ${earlier.id}; nothing was posted.`, { entryId, reversedBy: earlier.id });
    }
    const lines = (statement(db, `SELECT a.kind, a.member_id, l.debit, l.credit, l.memo FROM journal_lines l JOIN journal_accounts a ON a.id = l.account_id WHERE l.entry_id = ? ORDER BY l.line_no`)
      .all(entryId) as LineRow[]).map((row): JournalLineInput => ({
      account: accountRefOf(row),
      debit: row.debit,
      credit: row.credit,
      ...(row.memo !== null ? { memo: row.memo } : {}),
    }));
    const entry = validateEntry({
      kind: reversalKindOf(original.kind),
      source: { type: 'journal-entry', id: String(entryId) },
      memo: `Reversal of entry ${entryId}: ${why}`.slice(0, 500),
      effectiveDate,
      lines: reversingLines(lines),
      createdBy: by,
    });
    const context = postingContext(now.toISOString());
    const id = insertEntry(db, entry, context, 'Reversal', { entryId, reason: why });
    applyDeltas(db, context.deltas);
    return id;
  });
  return reverse.immediate();
}

/** The account's balance in minor units: credits − debits (0 for an account never posted to). */
export function accountBalance(db: Database, ref: AccountRef): number {
  const account = validateAccountRef(ref, 'Balance');
  const row = statement(
    db,
    `SELECT b.credit_total - b.debit_total AS balance FROM journal_balances b JOIN journal_accounts a ON a.id = b.account_id
     WHERE a.kind = ? AND IFNULL(a.member_id, 0) = ?`,
  ).get(account.kind, account.kind === 'member' ? account.memberId : 0) as { balance: number } | undefined;
  return row?.balance ?? 0;
}

interface ChargeRow {
  entry_id: number;
  line_id: number;
  kind: EntryKind;
  effective_date: string;
  source_type: string;
  source_id: string;
  debit: number;
  credit: number;
  memo: string | null;
  charge_code: ChargeCode;
  charge_agreement_id: number | null;
  charge_instalment_no: number | null;
  charge_due_date: string | null;
  reversed_by: number | null;
}

/** The charge a stored line records (its charge_* columns), optional fields left out when empty. */
export function chargeOfRow(row: { charge_code: ChargeCode; charge_agreement_id: number | null; charge_instalment_no: number | null; charge_due_date: string | null }): ChargeInfo {
  return {
    code: row.charge_code,
    ...(row.charge_agreement_id !== null ? { agreementId: row.charge_agreement_id } : {}),
    ...(row.charge_instalment_no !== null ? { instalmentNo: row.charge_instalment_no } : {}),
    ...(row.charge_due_date !== null ? { dueDate: row.charge_due_date } : {}),
  };
}

/** Every charge line on the member's account, oldest first, each saying whether it was reversed. */
export function memberCharges(db: Database, memberId: number): PostedCharge[] {
  const rows = statement(
    db,
    `SELECT e.id AS entry_id, l.id AS line_id, e.kind, e.effective_date, e.source_type, e.source_id, l.debit, l.credit, l.memo,
            l.charge_code, l.charge_agreement_id, l.charge_instalment_no, l.charge_due_date, r.id AS reversed_by
     FROM journal_lines l
     JOIN journal_accounts a ON a.id = l.account_id AND a.kind = 'member' AND a.member_id = ?
     JOIN journal_entries e ON e.id = l.entry_id
     LEFT JOIN journal_entries r ON r.reverses_entry_id = e.id
     WHERE l.charge_code IS NOT NULL
     ORDER BY e.effective_date, e.id, l.line_no`,
  ).all(memberId) as ChargeRow[];
  return rows.map((row) => ({
    entryId: row.entry_id,
    lineId: row.line_id,
    entryKind: row.kind,
    effectiveDate: row.effective_date,
    source: { type: row.source_type, id: row.source_id },
    amount: row.debit - row.credit,
    debit: row.debit,
    credit: row.credit,
    memo: row.memo,
    charge: chargeOfRow(row),
    reversed: row.reversed_by !== null,
    reversedByEntryId: row.reversed_by,
  }));
}

/** A live charge as a list over the cooperative needs it: what it charged and when it fell due. */
export interface LiveCharge {
  readonly amount: number;
  readonly effectiveDate: string;
  /** The line's own due date, or null (then the list's rule decides). */
  readonly dueDate: string | null;
}

/**
 * The charge lines of many members in ONE query, for lists over the cooperative (the overdue list)
 * that used to call memberCharges once per member (~1,000 queries): by member id, the lines
 * memberCharges returns that are not reversed and charge something (debit > credit), in its order.
 * Lean rows (three fields), because building full PostedCharge objects for 24,000 lines cost more
 * than the query. `memberIds` limits the result to those members.
 */
export function liveChargesByMember(db: Database, memberIds: ReadonlySet<number>): Map<number, LiveCharge[]> {
  const rows = statement(
    db,
    `SELECT a.member_id, l.debit - l.credit, e.effective_date, l.charge_due_date
     FROM journal_accounts a
     JOIN journal_lines l ON l.account_id = a.id
     JOIN journal_entries e ON e.id = l.entry_id
     WHERE a.kind = 'member' AND l.charge_code IS NOT NULL AND l.debit > l.credit
       AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_entry_id = e.id)
     ORDER BY a.member_id, e.effective_date, e.id, l.line_no`,
  ).raw().all() as [number, number, string, string | null][];
  const byMember = new Map<number, LiveCharge[]>();
  for (const [memberId, amount, effectiveDate, dueDate] of rows) {
    if (!memberIds.has(memberId)) continue;
    let list = byMember.get(memberId);
    if (!list) byMember.set(memberId, (list = []));
    list.push({ amount, effectiveDate, dueDate });
  }
  return byMember;
}

export { accountKey };
