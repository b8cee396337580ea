import { describe, expect, it } from 'vitest';
import { encodeAddress } from '@polkadot/util-crypto';
import type { Agreement, Signature } from '../../contract/agreements.js';
import type { AgreementChainCall } from './agreement-chain-calls.js';
import { sortByPublicKey, walletApproval } from './wallet-approval.js';

const addr = (byte: number) => encodeAddress(new Uint8Array(32).fill(byte), 42);
const COOP = addr(0x50);
const OWNER = addr(0x90);
const HOST = addr(0x10);

const agreement = (over: Partial<Agreement> = {}): Agreement =>
  ({
    id: 3,
    version: 1,
    status: 'proposed',
    parties: [
      { memberId: 11, memberNo: 'O-1', memberName: 'Owner', role: 'owner' },
      { memberId: 12, memberNo: 'H-1', memberName: 'Host', role: 'host' },
    ],
    registration: { registrar: 'chain-multisig', state: 'pending_chain', collectionId: 1, itemId: 3001, callHash: '0xab', blockHash: null, blockNumber: null, extrinsicHash: null, failure: null },
    ...over,
  }) as Agreement;
const call: AgreementChainCall = { agreementId: 3, version: 1, multisig: addr(0x77), signatories: [COOP, OWNER, HOST], threshold: 3, cooperative: COOP, collectionId: 1, itemId: 3001, callHex: '0x2a01ff', callHash: `0x${'cd'.repeat(32)}`, timepoint: { height: 12, index: 1 }, proposedBlock: 12, executed: null };
const accounts = [
  { memberId: 11, kind: 'console' as const, address: OWNER },
  { memberId: 12, kind: 'external' as const, address: HOST },
];
const signed = (memberId: number, state: Signature['state'] = 'on_chain', version = 1) => ({ memberId, version, state }) as Signature;

describe('sortByPublicKey', () => {
  it('orders addresses by their public key bytes, as the Multisig pallet requires', () => {
    expect(sortByPublicKey([OWNER, COOP, HOST])).toEqual([HOST, COOP, OWNER]);
  });
});

describe('walletApproval', () => {
  it('gives each party the other signatories in pallet order, the call hash, data and timepoint', () => {
    const info = walletApproval(agreement(), call, accounts, []);
    expect(info).toMatchObject({ multisig: call.multisig, threshold: 3, callHash: call.callHash, callData: '0x2a01ff', timepoint: { height: 12, index: 1 } });
    const host = info?.parties.find((p) => p.memberId === 12);
    expect(host).toMatchObject({ address: HOST, wallet: 'external', otherSignatories: [COOP, OWNER], approved: false, last: false });
  });

  it('marks the approver whose approval runs the call as last (everyone else approved on chain)', () => {
    const info = walletApproval(agreement(), call, accounts, [signed(11)]);
    expect(info?.parties.map((p) => [p.memberId, p.approved, p.last])).toEqual([
      [11, true, false],
      [12, false, true],
    ]);
  });

  it('does not count a failed, pending or older-version approval', () => {
    const info = walletApproval(agreement(), call, accounts, [signed(11, 'failed'), signed(11, 'pending_chain'), signed(11, 'on_chain', 0)]);
    expect(info?.parties.find((p) => p.memberId === 12)?.last).toBe(false);
  });

  it('leaves out a party whose account is not a signatory of this Multisig', () => {
    const info = walletApproval(agreement(), call, [{ memberId: 11, kind: 'console', address: addr(0x33) }], []);
    expect(info?.parties.find((p) => p.memberId === 11)).toMatchObject({ address: null, wallet: null, otherSignatories: [], last: false });
  });

  it('is null when there is nothing to approve on chain', () => {
    expect(walletApproval(agreement({ status: 'draft' }), call, accounts, [])).toBeNull();
    expect(walletApproval(agreement({ version: 2 }), call, accounts, [])).toBeNull();
    expect(walletApproval(agreement(), null, accounts, [])).toBeNull();
    expect(walletApproval(agreement(), { ...call, executed: { blockHash: '0x1', blockNumber: 3, extrinsicHash: '0x2' } }, accounts, [])).toBeNull();
    const local = agreement({ registration: { ...agreement().registration, state: 'local_only' } });
    expect(walletApproval(local, call, accounts, [])).toBeNull();
  });
});
