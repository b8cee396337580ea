import { describe, expect, it } from 'vitest';
import type { AgreementChainCall } from './agreement-chain-calls.js';
import { cancellationStep, planCancellation, type StoredCancellation } from './multisig-cancellations.js';

const AT = '2026-05-01T10:00:00.000Z';
const COOP = '5CoopIssuerAddressxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
const call = (over: Partial<AgreementChainCall> = {}): AgreementChainCall => ({
  agreementId: 4,
  version: 2,
  multisig: '5Multisig',
  signatories: [COOP, '5Owner', '5Host'],
  threshold: 3,
  cooperative: COOP,
  collectionId: 1,
  itemId: 4002,
  callHex: '0x2a00',
  callHash: `0x${'ab'.repeat(32)}`,
  timepoint: { height: 40, index: 1 },
  proposedBlock: 40,
  executed: null,
  ...over,
});
const plan = (c: AgreementChainCall | null, registrar: string | null = 'chain-multisig') => planCancellation({ agreementId: 4, version: 2, cause: 'withdraw', call: c, registrar, at: AT });
const pending = (): StoredCancellation => plan(call()) as StoredCancellation;
const block = { blockHash: `0x${'01'.repeat(32)}`, blockNumber: 55, extrinsicHash: `0x${'02'.repeat(32)}` };

describe('planCancellation (decided in the withdraw/terminate transaction)', () => {
  it('queues a cancellation of a waiting Multisig with its timepoint', () => {
    expect(pending()).toMatchObject({ state: 'pending', multisig: '5Multisig', callHash: call().callHash, timepoint: { height: 40, index: 1 }, threshold: 3, cooperative: COOP, attempts: 0, settledAt: null });
  });

  it('sends nothing (and says so) when no Multisig was ever created', () => {
    const none = plan(null);
    expect(none?.state).toBe('not_needed');
    expect(none?.note).toMatch(/No Multisig was created/);
    expect(none?.settledAt).toBe(AT);
  });

  it('records nothing for a version that never went near a chain (local-only registrar)', () => {
    expect(plan(null, 'local-only')).toBeNull();
  });

  it('sends nothing when the registering call already ran', () => {
    const ran = plan(call({ executed: { ...block } }));
    expect(ran?.state).toBe('not_needed');
    expect(ran?.note).toContain('block 55');
  });
});

describe('cancellationStep (the chain is asked first)', () => {
  it('sends cancelAsMulti at the timepoint while the Multisig waits and the cooperative is the depositor', () => {
    expect(cancellationStep(pending(), { kind: 'pending', timepoint: { height: 40, index: 1 }, depositor: COOP }, AT)).toEqual({ kind: 'send', timepoint: { height: 40, index: 1 } });
  });

  it('recognises an earlier send that landed (answer lost) as done, without sending again', () => {
    const step = cancellationStep({ ...pending(), attempts: 1 }, { kind: 'absent', cancelled: block }, AT);
    expect(step).toMatchObject({ kind: 'settle', patch: { state: 'done', blockNumber: 55 } });
  });

  it('says nothing was sent when the Multisig was cancelled before this console sent anything', () => {
    const step = cancellationStep(pending(), { kind: 'absent', cancelled: block }, AT);
    expect(step).toMatchObject({ kind: 'settle', patch: { state: 'not_needed', blockNumber: 55 } });
  });

  it('settles as not needed when the Multisig is gone and nobody here cancelled it', () => {
    expect(cancellationStep(pending(), { kind: 'absent', cancelled: null }, AT)).toMatchObject({ kind: 'settle', patch: { state: 'not_needed' } });
  });

  it('reports an approval that ran the call before the cancellation as executed_first', () => {
    const step = cancellationStep(pending(), { kind: 'executed', at: block }, AT);
    expect(step).toMatchObject({ kind: 'settle', patch: { state: 'executed_first', blockHash: block.blockHash } });
    if (step.kind === 'settle') expect(step.patch.note).toMatch(/registered on chain although it was abandoned/);
  });

  it('never cancels a newer Multisig of the same call (a later proposal)', () => {
    expect(cancellationStep(pending(), { kind: 'pending', timepoint: { height: 70, index: 2 }, depositor: COOP }, AT)).toMatchObject({ kind: 'settle', patch: { state: 'superseded' } });
  });

  it('uses the chain timepoint when none was known at decision time', () => {
    const unknown = plan(call({ timepoint: null })) as StoredCancellation;
    expect(cancellationStep(unknown, { kind: 'pending', timepoint: { height: 41, index: 0 }, depositor: COOP }, AT)).toEqual({ kind: 'send', timepoint: { height: 41, index: 0 } });
  });

  it('fails clearly when someone else holds the deposit (only the depositor may cancel)', () => {
    const step = cancellationStep(pending(), { kind: 'pending', timepoint: { height: 40, index: 1 }, depositor: '5Someone' }, AT);
    expect(step).toMatchObject({ kind: 'settle', patch: { state: 'failed', errorName: 'multisig.NotOwner' } });
  });
});
