// Cancelling the pending Multisig of an agreement version that left the signing path before it was
// registered (withdrawn, or terminated while proposed). The cooperative approved first and paid the
// Multisig deposit, so only it (the depositor) can cancel: multisig.cancelAsMulti returns the deposit.
//
// The decision is written in the SAME SQLite transaction as the status change (no half-written
// state); the chain work is sent later by MultisigCanceller, which asks the chain first, so it is
// idempotent and survives restarts and node outages.
//
// Storage: no migration is reserved for this, so each record is one JSON row of the generic
// key/value table `chain_state` (migration 0002), key `agreement-cancel:<agreementId>:<version>`.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { CancellationState, MultisigCancellation } from '../../contract/agreements.js';
import { CANCELLATION_STATES } from '../../contract/agreements.js';
import type { AgreementChainCall } from './agreement-chain-calls.js';

const KEY_PREFIX = 'agreement-cancel:';
const keyOf = (agreementId: number, version: number): string => `${KEY_PREFIX}${agreementId}:${version}`;

const Timepoint = z.object({ height: z.number().int().min(0), index: z.number().int().min(0) });
const StoredCancellation = z.object({
  agreementId: z.number().int().min(1),
  version: z.number().int().min(1),
  state: z.enum(CANCELLATION_STATES),
  cause: z.enum(['withdraw', 'terminate']),
  multisig: z.string().nullable(),
  callHash: z.string().nullable(),
  threshold: z.number().int().nullable(),
  signatories: z.array(z.string()),
  cooperative: z.string().nullable(),
  /** The Multisig's timepoint when the cancellation was decided: a newer Multisig of the same call is never cancelled. */
  timepoint: Timepoint.nullable(),
  decidedAt: z.string(),
  settledAt: z.string().nullable(),
  attempts: z.number().int().min(0),
  blockHash: z.string().nullable(),
  blockNumber: z.number().int().nullable(),
  extrinsicHash: z.string().nullable(),
  errorName: z.string().nullable(),
  note: z.string().nullable(),
});
export type StoredCancellation = z.output<typeof StoredCancellation>;

/** States the canceller still works on. */
export const isOpen = (state: CancellationState): boolean => state === 'pending';

/**
 * What to record when a proposed version is abandoned. Pure. Null = nothing to record (the version
 * never went near a chain: local-only registrar and no registering call).
 */
export function planCancellation(input: {
  readonly agreementId: number;
  readonly version: number;
  readonly cause: 'withdraw' | 'terminate';
  readonly call: AgreementChainCall | null;
  readonly registrar: string | null;
  readonly at: string;
}): StoredCancellation | null {
  const { call } = input;
  const base = {
    agreementId: input.agreementId,
    version: input.version,
    cause: input.cause,
    multisig: call?.multisig ?? null,
    callHash: call?.callHash ?? null,
    threshold: call?.threshold ?? null,
    signatories: call ? [...call.signatories] : [],
    cooperative: call?.cooperative ?? null,
    timepoint: call?.timepoint ? { ...call.timepoint } : null,
    decidedAt: input.at,
    settledAt: null,
    attempts: 0,
    blockHash: null,
    blockNumber: null,
    extrinsicHash: null,
    errorName: null,
  };
  if (!call) {
    if (input.registrar !== 'chain-multisig') return null;
    return { ...base, state: 'not_needed', settledAt: input.at, note: 'No Multisig was created on chain for this version (the cooperative never approved a registering call), so nothing was sent.' };
  }
  if (call.executed) {
    return { ...base, state: 'not_needed', settledAt: input.at, note: `The registering call already ran in block ${call.executed.blockNumber}; nothing waits on chain, so nothing was sent.` };
  }
  return { ...base, state: 'pending', note: null };
}

/** What the chain shows for the abandoned call when the canceller looks. */
export type ObservedMultisig =
  | { readonly kind: 'executed'; readonly at: { blockHash: string; blockNumber: number; extrinsicHash: string } | null }
  | { readonly kind: 'absent'; readonly cancelled: { blockHash: string; blockNumber: number; extrinsicHash: string } | null }
  | { readonly kind: 'pending'; readonly timepoint: { height: number; index: number }; readonly depositor: string };

export type CancellationStep =
  | { readonly kind: 'send'; readonly timepoint: { height: number; index: number } }
  | { readonly kind: 'settle'; readonly patch: Partial<StoredCancellation> & { state: CancellationState } };

