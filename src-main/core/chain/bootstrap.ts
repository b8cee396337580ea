// Bootstrap of a fresh cooperative chain, idempotent (run it as often as you like):
//   1. cooperative accounts: treasury/settlement and token issuer keys (created in the keystore if missing);
//   2. funding: on the embedded node via dev RPC; on an external chain the accounts must already hold funds;
//   3. asset classes: energy credit (in the cooperative's currency) and green energy token, with metadata;
//   4. Uniques collections: equipment and agreements.
// Only what is missing is sent, in one utility.batchAll from the issuer. The result is kept in chain_state.
import type { Database } from 'better-sqlite3';
import type { Keystore } from '../keystore/keystore.js';
import type { KeyRole } from '../keystore/key-file.js';
import * as b from '../../../substrate-bindings/src/index.js';
import { ChainError } from './errors.js';
import type { ChainConnection } from './connection.js';
import { setFreeBalances } from './dev-funding.js';
import type { TransactionService } from './tx/transaction-service.js';

export interface BootstrapOptions {
  /** ISO 4217 code; defaults to the cooperative's currency in the database, else EUR. */
  readonly currency?: string;
  readonly energyCreditAssetId?: number;
  readonly greenTokenAssetId?: number;
  readonly equipmentCollectionId?: number;
  readonly agreementsCollectionId?: number;
  /** Energy credit decimals = the currency's minor units (2 for most). */
  readonly energyCreditDecimals?: number;
  readonly greenTokenDecimals?: number;
  /** Native balance given to each cooperative account on the embedded node. */
  readonly fundAmount?: bigint;
}

export interface AssetClass {
  readonly assetId: number;
  readonly name: string;
  readonly symbol: string;
  readonly decimals: number;
}

export interface ChainSetup {
  readonly genesisHash: string;
  readonly treasury: string;
  readonly issuer: string;
  readonly energyCredit: AssetClass;
  readonly greenToken: AssetClass;
  readonly collections: { readonly equipment: number; readonly agreements: number };
}

export interface BootstrapResult extends ChainSetup {
  /** What this run changed (empty when everything was already in place). */
  readonly actions: readonly string[];
}

export interface BootstrapDeps {
  readonly db: Database;
  readonly keystore: Keystore;
  readonly connection: ChainConnection;
  readonly tx: TransactionService;
  /** Set for the embedded node only: its loopback endpoint, for dev funding. */
  readonly devEndpoint: string | null;
}

const ONE_TOKEN = 10n ** 12n;

