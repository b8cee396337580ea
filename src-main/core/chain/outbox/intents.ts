// What the console may ask the chain to do, as plain JSON "intents" that the outbox stores and
// later turns into calls. Validated with zod on the way in, so a stored row always builds.
import type { ApiPromise } from '@polkadot/api';
import { z } from 'zod';
import * as b from '../../../../substrate-bindings/src/index.js';
import { ChainError } from '../errors.js';
import { parseAddress, parseAmount } from '../validation.js';

const address = z.string().transform((value, ctx) => {
  try {
    return parseAddress(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message, params: { chainCode: 'CHAIN_INVALID_ADDRESS' } });
    return z.NEVER;
  }
});
// Amounts travel as decimal strings of minor units: JSON has no bigint and floats are banned.
const amount = z.union([z.string(), z.number(), z.bigint()]).transform((value, ctx) => {
  try {
    return parseAmount(value).toString();
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message, params: { chainCode: 'CHAIN_INVALID_AMOUNT' } });
    return z.NEVER;
  }
});
const u32 = z.number().int().min(0).max(0xffff_ffff);
const text = (max: number) => z.string().min(1).max(max);

const leafVariants = [
  z.object({ kind: z.literal('remark'), remark: text(4096) }),
  z.object({ kind: z.literal('anchor'), remark: text(256) }),
  z.object({ kind: z.literal('balanceTransfer'), to: address, amount }),
  z.object({ kind: z.literal('assetTransfer'), assetId: u32, to: address, amount }),
  z.object({ kind: z.literal('assetMint'), assetId: u32, to: address, amount }),
  // Signed by the asset's admin (the issuer): green tokens a member redeemed leave circulation.
  z.object({ kind: z.literal('assetBurn'), assetId: u32, who: address, amount }),
  z.object({ kind: z.literal('uniquesMint'), collectionId: u32, itemId: u32, owner: address }),
  z.object({ kind: z.literal('uniquesSetAttribute'), collectionId: u32, itemId: u32.nullable(), key: text(64), value: text(256) }),
  z.object({ kind: z.literal('uniquesSetMetadata'), collectionId: u32, itemId: u32, data: text(256), frozen: z.boolean() }),
  z.object({ kind: z.literal('uniquesApproveTransfer'), collectionId: u32, itemId: u32, delegate: address }),
  z.object({ kind: z.literal('uniquesTransfer'), collectionId: u32, itemId: u32, to: address }),
] as const;
const leafIntent = z.discriminatedUnion('kind', [...leafVariants]);
export type LeafIntent = z.infer<typeof leafIntent>;

export const intentSchema = z.discriminatedUnion('kind', [
  ...leafVariants,
  // Atomic: every call succeeds or none does (utility.batchAll). Keep under the block weight.
  z.object({ kind: z.literal('batchAll'), calls: z.array(leafIntent).min(1).max(500) }),
]);
export type ChainIntent = z.infer<typeof intentSchema>;
/** What callers pass in: amounts may be bigint or integer numbers. */
export type ChainIntentInput = z.input<typeof intentSchema>;

export function parseIntent(input: unknown): ChainIntent {
  const parsed = intentSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (at ${first.path.join('.')})` : '';
    const params = (first as { params?: { chainCode?: string } } | undefined)?.params;
    const code = params?.chainCode === 'CHAIN_INVALID_ADDRESS' || params?.chainCode === 'CHAIN_INVALID_AMOUNT' ? params.chainCode : 'CHAIN_INVALID_INPUT';
    throw new ChainError(code, `This chain request cannot be sent: ${first?.message ?? 'invalid'}${where}.`);
  }
  return parsed.data;
}

export function buildCall(api: ApiPromise, intent: ChainIntent): b.Extrinsic {
  if (intent.kind === 'batchAll') return b.utilityBatchAll(api, intent.calls.map((c) => buildLeaf(api, c)));
  return buildLeaf(api, intent);
}

function buildLeaf(api: ApiPromise, intent: LeafIntent): b.Extrinsic {
  switch (intent.kind) {
    case 'remark':
      return b.systemRemark(api, intent.remark);
    case 'anchor':
      return b.systemRemarkWithEvent(api, intent.remark);
    case 'balanceTransfer':
      return b.balancesTransferKeepAlive(api, intent.to, BigInt(intent.amount));
    case 'assetTransfer':
      return b.assetsTransfer(api, intent.assetId, intent.to, BigInt(intent.amount));
    case 'assetMint':
      return b.assetsMint(api, intent.assetId, intent.to, BigInt(intent.amount));
    case 'assetBurn':
      return b.assetsBurn(api, intent.assetId, intent.who, BigInt(intent.amount));
    case 'uniquesMint':
      return b.uniquesMint(api, intent.collectionId, intent.itemId, intent.owner);
    case 'uniquesSetAttribute':
      return b.uniquesSetAttribute(api, intent.collectionId, intent.itemId, intent.key, intent.value);
    case 'uniquesSetMetadata':
      return b.uniquesSetMetadata(api, intent.collectionId, intent.itemId, intent.data, intent.frozen);
    case 'uniquesApproveTransfer':
      return b.uniquesApproveTransfer(api, intent.collectionId, intent.itemId, intent.delegate);
    case 'uniquesTransfer':
      return b.uniquesTransfer(api, intent.collectionId, intent.itemId, intent.to);
  }
}