/** Decides from the chain what the canceller does next: send the cancellation, or settle without sending. Pure. */
export function cancellationStep(record: StoredCancellation, observed: ObservedMultisig, at: string): CancellationStep {
  const placed = (p: { blockHash: string; blockNumber: number; extrinsicHash: string } | null) => ({ blockHash: p?.blockHash ?? null, blockNumber: p?.blockNumber ?? null, extrinsicHash: p?.extrinsicHash ?? null });
  if (observed.kind === 'executed') {
    const where = observed.at ? ` in block ${observed.at.blockNumber}` : '';
    return {
      kind: 'settle',
      patch: { state: 'executed_first', settledAt: at, ...placed(observed.at), note: `The last approval ran the registering call${where} before the cancellation went out: version ${record.version} is registered on chain although it was abandoned here. The Multisig deposit was returned when it ran. Proposing the same version again adopts that registration.` },
    };
  }
  if (observed.kind === 'absent') {
    // Sent before (attempts > 0) and cancelled: our send landed though its answer was lost.
    if (observed.cancelled && record.attempts > 0) return { kind: 'settle', patch: { state: 'done', settledAt: at, ...placed(observed.cancelled), note: 'Cancelled on chain; the deposit was returned to the cooperative.' } };
    if (observed.cancelled) return { kind: 'settle', patch: { state: 'not_needed', settledAt: at, ...placed(observed.cancelled), note: `The Multisig had already been cancelled on chain (block ${observed.cancelled.blockNumber}), so nothing was sent.` } };
    return { kind: 'settle', patch: { state: 'not_needed', settledAt: at, note: 'The Multisig was no longer waiting on chain (never created, cancelled or completed elsewhere), so nothing was sent.' } };
  }
  if (record.timepoint && (record.timepoint.height !== observed.timepoint.height || record.timepoint.index !== observed.timepoint.index)) {
    return { kind: 'settle', patch: { state: 'superseded', settledAt: at, note: `A newer Multisig of the same call (opened at ${observed.timepoint.height}/${observed.timepoint.index}) is waiting: it belongs to a later proposal and is left alone.` } };
  }
  if (record.cooperative && observed.depositor !== record.cooperative) {
    return { kind: 'settle', patch: { state: 'failed', settledAt: at, errorName: 'multisig.NotOwner', note: `Only the depositor (${observed.depositor}) can cancel this Multisig; the cooperative (${record.cooperative}) cannot. Ask them to cancel it from their wallet.` } };
  }
  return { kind: 'send', timepoint: observed.timepoint };
}

export function toContract(r: StoredCancellation): MultisigCancellation {
  return {
    version: r.version,
    state: r.state,
    cause: r.cause,
    multisig: r.multisig,
    callHash: r.callHash,
    decidedAt: r.decidedAt,
    settledAt: r.settledAt,
    attempts: r.attempts,
    blockHash: r.blockHash,
    blockNumber: r.blockNumber,
    extrinsicHash: r.extrinsicHash,
    errorName: r.errorName,
    note: r.note,
  };
}

export class MultisigCancellations {
  constructor(private readonly db: Database) {}

  get(agreementId: number, version: number): StoredCancellation | null {
    const row = this.db.prepare('SELECT value FROM chain_state WHERE key = ?').get(keyOf(agreementId, version)) as { value: string } | undefined;
    return row ? parse(row.value) : null;
  }

  /** Every record of one agreement, newest version first. */
  forAgreement(agreementId: number): StoredCancellation[] {
    const rows = this.db.prepare('SELECT value FROM chain_state WHERE key LIKE ? ORDER BY updated_at DESC').all(`${KEY_PREFIX}${agreementId}:%`) as { value: string }[];
    return rows.map((r) => parse(r.value)).filter((r) => r.agreementId === agreementId).sort((a, b) => b.version - a.version);
  }

  /** Records the canceller still has to work on, oldest decision first. */
  open(): StoredCancellation[] {
    const rows = this.db.prepare(`SELECT value FROM chain_state WHERE key LIKE '${KEY_PREFIX}%' ORDER BY updated_at`).all() as { value: string }[];
    return rows.map((r) => parse(r.value)).filter((r) => isOpen(r.state));
  }

  /** Writes a new decision (a version abandoned again after a re-proposal starts afresh). */
  put(record: StoredCancellation, at: string): void {
    this.db
      .prepare('INSERT INTO chain_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(keyOf(record.agreementId, record.version), JSON.stringify(StoredCancellation.parse(record)), at);
  }

  update(agreementId: number, version: number, patch: Partial<StoredCancellation>, at: string): StoredCancellation | null {
    const current = this.get(agreementId, version);
    if (!current) return null;
    const next = { ...current, ...patch, agreementId, version };
    this.put(next, at);
    return next;
  }
}

function parse(value: string): StoredCancellation {
  return StoredCancellation.parse(JSON.parse(value));
}