export async function bootstrapChain(deps: BootstrapDeps, options: BootstrapOptions = {}): Promise<BootstrapResult> {
  const api = deps.connection.api;
  const actions: string[] = [];
  const currency = (options.currency ?? cooperativeCurrency(deps.db) ?? 'EUR').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new ChainError('CHAIN_INVALID_INPUT', `The currency "${currency}" is not a three-letter code like EUR or KES.`);

  const treasury = await ensureKey(deps.keystore, 'treasury', 'Cooperative treasury', actions);
  const issuer = await ensureKey(deps.keystore, 'issuer', 'Token issuer', actions);

  const fund = options.fundAmount ?? 1_000_000n * ONE_TOKEN;
  const balances = await Promise.all([treasury, issuer].map((a) => b.accountBalance(api, a)));
  if (deps.devEndpoint) {
    const low = new Map<string, bigint>();
    [treasury, issuer].forEach((a, i) => {
      if ((balances[i]?.free ?? 0n) < fund / 2n) low.set(a, fund);
    });
    if (low.size > 0) {
      await setFreeBalances(api, deps.devEndpoint, low);
      actions.push(`funded ${[...low.keys()].join(', ')}`);
    }
  } else if ((balances[1]?.free ?? 0n) === 0n) {
    throw new ChainError('CHAIN_NOT_BOOTSTRAPPED', `The token issuer account ${issuer} has no funds on this chain. Send it some of the chain's native token, then run the set-up again.`);
  }

  const energyCredit: AssetClass = {
    assetId: options.energyCreditAssetId ?? 1000,
    name: `Energy credit (${currency})`,
    symbol: `EC-${currency}`,
    decimals: options.energyCreditDecimals ?? 2,
  };
  const greenToken: AssetClass = { assetId: options.greenTokenAssetId ?? 1001, name: 'Green energy token', symbol: 'GREEN', decimals: options.greenTokenDecimals ?? 3 };
  const collections = { equipment: options.equipmentCollectionId ?? 1000, agreements: options.agreementsCollectionId ?? 1001 };

  const calls: b.Extrinsic[] = [];
  for (const asset of [energyCredit, greenToken]) {
    const info = await b.assetInfo(api, asset.assetId);
    if (info && info.owner !== issuer) {
      throw new ChainError('CHAIN_NOT_BOOTSTRAPPED', `Asset id ${asset.assetId} on this chain belongs to ${info.owner}, not to the cooperative's issuer. Choose other asset ids in settings.`);
    }
    if (!info) {
      calls.push(b.assetsCreate(api, asset.assetId, issuer, 1n));
      actions.push(`created asset ${asset.assetId} (${asset.name})`);
    }
    const meta = info ? await b.assetMetadata(api, asset.assetId) : null;
    if (!meta || meta.name !== asset.name || meta.symbol !== asset.symbol || meta.decimals !== asset.decimals) {
      calls.push(b.assetsSetMetadata(api, asset.assetId, asset.name, asset.symbol, asset.decimals));
      actions.push(`set metadata of asset ${asset.assetId}`);
    }
  }
  for (const [kind, id] of Object.entries(collections)) {
    const owner = await b.uniquesCollectionOwner(api, id);
    if (owner && owner !== issuer) {
      throw new ChainError('CHAIN_NOT_BOOTSTRAPPED', `Uniques collection ${id} (${kind}) belongs to ${owner}, not to the cooperative's issuer. Choose other collection ids.`);
    }
    if (!owner) {
      calls.push(b.uniquesCreate(api, id, issuer));
      actions.push(`created ${kind} collection ${id}`);
    }
  }
  if (calls.length > 0) {
    const outcome = await deps.tx.submit(b.utilityBatchAll(api, calls), issuer, { ref: 'bootstrap' });
    if (outcome.kind !== 'finalized') {
      const why = outcome.kind === 'failed' ? `${outcome.error.name} — ${outcome.error.docs}` : outcome.reason;
      throw new ChainError('CHAIN_NOT_BOOTSTRAPPED', `Setting up the cooperative on chain failed: ${why}`);
    }
  }
  const setup: ChainSetup = { genesisHash: deps.connection.signingGenesisHash, treasury, issuer, energyCredit, greenToken, collections };
  deps.db
    .prepare(`INSERT INTO chain_state (key, value, updated_at) VALUES ('setup', ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
    .run(JSON.stringify(setup), new Date().toISOString());
  return { ...setup, actions };
}

/** The last bootstrap result stored in the database, or null before the first bootstrap. */
export function readChainSetup(db: Database): ChainSetup | null {
  const row = db.prepare(`SELECT value FROM chain_state WHERE key = 'setup'`).get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as ChainSetup) : null;
}

async function ensureKey(keystore: Keystore, role: KeyRole, label: string, actions: string[]): Promise<string> {
  const existing = keystore.list().find((k) => k.role === role);
  if (existing) return existing.address;
  const created = await keystore.create(label, role);
  actions.push(`created ${role} key ${created.address}`);
  return created.address;
}

function cooperativeCurrency(db: Database): string | null {
  try {
    const row = db.prepare('SELECT currency FROM cooperative WHERE id = 1').get() as { currency: string } | undefined;
    return row?.currency ?? null;
  } catch {
    return null;
  }
}
