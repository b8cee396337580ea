// Equipment on chain: each item becomes a Uniques item in the cooperative's equipment collection
// (item id = equipment id; attributes = kind, power, storage, make, model, serial, site; owner = the
// owner member's chain account), sent through the outbox (recorded in SQLite first, at most once).
// When the owner changes in SQLite (a lease-to-own completed), the item is transferred on chain by
// the collection admin (the cooperative's issuer) — the host was approved as delegate at signing.
// `reconcile()` does both and settles what the outbox finished; it runs every few seconds.
import type { Database } from 'better-sqlite3';
import type { Equipment } from '../../contract/equipment.js';
import { CoreError, refusal } from '../api/core-error.js';
import type { ChainRuntime } from '../chain/runtime.js';
import type { ChainIntentInput } from '../chain/outbox/intents.js';
import type { OutboxRecord } from '../chain/outbox/outbox-repository.js';
import { uniquesItemOwner } from '../../../substrate-bindings/src/index.js';
import type { MemberAccountsService } from '../members-chain/member-accounts-service.js';
import type { EquipmentService } from './equipment-service.js';

export interface EquipmentChainDeps {
  readonly db: Database;
  /** Read at every use: Settings can switch the chain at run time. */
  readonly chain: () => ChainRuntime | null;
  readonly equipment: EquipmentService;
  readonly accounts: MemberAccountsService;
  readonly log?: (message: string, error?: unknown) => void;
}

type Leaf = Exclude<ChainIntentInput, { kind: 'batchAll' }>;

export class EquipmentChainRegistration {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;

  constructor(private readonly deps: EquipmentChainDeps) {}

  /** Queues the item's registration (idempotent: one outbox row per equipment) and marks it pending. */
  register(equipmentId: number): OutboxRecord {
    const item = this.deps.equipment.mustGet(equipmentId);
    const chain = this.#chain();
    const setup = chain.setup();
    if (!setup) throw new CoreError('CHAIN_NOT_BOOTSTRAPPED', 'The cooperative is not set up on this chain yet (Ledger → set up); equipment cannot be registered.');
    const owner = this.deps.accounts.repo.byMember(item.ownerMemberId);
    if (!owner) throw refusal('CONFLICT', 'ownerNoChainAccount', `${item.ownerName}, the owner of equipment ${item.id}, has no chain account; create one on the member's page first.`, { member: item.ownerName });
    const collectionId = setup.collections.equipment;
    const calls: Leaf[] = [{ kind: 'uniquesMint', collectionId, itemId: item.id, owner: owner.address }];
    for (const [key, value] of Object.entries(equipmentAttributes(item))) calls.push({ kind: 'uniquesSetAttribute', collectionId, itemId: item.id, key, value });
    // A failed attempt keeps its outbox row; a new attempt gets the next reference (…:register:2, …).
    const row = chain.outbox.enqueue({ kind: 'batchAll', calls }, { signer: setup.issuer, reference: this.#attempts(`equipment:${item.id}:register`).next });
    if (item.chain.state !== 'on_chain' && item.chain.state !== 'pending_chain') {
      this.deps.equipment.recordChainItem(item.id, { state: 'pending_chain', collectionId, itemId: item.id });
    }
    return row;
  }

  /** Registers the item if needed and waits until it is on chain (used before a lease's approval is prepared). */
  async ensureRegistered(equipmentId: number, timeoutMs = 90_000): Promise<{ collectionId: number; itemId: number }> {
    const item = this.deps.equipment.mustGet(equipmentId);
    if (item.chain.state === 'on_chain' && item.chain.collectionId !== null && item.chain.itemId !== null) return { collectionId: item.chain.collectionId, itemId: item.chain.itemId };
    const row = this.register(equipmentId);
    const done = await this.#chain().outbox.waitFor(row.id, timeoutMs);
    const settled = this.settle(equipmentId, done);
    if (settled.chain.state !== 'on_chain' || settled.chain.collectionId === null || settled.chain.itemId === null) {
      throw new CoreError('CHAIN_FAILED', `Equipment ${equipmentId} could not be registered on chain: ${done.errorName ?? done.status}${done.errorDocs ? ` — ${done.errorDocs}` : ''}.`);
    }
    return { collectionId: settled.chain.collectionId, itemId: settled.chain.itemId };
  }

  /** Queues the transfer of the item to its current owner's account when the chain still shows another owner. */
  async syncOwner(equipmentId: number): Promise<OutboxRecord | null> {
    const item = this.deps.equipment.mustGet(equipmentId);
    const chain = this.#chain();
    const setup = chain.setup();
    if (!setup || item.chain.state !== 'on_chain' || item.chain.collectionId === null || item.chain.itemId === null) return null;
    const owner = this.deps.accounts.repo.byMember(item.ownerMemberId);
    if (!owner) return null;
    const onChain = await uniquesItemOwner(chain.connection.api, item.chain.collectionId, item.chain.itemId);
    if (onChain === null || onChain === owner.address) return null;
    return chain.outbox.enqueue(
      { kind: 'uniquesTransfer', collectionId: item.chain.collectionId, itemId: item.chain.itemId, to: owner.address },
      { signer: setup.issuer, reference: `equipment:${item.id}:owner:${item.ownerMemberId}` },
    );
  }

  /** Settles finished registrations, registers new items whose owner has an account, follows owner changes. */
  async reconcile(): Promise<void> {
    this.#running ??= this.#reconcile().finally(() => (this.#running = null));
    return this.#running;
  }

  /** Runs reconcile() every `intervalMs` while the chain is ready (timer does not keep the process alive). */
  start(intervalMs = 5_000): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      if (!this.deps.db.open) return this.stop();
      const chain = this.deps.chain();
      if (!chain || chain.connection.status.state !== 'ready' || !chain.keystore.isUnlocked) return;
      this.reconcile().catch((error: unknown) => this.deps.log?.('Equipment chain reconcile failed', error));
    }, intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async #reconcile(): Promise<void> {
    const { db } = this.deps;
    const chain = this.deps.chain();
    if (!chain?.setup()) return;
    const rows = db
      .prepare(
        `SELECT e.id, e.chain_state AS state FROM equipment e JOIN member_chain_accounts a ON a.member_id = e.owner_member_id
          WHERE e.status <> 'retired' ORDER BY e.id`,
      )
      .all() as { id: number; state: Equipment['chain']['state'] }[];
    for (const row of rows) {
      if (row.state === 'pending_chain') {
        const record = this.#attempts(`equipment:${row.id}:register`).last;
        if (record) this.settle(row.id, record);
      } else if (row.state === 'unregistered') {
        this.register(row.id);
      } else if (row.state === 'on_chain') {
        await this.syncOwner(row.id);
      }
    }
  }

