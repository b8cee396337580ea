// Agreements store: who has signed and who is missing, polling while the chain has not answered,
// and the by-status counts over every status of the chosen kind.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Agreement, AgreementDetail, MultisigCancellation, Signature, SignatureState } from '@contract';
import { provideApi } from '../api/index.js';
import { cancellationPending, countByStatus, partySignatures, SIGNATURE_POLL_MS, useAgreementsStore, waitingForChain } from './agreements.js';
import { scriptedApi } from './test-api.js';

const agreement = (id: number, status: Agreement['status'] = 'proposed', registration: Agreement['registration']['state'] = 'local_only'): Agreement => ({
  id, kind: 'hosted_lease', status, title: 'Lease', siteId: 1, siteName: 'Mto', equipmentId: 5, version: 2,
  terms: { kind: 'hosted_lease', equipmentId: 5, ownerMemberId: 1, hostMemberId: 2, startsOn: '2026-04-01', termYears: 10, energyRateMilliPerKwh: 1, rentShareBps: 1, surplusOwnerBps: 1, endOfTerm: 'equipment_returns_to_owner', notes: '' },
  termsHash: 'ab'.repeat(32),
  parties: [
    { memberId: 1, memberNo: 'M-1', memberName: 'Otieno', role: 'owner' },
    { memberId: 2, memberNo: 'M-2', memberName: 'Wanjiru', role: 'host' },
    { memberId: 3, memberNo: 'M-3', memberName: 'County', role: 'government' },
  ],
  endsOn: '2036-04-01', endReason: '',
  registration: { registrar: 'local-only', state: registration, collectionId: null, itemId: null, callHash: null, blockHash: null, blockNumber: null, extrinsicHash: null, failure: null },
  ownerListingId: null, hostListingId: null, createdAt: '', updatedAt: '', proposedAt: null, signedAt: null, activatedAt: null, endedAt: null,
});
const sig = (memberId: number, state: SignatureState, version = 2, recordedAt = '2026-03-02T08:00:00Z'): Signature => ({
  memberId, memberName: `m${memberId}`, version, state, registrar: 'x', recordedAt, confirmedAt: null, blockHash: null, extrinsicHash: null, failure: state === 'failed' ? 'Bad passphrase' : null,
});
const detail = (signatures: Signature[], awaiting: number[], reg: Agreement['registration']['state'] = 'local_only'): AgreementDetail => ({
  agreement: agreement(7, 'proposed', reg), versions: [], signatures, awaiting, allowedActions: ['withdraw', 'terminate'], instalments: [], history: [], multisig: null, cancellations: [], registrationRetry: null,
});
const cancelled = (state: MultisigCancellation['state']): AgreementDetail => ({
  ...detail([], [], 'unregistered'),
  agreement: agreement(7, 'draft', 'unregistered'),
  cancellations: [{ version: 2, state, cause: 'withdraw', multisig: '5M', callHash: '0xab', decidedAt: '2026-03-02T08:00:00Z', settledAt: null, attempts: 0, blockHash: null, blockNumber: null, extrinsicHash: null, errorName: null, note: null }],
});

describe('partySignatures', () => {
  it('gives each party the newest signature on the current version; older versions do not count', () => {
    const rows = partySignatures(detail([sig(1, 'failed', 2, '2026-03-02T08:00:00Z'), sig(1, 'on_chain', 2, '2026-03-02T09:00:00Z'), sig(2, 'local_only', 1), sig(3, 'pending_chain')], [2, 3]));
    expect(rows.map((r) => [r.memberName, r.state, r.counted])).toEqual([
      ['Otieno', 'on_chain', true],
      ['Wanjiru', 'missing', false],
      ['County', 'pending_chain', false],
    ]);
  });
  it('merges two roles of one member into one row', () => {
    const d = detail([], [1]);
    const twoRoles = { ...d, agreement: { ...d.agreement, parties: [d.agreement.parties[0]!, { ...d.agreement.parties[0]!, role: 'seller' as const }] } };
    expect(partySignatures(twoRoles)).toMatchObject([{ memberId: 1, roles: ['owner', 'seller'], state: 'missing' }]);
  });
});

