// Pure rules of the journal: what a postable entry is, how an account is named, what cancels an
// entry. No I/O here, so each rule is tested on its own; journal-repo.ts does the SQLite around it.
import {
  ACCOUNT_KINDS,
  CHARGE_CODES,
  ENTRY_KINDS,
  JournalError,
  type AccountRef,
  type ChargeInfo,
  type JournalEntryInput,
  type JournalLineInput,
} from './types.js';

const MAX_TEXT = 500;
const MAX_REASON = 500;

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isPositiveId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** The one text key of an account, stable across calls ('member:12', 'cash' …). */
export function accountKey(ref: AccountRef): string {
  return ref.kind === 'member' ? `member:${ref.memberId}` : ref.kind;
}

/** Checks an account reference a caller handed in; throws UNKNOWN_ACCOUNT when it names none. */
export function validateAccountRef(ref: unknown, where: string): AccountRef {
  const candidate = ref as { kind?: unknown; memberId?: unknown } | null;
  const kind = candidate?.kind;
  if (typeof kind !== 'string' || !(ACCOUNT_KINDS as readonly string[]).includes(kind)) {
    throw new JournalError('UNKNOWN_ACCOUNT', `${where}: "${String(kind)}" is not an account of the journal.`, { where, kind: String(kind) });
  }
  if (kind === 'member') {
    if (!isPositiveId(candidate?.memberId)) {
      throw new JournalError('UNKNOWN_ACCOUNT', `${where}: a member account needs the member's id.`, { where });
    }
    return { kind: 'member', memberId: candidate.memberId };
  }
  return { kind } as AccountRef;
}

function validateCharge(charge: ChargeInfo, ref: AccountRef, where: string): ChargeInfo {
  if (ref.kind !== 'member') {
    throw new JournalError('BAD_INPUT', `${where}: a charge can only be recorded on a member's account.`, { where });
  }
  if (!(CHARGE_CODES as readonly string[]).includes(charge.code)) {
    throw new JournalError('BAD_INPUT', `${where}: "${String(charge.code)}" is not a kind of charge.`, { where });
  }
  if (charge.agreementId !== undefined && !isPositiveId(charge.agreementId)) {
    throw new JournalError('BAD_INPUT', `${where}: the charge's agreement id must be a positive whole number.`, { where });
  }
  if (charge.instalmentNo !== undefined && !isPositiveId(charge.instalmentNo)) {
    throw new JournalError('BAD_INPUT', `${where}: the instalment number must be 1 or more.`, { where });
  }
  if (charge.dueDate !== undefined && !isIsoDate(charge.dueDate)) {
    throw new JournalError('BAD_INPUT', `${where}: the due date "${String(charge.dueDate)}" is not a date (YYYY-MM-DD).`, { where });
  }
  return { ...charge };
}

function validateLine(line: JournalLineInput, where: string): JournalLineInput {
  const account = validateAccountRef(line?.account, where);
  for (const [name, value] of [['debit', line.debit], ['credit', line.credit]] as const) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new JournalError('BAD_AMOUNT', `${where}: the ${name} must be a whole number of minor units, zero or more (got ${String(value)}).`, { where, field: name });
    }
  }
  if ((line.debit > 0) === (line.credit > 0)) {
    throw new JournalError('BAD_AMOUNT', `${where}: a line has either a debit or a credit, not both and not neither.`, { where });
  }
  if (line.memo !== undefined && (typeof line.memo !== 'string' || line.memo.length > MAX_TEXT)) {
    throw new JournalError('BAD_INPUT', `${where}: the line's note must be text of at most ${MAX_TEXT} characters.`, { where });
  }
  const charge = line.charge === undefined ? undefined : validateCharge(line.charge, account, where);
  return { account, debit: line.debit, credit: line.credit, ...(line.memo !== undefined ? { memo: line.memo } : {}), ...(charge ? { charge } : {}) };
}

/**
 * Checks one entry and returns a clean copy; throws the first problem as a JournalError.
 * Balanced means Σ debits = Σ credits > 0 with at least one line on each side.
 */
