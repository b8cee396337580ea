// What the console needs from a chain, checked from the runtime metadata before we use it:
// pallets System, Balances, Assets, Uniques, Utility, Multisig and the calls we actually send.
// `probeEndpoint` reads the metadata with one raw RPC, so a chain that lacks something is refused
// before the console commits to it, with a message naming exactly what is missing.
import { Metadata, TypeRegistry } from '@polkadot/types';
import { ChainError, errorMessage } from './errors.js';
import { rpcCall } from './node/rpc-probe.js';

/** pallet name (as in metadata) → calls the console sends (snake_case, as in metadata). */
export const REQUIRED_CALLS: Readonly<Record<string, readonly string[]>> = {
  System: ['remark', 'remark_with_event'],
  Balances: ['transfer_keep_alive'],
  Assets: ['create', 'set_metadata', 'mint', 'transfer'],
  Uniques: ['create', 'mint', 'set_attribute', 'set_metadata', 'approve_transfer', 'transfer'],
  Utility: ['batch_all'],
  Multisig: ['as_multi', 'approve_as_multi', 'cancel_as_multi'],
};

export interface CapabilityReport {
  readonly ok: boolean;
  /** e.g. ['Uniques (pallet)', 'System.remark_with_event'] */
  readonly missing: readonly string[];
  readonly pallets: readonly string[];
  readonly metadataVersion: number;
}

export function checkCapabilities(metadataHex: string): CapabilityReport {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, metadataHex as `0x${string}`);
  registry.setMetadata(metadata);
  const latest = metadata.asLatest;
  const calls = new Map<string, Set<string>>();
  for (const pallet of latest.pallets) {
    const names = new Set<string>();
    if (pallet.calls.isSome) {
      const type = registry.lookup.getSiType(pallet.calls.unwrap().type);
      if (type.def.isVariant) for (const v of type.def.asVariant.variants) names.add(v.name.toString());
    }
    calls.set(pallet.name.toString(), names);
  }
  const missing: string[] = [];
  for (const [pallet, needed] of Object.entries(REQUIRED_CALLS)) {
    const have = calls.get(pallet);
    if (!have) {
      missing.push(`${pallet} (pallet)`);
      continue;
    }
    for (const call of needed) if (!have.has(call)) missing.push(`${pallet}.${call}`);
  }
  return { ok: missing.length === 0, missing, pallets: [...calls.keys()], metadataVersion: metadata.version };
}

export function capabilityError(endpoint: string, report: CapabilityReport): ChainError {
  return new ChainError(
    'CHAIN_MISSING_CAPABILITIES',
    `The chain at ${endpoint} cannot be used by the console: it lacks ${report.missing.join(', ')}. ` +
      'Choose a Substrate chain with the System, Balances, Assets, Uniques, Utility and Multisig pallets, or use the embedded node.',
    { missing: [...report.missing] },
  );
}

/** Fetches the endpoint's metadata and throws CHAIN_MISSING_CAPABILITIES if something is missing. */
export async function probeEndpoint(endpoint: string, timeoutMs = 15_000): Promise<CapabilityReport> {
  let hex: unknown;
  try {
    hex = await rpcCall(endpoint, 'state_getMetadata', [], timeoutMs);
  } catch (error) {
    throw new ChainError('CHAIN_NOT_CONNECTED', `Cannot reach the chain at ${endpoint}: ${errorMessage(error)}. Check the address and that the node is running.`);
  }
  if (typeof hex !== 'string' || !/^0x[0-9a-f]+$/i.test(hex)) {
    throw new ChainError('CHAIN_ENDPOINT_INVALID', `The endpoint ${endpoint} did not return Substrate metadata; is it a Substrate node?`);
  }
  let report: CapabilityReport;
  try {
    report = checkCapabilities(hex);
  } catch (error) {
    throw new ChainError('CHAIN_ENDPOINT_INVALID', `The metadata of ${endpoint} cannot be read (${errorMessage(error)}); the chain may be too old or not Substrate.`);
  }
  if (!report.ok) throw capabilityError(endpoint, report);
  return report;
}

/** Accepts only ws:// or wss:// URLs, so a typo fails here and not deep inside the API. */
export function validateEndpoint(endpoint: unknown): string {
  if (typeof endpoint !== 'string') throw new ChainError('CHAIN_ENDPOINT_INVALID', 'The chain endpoint must be a text like ws://127.0.0.1:9944.');
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    throw new ChainError('CHAIN_ENDPOINT_INVALID', `"${endpoint}" is not a valid address; write it like ws://127.0.0.1:9944 or wss://example.org.`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new ChainError('CHAIN_ENDPOINT_INVALID', `The chain endpoint must start with ws:// or wss://, not ${url.protocol}//.`);
  }
  return url.toString().replace(/\/$/, '');
}
