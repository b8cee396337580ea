// The embedded node runs the Rococo Asset Hub runtime from the raw chain spec shipped inside the
// pinned `@substrate/connect-known-chains` package (GPL-3.0). We extract it at run time into the
// app data folder instead of committing the runtime blob to the repository.
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export const EMBEDDED_SPEC_MODULE = '@substrate/connect-known-chains/rococo_v2_2_asset_hub';

// twox128("Timestamp") ++ twox128("Now"): the storage key of pallet_timestamp's `Now`.
const TIMESTAMP_NOW_KEY = '0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb';

/**
 * Writes the raw chain spec to `${chainDir}/spec.json` (only if missing or different) and returns
 * its path. The genesis gets a fixed `Timestamp::Now` (the chain's creation time, kept in
 * `genesis-time`): in genesis mode chopsticks rebuilds block #1 at every start and saves it over
 * the stored block #1; with the wall clock as its timestamp that block differs each time, which
 * cuts the stored chain off from its first block and breaks signature checks after a resume.
 * With a fixed timestamp the rebuilt block #1 is identical and the stored chain stays whole.
 */
export async function ensureEmbeddedChainSpec(chainDir: string): Promise<string> {
  const module = (await import(EMBEDDED_SPEC_MODULE)) as { chainSpec?: unknown };
  const raw = module.chainSpec;
  if (typeof raw !== 'string' || !raw.includes('"0x3a636f6465"')) {
    throw new Error(`The package ${EMBEDDED_SPEC_MODULE} does not carry a raw chain spec with runtime code; reinstall dependencies.`);
  }
  const spec = withGenesisTimestamp(raw, genesisTime(chainDir));
  const file = join(chainDir, 'spec.json');
  if (existsSync(file) && readFileSync(file, 'utf8') === spec) return file;
  // Write-then-rename so a crash never leaves a half-written spec that chopsticks would choke on.
  writeFileSync(`${file}.tmp`, spec);
  renameSync(`${file}.tmp`, file);
  return file;
}

function genesisTime(chainDir: string): bigint {
  const file = join(chainDir, 'genesis-time');
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (/^\d{1,16}$/.test(text)) return BigInt(text);
  }
  const now = BigInt(Date.now());
  writeFileSync(file, `${now}\n`);
  return now;
}

function withGenesisTimestamp(rawSpec: string, millis: bigint): string {
  const spec = JSON.parse(rawSpec) as { genesis?: { raw?: { top?: Record<string, string> } } };
  const top = spec.genesis?.raw?.top;
  if (!top) throw new Error('The embedded chain spec has no raw genesis storage');
  const le = Buffer.alloc(8);
  le.writeBigUInt64LE(millis);
  top[TIMESTAMP_NOW_KEY] = `0x${le.toString('hex')}`;
  return JSON.stringify(spec);
}
