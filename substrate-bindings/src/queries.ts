// Typed wrappers for exactly the storage queries the console reads, returning plain values
// (bigint for amounts, strings for addresses) so callers never touch codec types.
import '../interfaces/augment-api.js';
import '../interfaces/augment-types.js';
import type { ApiPromise } from '@polkadot/api';
import { u8aToString } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

/** The console writes every address in the generic SS58 format (prefix 42), whatever the chain's own prefix. */
export const CONSOLE_SS58 = 42;
const ss58 = (account: { toU8a(): Uint8Array }): string => encodeAddress(account.toU8a(), CONSOLE_SS58);

export interface AccountBalance {
  readonly free: bigint;
  readonly reserved: bigint;
  readonly nonce: number;
}

export async function accountBalance(api: ApiPromise, address: string): Promise<AccountBalance> {
  const info = await api.query.system.account(address);
  return { free: info.data.free.toBigInt(), reserved: info.data.reserved.toBigInt(), nonce: info.nonce.toNumber() };
}

export interface AssetInfo {
  readonly owner: string;
  readonly issuer: string;
  readonly admin: string;
  readonly supply: bigint;
  readonly minBalance: bigint;
}

export async function assetInfo(api: ApiPromise, assetId: number): Promise<AssetInfo | null> {
  const details = await api.query.assets.asset(assetId);
  if (details.isNone) return null;
  const d = details.unwrap();
  return { owner: ss58(d.owner), issuer: ss58(d.issuer), admin: ss58(d.admin), supply: d.supply.toBigInt(), minBalance: d.minBalance.toBigInt() };
}

export interface AssetMetadataInfo {
  readonly name: string;
  readonly symbol: string;
  readonly decimals: number;
}

export async function assetMetadata(api: ApiPromise, assetId: number): Promise<AssetMetadataInfo> {
  const m = await api.query.assets.metadata(assetId);
  return { name: u8aToString(m.name.toU8a(true)), symbol: u8aToString(m.symbol.toU8a(true)), decimals: m.decimals.toNumber() };
}

export async function assetBalance(api: ApiPromise, assetId: number, who: string): Promise<bigint> {
  const account = await api.query.assets.account(assetId, who);
  return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
}

export async function uniquesCollectionOwner(api: ApiPromise, collectionId: number): Promise<string | null> {
  const details = await api.query.uniques.class(collectionId);
  return details.isSome ? ss58(details.unwrap().owner) : null;
}

export async function uniquesItemOwner(api: ApiPromise, collectionId: number, itemId: number): Promise<string | null> {
  const details = await api.query.uniques.asset(collectionId, itemId);
  return details.isSome ? ss58(details.unwrap().owner) : null;
}

export async function uniquesAttribute(api: ApiPromise, collectionId: number, itemId: number | null, key: string): Promise<string | null> {
  const value = await api.query.uniques.attribute(collectionId, itemId, key);
  return value.isSome ? u8aToString(value.unwrap()[0].toU8a(true)) : null;
}

export async function multisigPending(api: ApiPromise, multisigAddress: string, callHash: string): Promise<{ height: number; index: number; approvals: string[] } | null> {
  const entry = await api.query.multisig.multisigs(multisigAddress, callHash);
  if (entry.isNone) return null;
  const m = entry.unwrap();
  return { height: m.when.height.toNumber(), index: m.when.index.toNumber(), approvals: m.approvals.map((a) => ss58(a)) };
}

export interface RemarkedEvent {
  readonly extrinsicIndex: number;
  readonly sender: string;
  /** blake2-256 of the remark bytes, as the runtime emits it. */
  readonly hash: string;
}

/** The `system.Remarked` events of one block (anchors are verified against these). */
export async function remarkedEventsAt(api: ApiPromise, blockHash: string): Promise<RemarkedEvent[]> {
  const events = await (await api.at(blockHash)).query.system.events();
  const out: RemarkedEvent[] = [];
  for (const record of events) {
    if (!api.events.system.Remarked.is(record.event)) continue;
    const [sender, hash] = record.event.data;
    out.push({ extrinsicIndex: record.phase.isApplyExtrinsic ? record.phase.asApplyExtrinsic.toNumber() : -1, sender: ss58(sender), hash: hash.toHex() });
  }
  return out;
}
