// Turns what the chain says went wrong into `section.name` plus the runtime's documentation,
// for module errors (assets.BalanceLow), token/arithmetic errors and pool rejections (1010 …).
import type { ApiPromise } from '@polkadot/api';
import type { DispatchError } from '@polkadot/types/interfaces';
import type { SpRuntimeDispatchError } from '@polkadot/types/lookup';
import type { DecodedChainError } from '../errors.js';

export function decodeDispatchError(api: ApiPromise, error: DispatchError | SpRuntimeDispatchError): DecodedChainError {
  if (error.isModule) {
    try {
      const meta = api.registry.findMetaError(error.asModule);
      return { section: meta.section, method: meta.method, name: `${meta.section}.${meta.method}`, docs: meta.docs.join(' ').trim() };
    } catch {
      return { section: 'module', method: 'Unknown', name: 'module.Unknown', docs: error.asModule.toString() };
    }
  }
  const kind = error.type;
  const inner = (error as unknown as Record<string, { type?: string } | undefined>)[`as${kind}`];
  const method = inner && typeof inner.type === 'string' ? inner.type : kind;
  return { section: kind === method ? 'dispatch' : kind, method, name: `${kind === method ? 'dispatch' : kind}.${method}`, docs: DISPATCH_DOCS[kind] ?? '' };
}

const DISPATCH_DOCS: Record<string, string> = {
  BadOrigin: 'The account is not allowed to make this call.',
  CannotLookup: 'An account or index in the call does not exist.',
  Token: 'A token rule was broken (e.g. not enough funds, or below the existential deposit).',
  Arithmetic: 'An amount overflowed or underflowed.',
  Exhausted: 'The block had no room left for this call.',
  Corruption: 'The chain state is inconsistent.',
  Unavailable: 'A resource is temporarily unavailable.',
};

/** The node refused the extrinsic before it reached a block (e.g. `1010: Invalid Transaction: …`). */
export function decodePoolRejection(error: unknown): DecodedChainError {
  const text = error instanceof Error ? error.message : String(error);
  const match = /(\d{4}):\s*(.*)$/s.exec(text);
  const rest = match?.[2]?.trim() ?? text;
  // chopsticks answers with JSON (`{"invalid":{"badProof":null}}`), Substrate nodes with text.
  try {
    const path = jsonPath(JSON.parse(rest) as unknown);
    if (path.length > 0) {
      const method = path.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('.');
      return { section: 'pool', method, name: `pool.${method}`, docs: POOL_DOCS[path[path.length - 1] ?? ''] ?? rest };
    }
  } catch {
    /* not JSON */
  }
  const [head, ...tail] = rest.split(':');
  const method = (head ?? 'Rejected').replace(/\s+/g, '') || 'Rejected';
  return { section: 'pool', method, name: `pool.${method}`, docs: tail.join(':').trim() || rest };
}

function jsonPath(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  const [key] = Object.keys(value);
  return key === undefined ? [] : [key, ...jsonPath((value as Record<string, unknown>)[key])];
}

const POOL_DOCS: Record<string, string> = {
  badProof: 'The signature does not match (wrong key, or signed for another chain).',
  payment: 'The account cannot pay the transaction fee.',
  stale: 'The nonce was already used (transaction outdated).',
  future: 'The nonce is ahead of the account\'s next nonce.',
  exhaustsResources: 'The transaction would not fit in a block.',
  call: 'The call is not allowed.',
};

/** Pool rejections that mean the nonce was wrong (ours was behind or ahead of the chain's). */
export function isNonceRejection(error: DecodedChainError): boolean {
  return /outdated|stale|future|priority is too low|already imported/i.test(error.docs);
}

/** JSON-RPC errors from the transaction pool carry codes 1010–1016 (invalid, unknown, banned, …); WebSocket close codes (1006 …) are not. */
export function isPoolRejection(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /\b101\d\s*:/.test(text);
}
