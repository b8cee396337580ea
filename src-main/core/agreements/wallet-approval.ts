// What each party approves on chain, for members who approve from their own wallet: the Multisig,
// threshold, the other signatories (in the pallet's order), the timepoint of the cooperative's first
// approval, the call hash, and — for whoever approves last, whose approval runs the call — the call
// data. Pure: built from the stored registering call, the parties' accounts and the signatures.
import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import type { Agreement, MultisigApproval, Signature } from '../../contract/agreements.js';
import type { AgreementChainCall } from './agreement-chain-calls.js';

export interface PartyAccount {
  readonly memberId: number;
  readonly kind: 'console' | 'external';
  readonly address: string;
}

/** The Multisig pallet wants `other_signatories` sorted by their public key bytes. */
export function sortByPublicKey(addresses: readonly string[]): string[] {
  const keyed = addresses.map((address) => ({ address, key: u8aToHex(decodeAddress(address)) }));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((k) => k.address);
}

/**
 * The approval data of the current version while it is proposed on chain; null when there is
 * nothing to approve on chain (draft, local-only, registered or failed registration, no stored call).
 */
export function walletApproval(agreement: Agreement, call: AgreementChainCall | null, accounts: readonly PartyAccount[], signatures: readonly Signature[]): MultisigApproval | null {
  if (!call || call.version !== agreement.version || call.executed) return null;
  if (agreement.status !== 'proposed' || agreement.registration.state !== 'pending_chain') return null;
  const members = [...new Set(agreement.parties.map((p) => p.memberId))];
  const approved = new Set(signatures.filter((s) => s.version === agreement.version && s.state === 'on_chain').map((s) => s.memberId));
  const parties = members.map((memberId) => {
    const account = accounts.find((a) => a.memberId === memberId) ?? null;
    const inMultisig = account !== null && call.signatories.includes(account.address);
    const othersApproved = members.every((other) => other === memberId || approved.has(other));
    return {
      memberId,
      address: inMultisig ? account.address : null,
      wallet: inMultisig ? account.kind : null,
      otherSignatories: inMultisig ? sortByPublicKey(call.signatories.filter((a) => a !== account.address)) : [],
      approved: approved.has(memberId),
      last: inMultisig && !approved.has(memberId) && othersApproved,
    };
  });
  return {
    version: call.version,
    multisig: call.multisig,
    threshold: call.threshold,
    signatories: [...call.signatories],
    cooperative: call.cooperative,
    callHash: call.callHash,
    callData: call.callHex,
    timepoint: call.timepoint ? { ...call.timepoint } : null,
    parties,
  };
}