describe('waitingForChain / countByStatus', () => {
  it('waits while a signature or the registration is pending on chain', () => {
    expect(waitingForChain(detail([sig(1, 'local_only')], [2, 3]))).toBe(false);
    expect(waitingForChain(detail([sig(1, 'pending_chain')], [1, 2, 3]))).toBe(true);
    expect(waitingForChain(detail([], [1, 2, 3], 'pending_chain'))).toBe(true);
  });
  it('counts every status in lifecycle order, zeros included', () => {
    expect(countByStatus([agreement(1, 'active'), agreement(2, 'draft'), agreement(3, 'active')])).toEqual([
      { status: 'draft', count: 1 }, { status: 'proposed', count: 0 }, { status: 'signed', count: 0 },
      { status: 'active', count: 2 }, { status: 'completed', count: 0 }, { status: 'terminated', count: 0 },
    ]);
  });
});

describe('agreements store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.useRealTimers());

  it('filters kind in the core and status locally, so the chart keeps every status', async () => {
    const script = scriptedApi({ 'agreements.list': () => ({ rows: [agreement(1, 'active'), agreement(2, 'draft')], total: 2 }) });
    provideApi(script.api);
    const store = useAgreementsStore();
    store.filters.kind = 'p2p_sale';
    store.filters.status = 'draft';
    await store.fetch();
    expect(script.calls[0]?.input).toMatchObject({ kind: 'p2p_sale' });
    expect(store.shown.map((a) => a.id)).toEqual([2]);
    expect(store.byStatus.find((s) => s.status === 'active')?.count).toBe(1);
  });

  it('re-reads the agreement while a signature is pending on chain, and stops once it settled', async () => {
    vi.useFakeTimers();
    const answers = [detail([sig(1, 'pending_chain')], [1, 2, 3]), detail([sig(1, 'pending_chain')], [1, 2, 3]), detail([sig(1, 'on_chain')], [2, 3])];
    let reads = 0;
    const script = scriptedApi({ 'agreements.get': () => answers[Math.min(reads++, answers.length - 1)] });
    provideApi(script.api);
    const store = useAgreementsStore();
    await store.open(7);
    expect(store.detail && partySignatures(store.detail)[0]?.state).toBe('pending_chain');
    await vi.advanceTimersByTimeAsync(SIGNATURE_POLL_MS);
    await vi.advanceTimersByTimeAsync(SIGNATURE_POLL_MS);
    expect(reads).toBe(3);
    expect(store.detail && partySignatures(store.detail)[0]?.state).toBe('on_chain');
    await vi.advanceTimersByTimeAsync(SIGNATURE_POLL_MS * 3);
    expect(reads).toBe(3);
  });

  it('keeps re-reading a withdrawn agreement until its Multisig cancellation has settled', async () => {
    vi.useFakeTimers();
    const answers = [cancelled('pending'), cancelled('pending'), cancelled('done')];
    let reads = 0;
    const script = scriptedApi({ 'agreements.get': () => answers[Math.min(reads++, answers.length - 1)] });
    provideApi(script.api);
    const store = useAgreementsStore();
    await store.open(7);
    expect(store.detail && cancellationPending(store.detail)).toBe(true);
    await vi.advanceTimersByTimeAsync(SIGNATURE_POLL_MS * 2);
    expect(reads).toBe(3);
    expect(store.detail?.cancellations[0]?.state).toBe('done');
    await vi.advanceTimersByTimeAsync(SIGNATURE_POLL_MS * 3);
    expect(reads).toBe(3);
    store.close();
  });

  it('signs for the chosen party with the passphrase and adopts the answer', async () => {
    const script = scriptedApi({
      'agreements.get': () => detail([], [1, 2, 3]),
      'agreements.sign': () => detail([sig(2, 'local_only')], [1, 3]),
    });
    provideApi(script.api);
    const store = useAgreementsStore();
    await store.open(7);
    await store.sign(2, 'secret words');
    expect(script.calls[1]).toMatchObject({ channel: 'agreements.sign', input: { id: 7, memberId: 2, passphrase: 'secret words' } });
    expect(store.detail?.awaiting).toEqual([1, 3]);
    store.close();
  });
});
