// The embedded node runs the Rococo Asset Hub runtime from the raw chain spec shipped inside the
// pinned `@substrate/connect-known-chains` package (GPL-3.0). We extract it at run time into the
// app data folder instead of committing the runtime blob to the repository.
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export const EMBEDDED_SPEC_MODULE = '@substrate/connect-known-chains/rococo_v2_2_asset_hub';

/** Writes the raw chain spec to `${chainDir}/spec.json` (only if missing or different) and returns its path. */
export async function ensureEmbeddedChainSpec(chainDir: string): Promise<string> {
  const module = (await import(EMBEDDED_SPEC_MODULE)) as { chainSpec?: unknown };
  const spec = module.chainSpec;
  if (typeof spec !== 'string' || !spec.includes('"0x3a636f6465"')) {
    throw new Error(`The package ${EMBEDDED_SPEC_MODULE} does not carry a raw chain spec with runtime code; reinstall dependencies.`);
  }
  const file = join(chainDir, 'spec.json');
  if (existsSync(file) && readFileSync(file, 'utf8') === spec) return file;
  // Write-then-rename so a crash never leaves a half-written spec that chopsticks would choke on.
  writeFileSync(`${file}.tmp`, spec);
  renameSync(`${file}.tmp`, file);
  return file;
}