export function validateEntry(entry: JournalEntryInput, index = 0): JournalEntryInput {
  const where = `Entry ${index + 1}`;
  if (!(ENTRY_KINDS as readonly string[]).includes(entry?.kind)) {
    throw new JournalError('BAD_INPUT', `${where}: "${String(entry?.kind)}" is not a kind of entry.`, { where });
  }
  const source = entry.source;
  if (typeof source?.type !== 'string' || source.type.length < 1 || source.type.length > 64 ||
      typeof source.id !== 'string' || source.id.length < 1 || source.id.length > 128) {
    throw new JournalError('BAD_INPUT', `${where}: the entry must say where it comes from (a source type and id).`, { where });
  }
  if (typeof entry.memo !== 'string' || entry.memo.length > MAX_TEXT) {
    throw new JournalError('BAD_INPUT', `${where}: the note must be text of at most ${MAX_TEXT} characters.`, { where });
  }
  if (entry.idempotencyKey !== undefined &&
      (typeof entry.idempotencyKey !== 'string' || entry.idempotencyKey.length < 1 || entry.idempotencyKey.length > 200)) {
    throw new JournalError('BAD_INPUT', `${where}: the idempotency key must be text of 1 to 200 characters.`, { where });
  }
  if (!isIsoDate(entry.effectiveDate)) {
    throw new JournalError('BAD_INPUT', `${where}: "${String(entry.effectiveDate)}" is not a date (YYYY-MM-DD).`, { where });
  }
  if (entry.createdBy !== null && !isPositiveId(entry.createdBy)) {
    throw new JournalError('BAD_INPUT', `${where}: the operator who posts must be an operator id or nobody (null).`, { where });
  }
  if (!Array.isArray(entry.lines) || entry.lines.length === 0) {
    throw new JournalError('EMPTY', `${where} has no lines; an entry moves money from at least one account to another.`, { where });
  }
  const lines = entry.lines.map((line, i) => validateLine(line, `${where}, line ${i + 1}`));
  const debits = lines.reduce((sum, l) => sum + BigInt(l.debit), 0n);
  const credits = lines.reduce((sum, l) => sum + BigInt(l.credit), 0n);
  if (debits > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new JournalError('BAD_AMOUNT', `${where}: the entry's total is too large to be kept exactly.`, { where });
  }
  if (debits !== credits) {
    throw new JournalError('UNBALANCED', `${where} does not balance: debits ${debits} ≠ credits ${credits} (minor units). Nothing was posted.`, {
      where,
      debits: Number(debits),
      credits: Number(credits),
    });
  }
  return {
    kind: entry.kind,
    source: { type: source.type, id: source.id },
    memo: entry.memo,
    ...(entry.idempotencyKey !== undefined ? { idempotencyKey: entry.idempotencyKey } : {}),
    effectiveDate: entry.effectiveDate,
    lines,
    createdBy: entry.createdBy,
  };
}

/** A reversal needs a reason a person wrote: trimmed, 1 to 500 characters. */
export function validateReversalReason(reason: unknown): string {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed.length === 0 || trimmed.length > MAX_REASON) {
    throw new JournalError('REASON_REQUIRED', `A reversal needs a reason (1 to ${MAX_REASON} characters) so the books say why.`);
  }
  return trimmed;
}

/** The lines that cancel `lines`: each debit becomes a credit of the same amount and vice versa.
 *  Charge fields are not copied: a reversal charges nothing, it cancels (memberCharges marks the
 *  original as reversed). */
export function reversingLines(lines: readonly JournalLineInput[]): JournalLineInput[] {
  return lines.map((line) => ({
    account: line.account,
    debit: line.credit,
    credit: line.debit,
    ...(line.memo !== undefined ? { memo: line.memo } : {}),
  }));
}

/** The kind of the entry that reverses an entry of `kind`. */
export function reversalKindOf(kind: JournalEntryInput['kind']): 'payment-reversal' | 'reversal' {
  return kind === 'payment' ? 'payment-reversal' : 'reversal';
}
