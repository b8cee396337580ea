// The call that registers one agreement version on chain, and the Multisig around it.
//
// Why a proxy: Uniques only lets a collection's issuer mint and its owner set attributes/metadata,
// and only the equipment collection's admin (or the item's owner) may approve a transfer; the
// cooperative's issuer account is all of these (bootstrap). The parties' Multisig therefore runs
//   proxy.proxy(issuer, Any, utility.batchAll[ uniques.mint, uniques.setAttribute…, uniques.setMetadata(terms hash) (, uniques.approveTransfer) ])
// as the issuer, which delegated to the Multisig with proxy.addProxy. That Multisig is made of the
// issuer AND every party with threshold = all of them, and the issuer approves first (only the exact
// registering call), so the delegation can never run anything the cooperative did not approve.
// Deposits (item, attributes, metadata, Multisig, proxy) are reserved from the issuer, i.e. paid by
// the cooperative; each member pays only the fee of their own approval (their account is funded for it).
import type { ApiPromise } from '@polkadot/api';
import type { Extrinsic } from '../../../substrate-bindings/src/index.js';
import * as b from '../../../substrate-bindings/src/index.js';
import { CoreError } from '../api/core-error.js';

/** Item ids leave room for 1000 versions per agreement (u32: agreements up to 4,294,966). */
export function agreementItemId(agreementId: number, version: number): number {
  const id = agreementId * 1000 + version;
  if (version < 1 || version > 999 || id > 0xffff_ffff) throw new CoreError('VALIDATION', `Agreement ${agreementId} version ${version} has no room for a chain item id.`);
  return id;
}

export interface RegisteringCallInput {
  readonly issuer: string;
  readonly multisig: string;
  readonly collectionId: number;
  readonly itemId: number;
  readonly attributes: Readonly<Record<string, string>>;
  readonly termsHash: string;
  /** Lease-to-own: the equipment item the host may later receive. */
  readonly transferApproval: { readonly collectionId: number; readonly itemId: number; readonly delegate: string } | null;
}

/** The proxied batch the parties approve; its `method.hash` is the Multisig call hash. */
export function buildRegisteringCall(api: ApiPromise, input: RegisteringCallInput): Extrinsic {
  const keyLimit = api.consts.uniques.keyLimit.toNumber();
  const valueLimit = api.consts.uniques.valueLimit.toNumber();
  const calls: Extrinsic[] = [b.uniquesMint(api, input.collectionId, input.itemId, input.multisig)];
  for (const [key, value] of Object.entries(input.attributes)) {
    if (Buffer.byteLength(key) > keyLimit || Buffer.byteLength(value) > valueLimit || value === '') {
      throw new CoreError('VALIDATION', `The key term "${key}" = "${value}" does not fit a chain attribute (key ≤ ${keyLimit} bytes, value 1–${valueLimit} bytes).`);
    }
    calls.push(b.uniquesSetAttribute(api, input.collectionId, input.itemId, key, value));
  }
  calls.push(b.uniquesSetMetadata(api, input.collectionId, input.itemId, termsMetadata(input.termsHash), true));
  if (input.transferApproval) {
    const t = input.transferApproval;
    calls.push(b.uniquesApproveTransfer(api, t.collectionId, t.itemId, t.delegate));
  }
  return api.tx.proxy.proxy(input.issuer, 'Any', b.utilityBatchAll(api, calls).method);
}

/** What the item's metadata holds: the SHA-256 of the terms PDF, labelled. */
export const termsMetadata = (termsHash: string): string => `sha256:${termsHash}`;

/** The issuer's delegation to a party Multisig (added once, before its first approval). */
export const addRegistrarProxy = (api: ApiPromise, multisig: string): Extrinsic => api.tx.proxy.addProxy(multisig, 'Any', 0);
export const removeRegistrarProxy = (api: ApiPromise, multisig: string): Extrinsic => api.tx.proxy.removeProxy(multisig, 'Any', 0);

export async function hasRegistrarProxy(api: ApiPromise, issuer: string, multisig: string): Promise<boolean> {
  const [delegations] = await api.query.proxy.proxies(issuer);
  return delegations.some((d) => d.delegate.eq(api.createType('AccountId', multisig)) && d.proxyType.isAny && d.delay.toNumber() === 0);
}

/** Rebuilds the stored registering call (hex of the Call) as an extrinsic for multisig.asMulti. */
export const storedCall = (api: ApiPromise, callHex: string): Extrinsic => api.tx(api.createType('Call', callHex));

/** Multisig of the cooperative and every party; threshold = all of them. */
export function multisigOf(issuer: string, partyAddresses: readonly string[]): { signatories: string[]; threshold: number; address: string } {
  const signatories = [issuer, ...new Set(partyAddresses.filter((a) => a !== issuer))];
  return { signatories, threshold: signatories.length, address: b.multisigAddress(signatories, signatories.length) };
}

export interface ChainItemFacts {
  readonly owner: string | null;
  readonly metadata: string | null;
}

export async function agreementItemFacts(api: ApiPromise, collectionId: number, itemId: number): Promise<ChainItemFacts> {
  const owner = await b.uniquesItemOwner(api, collectionId, itemId);
  if (!owner) return { owner: null, metadata: null };
  const meta = await api.query.uniques.instanceMetadataOf(collectionId, itemId);
  return { owner, metadata: meta.isSome ? Buffer.from(meta.unwrap().data.toU8a(true)).toString('utf8') : null };
}