  #chain(): ChainRuntime {
    const chain = this.deps.chain();
    if (!chain) throw new CoreError('CHAIN_OFF', 'The chain is off (Settings → Chain); equipment cannot be registered on chain now.');
    return chain;
  }

  /** The newest outbox row of a reference family, and the reference a new attempt would use. */
  #attempts(base: string): { last: OutboxRecord | undefined; next: string } {
    let last: OutboxRecord | undefined;
    for (let i = 1; ; i += 1) {
      const reference = i === 1 ? base : `${base}:${i}`;
      const record = this.#chain().outbox.repository.byReference(reference);
      if (!record || record.status !== 'failed') return { last: record ?? last, next: reference };
      last = record;
    }
  }

  private settle(equipmentId: number, record: OutboxRecord): Equipment {
    const item = this.deps.equipment.mustGet(equipmentId);
    if (record.status === 'finalized' && item.chain.state !== 'on_chain') {
      return this.deps.equipment.recordChainItem(equipmentId, { state: 'on_chain', blockHash: record.blockHash, extrinsicHash: record.txHash });
    }
    if (record.status === 'failed' && item.chain.state === 'pending_chain') return this.deps.equipment.recordChainItem(equipmentId, { state: 'failed' });
    return item;
  }
}

/** Key facts of the device as Uniques attributes (empty values are left out: the chain refuses them). */
export function equipmentAttributes(e: Equipment): Record<string, string> {
  const all: Record<string, string> = {
    kind: e.kind,
    ratedPowerW: String(e.ratedPowerW),
    storageWh: e.storageWh === null ? '' : String(e.storageWh),
    make: e.make.slice(0, 64),
    model: e.model.slice(0, 64),
    serial: e.serial.slice(0, 64),
    site: String(e.siteId),
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== ''));
}
