// Typed wrappers for exactly the calls the console sends. Each takes already-validated values
// (see src-main/core/chain/validation.ts) and returns an unsigned extrinsic. The argument types
// come from the metadata-generated augmentation in ../interfaces (regenerate with
// `npm run chain:typegen`; never edit generated files by hand).
import '../interfaces/augment-api.js';
import '../interfaces/augment-types.js';
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { createKeyMulti, encodeAddress } from '@polkadot/util-crypto';

export type Extrinsic = SubmittableExtrinsic<'promise'>;

// ---- balances ----
export const balancesTransferKeepAlive = (api: ApiPromise, to: string, amount: bigint): Extrinsic =>
  api.tx.balances.transferKeepAlive(to, amount);

// ---- assets (energy credit, green token) ----
export const assetsCreate = (api: ApiPromise, assetId: number, admin: string, minBalance: bigint): Extrinsic =>
  api.tx.assets.create(assetId, admin, minBalance);
export const assetsSetMetadata = (api: ApiPromise, assetId: number, name: string, symbol: string, decimals: number): Extrinsic =>
  api.tx.assets.setMetadata(assetId, name, symbol, decimals);
export const assetsMint = (api: ApiPromise, assetId: number, beneficiary: string, amount: bigint): Extrinsic =>
  api.tx.assets.mint(assetId, beneficiary, amount);
export const assetsBurn = (api: ApiPromise, assetId: number, who: string, amount: bigint): Extrinsic =>
  api.tx.assets.burn(assetId, who, amount);
export const assetsTransfer = (api: ApiPromise, assetId: number, to: string, amount: bigint): Extrinsic =>
  api.tx.assets.transfer(assetId, to, amount);

// ---- uniques (equipment, agreements) ----
export const uniquesCreate = (api: ApiPromise, collectionId: number, admin: string): Extrinsic =>
  api.tx.uniques.create(collectionId, admin);
export const uniquesMint = (api: ApiPromise, collectionId: number, itemId: number, owner: string): Extrinsic =>
  api.tx.uniques.mint(collectionId, itemId, owner);
export const uniquesSetAttribute = (api: ApiPromise, collectionId: number, itemId: number | null, key: string, value: string): Extrinsic =>
  api.tx.uniques.setAttribute(collectionId, itemId, key, value);
export const uniquesSetMetadata = (api: ApiPromise, collectionId: number, itemId: number, data: string, isFrozen: boolean): Extrinsic =>
  api.tx.uniques.setMetadata(collectionId, itemId, data, isFrozen);
export const uniquesApproveTransfer = (api: ApiPromise, collectionId: number, itemId: number, delegate: string): Extrinsic =>
  api.tx.uniques.approveTransfer(collectionId, itemId, delegate);
export const uniquesTransfer = (api: ApiPromise, collectionId: number, itemId: number, dest: string): Extrinsic =>
  api.tx.uniques.transfer(collectionId, itemId, dest);

// ---- multisig (co-signing) ----
export interface MultisigTimepoint {
  readonly height: number;
  readonly index: number;
}
// Upper bound for the wrapped call's weight (2% of a block; this runtime takes a plain u64);
// the call's real weight is what gets charged.
const MAX_WEIGHT = 10_000_000_000n;
export const multisigAsMulti = (api: ApiPromise, threshold: number, otherSignatories: readonly string[], timepoint: MultisigTimepoint | null, call: Extrinsic): Extrinsic =>
  api.tx.multisig.asMulti(threshold, sortedSignatories(api, otherSignatories), timepoint, call.method, false, MAX_WEIGHT);
export const multisigApproveAsMulti = (api: ApiPromise, threshold: number, otherSignatories: readonly string[], timepoint: MultisigTimepoint | null, callHash: string): Extrinsic =>
  api.tx.multisig.approveAsMulti(threshold, sortedSignatories(api, otherSignatories), timepoint, callHash, MAX_WEIGHT);
export const multisigCancelAsMulti = (api: ApiPromise, threshold: number, otherSignatories: readonly string[], timepoint: MultisigTimepoint, callHash: string): Extrinsic =>
  api.tx.multisig.cancelAsMulti(threshold, sortedSignatories(api, otherSignatories), timepoint, callHash);

/** The multisig account of `signatories` with `threshold` (SS58 prefix 42, like every console address). */
export function multisigAddress(signatories: readonly string[], threshold: number): string {
  return encodeAddress(createKeyMulti([...signatories], threshold), 42);
}

/** The pallet requires the other signatories sorted by their public key bytes. */
export function sortedSignatories(api: ApiPromise, addresses: readonly string[]): string[] {
  return [...addresses].sort((a, b) => {
    const x = api.createType('AccountId', a).toHex();
    const y = api.createType('AccountId', b).toHex();
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

// ---- utility ----
export const utilityBatchAll = (api: ApiPromise, calls: readonly Extrinsic[]): Extrinsic =>
  api.tx.utility.batchAll(calls.map((c) => c.method));

// ---- system (anchors) ----
export const systemRemarkWithEvent = (api: ApiPromise, remark: string): Extrinsic => api.tx.system.remarkWithEvent(remark);
export const systemRemark = (api: ApiPromise, remark: string): Extrinsic => api.tx.system.remark(remark);
