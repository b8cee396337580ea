// Agreements: the list (kind and site filtered by the core; status filtered here so the by-status
// chart always shows every status of the chosen kind), and the agreement being worked on, whose
// signatures are polled while any of them (or the registration) still waits for the chain.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Agreement, AgreementAction, AgreementDetail, AgreementKind, AgreementParty, AgreementStatus, PartyRole, Signature, SignatureState } from '@contract';
import { useApi } from '../api/index.js';
import { useLatestLoad } from './filtered-list.js';

export interface AgreementFilters {
  kind: AgreementKind | null;
  status: AgreementStatus | null;
}

export const SIGNATURE_POLL_MS = 2_000;
/** The contract's statuses in lifecycle order (the renderer may only import types from the contract). */
export const AGREEMENT_STATUSES_LIST: readonly AgreementStatus[] = ['draft', 'proposed', 'signed', 'active', 'completed', 'terminated'];

export type PartySignatureState = SignatureState | 'missing';

export interface PartySignature {
  readonly memberId: number;
  readonly memberName: string;
  readonly memberNo: string;
  readonly roles: readonly PartyRole[];
  readonly state: PartySignatureState;
  /** Counts towards "signed" (on chain, or local-only under the local registrar). */
  readonly counted: boolean;
  readonly signature: Signature | null;
}

/** One row per party member (a member may hold two roles) with their newest signature on the current version. */
export function partySignatures(detail: AgreementDetail): PartySignature[] {
  const { agreement, signatures, awaiting } = detail;
  const byMember = new Map<number, { party: AgreementParty; roles: PartyRole[] }>();
  for (const party of agreement.parties) {
    const entry = byMember.get(party.memberId);
    if (entry) entry.roles.push(party.role);
    else byMember.set(party.memberId, { party, roles: [party.role] });
  }
  const waiting = new Set(awaiting);
  return [...byMember.values()].map(({ party, roles }) => {
    const mine = signatures.filter((s) => s.memberId === party.memberId && s.version === agreement.version);
    const newest = mine.reduce<Signature | null>((latest, s) => (latest === null || s.recordedAt >= latest.recordedAt ? s : latest), null);
    return {
      memberId: party.memberId,
      memberName: party.memberName,
      memberNo: party.memberNo,
      roles,
      state: newest?.state ?? 'missing',
      counted: newest !== null && !waiting.has(party.memberId) && newest.state !== 'failed' && newest.state !== 'pending_chain',
      signature: newest,
    };
  });
}

/** True while the chain has not yet answered for a signature or the registration. */
export function waitingForChain(detail: AgreementDetail): boolean {
  if (detail.agreement.registration.state === 'pending_chain') return true;
  return partySignatures(detail).some((p) => p.state === 'pending_chain');
}

/** True while a Multisig cancellation of an abandoned version waits to be sent or confirmed. */
export function cancellationPending(detail: AgreementDetail): boolean {
  return detail.cancellations.some((c) => c.state === 'pending');
}

export function countByStatus(rows: readonly Agreement[]): { status: AgreementStatus; count: number }[] {
  return AGREEMENT_STATUSES_LIST.map((status) => ({ status, count: rows.filter((row) => row.status === status).length }));
}

export const useAgreementsStore = defineStore('agreements', () => {
  const api = useApi();
  const filters = ref<AgreementFilters>({ kind: null, status: null });
  const rows = ref<readonly Agreement[]>([]);
  const { loading, error, fetch, drop } = useLatestLoad(
    () => api.call('agreements.list', { kind: filters.value.kind, limit: 5000 }),
    (page) => {
      rows.value = page.rows;
    },
  );
  const detail = ref<AgreementDetail | null>(null);
  let pollTimer: ReturnType<typeof setTimeout> | null = null;

  const shown = computed(() => (filters.value.status ? rows.value.filter((row) => row.status === filters.value.status) : [...rows.value]));
  const byStatus = computed(() => countByStatus(rows.value));

  function stopPolling() {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
  }

  function adopt(next: AgreementDetail) {
    detail.value = next;
    stopPolling();
    // Progress while the chain registrar confirms (or a cancellation goes out): re-read until nothing is pending.
    if (waitingForChain(next) || cancellationPending(next)) {
      pollTimer = setTimeout(() => {
        pollTimer = null;
        if (detail.value?.agreement.id === next.agreement.id) open(next.agreement.id).catch(() => undefined);
      }, SIGNATURE_POLL_MS);
    }
  }

  async function open(id: number): Promise<AgreementDetail> {
    const next = await api.call('agreements.get', { id });
    adopt(next);
    return next;
  }

  function close() {
    stopPolling();
    detail.value = null;
  }

  async function sign(memberId: number, passphrase: string): Promise<AgreementDetail> {
    const current = detail.value;
    if (!current) throw new Error('No agreement is open');
    const next = await api.call('agreements.sign', { id: current.agreement.id, memberId, passphrase });
    adopt(next);
    return next;
  }

  async function transition(action: AgreementAction, reason = ''): Promise<AgreementDetail> {
    const current = detail.value;
    if (!current) throw new Error('No agreement is open');
    await api.call('agreements.transition', { id: current.agreement.id, action, reason });
    return open(current.agreement.id);
  }

  /** Sends a failed registration again (the core refuses when parties already approved: withdraw and propose again then). */
  async function retryRegistration(): Promise<AgreementDetail> {
    const current = detail.value;
    if (!current) throw new Error('No agreement is open');
    await api.call('agreements.retryRegistration', { id: current.agreement.id });
    return open(current.agreement.id);
  }

  function reset() {
    drop();
    close();
    filters.value = { kind: null, status: null };
    rows.value = [];
  }

  return { filters, rows, shown, byStatus, loading, error, detail, fetch, open, close, sign, transition, retryRegistration, reset };
});
