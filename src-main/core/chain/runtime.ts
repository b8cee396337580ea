// The one entry point the console uses for the chain: createChainRuntime() wires the embedded
// node (or an external endpoint), the connection, keystore, transaction service, outbox and
// anchors, and re-emits their events on one typed emitter for the API/UI.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { Keystore } from '../keystore/keystore.js';
import { AnchorService } from './anchors/anchor-service.js';
import { bootstrapChain, readChainSetup, type BootstrapOptions, type BootstrapResult, type ChainSetup } from './bootstrap.js';
import { validateEndpoint } from './capabilities.js';
import { ChainConnection, type ChainHead, type ConnectionStatus } from './connection.js';
import { setFreeBalances } from './dev-funding.js';
import { ChainError } from './errors.js';
import { EmbeddedNode, type EmbeddedNodeStatus } from './node/embedded-node.js';
import { Outbox, type OutboxOptions } from './outbox/outbox.js';
import type { OutboxRecord } from './outbox/outbox-repository.js';
import { TransactionService, type TxEvent } from './tx/transaction-service.js';
import { TypedEmitter } from './typed-emitter.js';
import { parseAddress, parseAmount } from './validation.js';

export interface ChainRuntimeOptions {
  /** App data folder: chain files go to `${dataDir}/chain/`, keys to `${dataDir}/keystore/`. */
  readonly dataDir: string;
  /** The console's database (openDatabase from core/db/connection.ts); migration 0002 applied. */
  readonly db: Database;
  /** An external Substrate endpoint (ws:// or wss://); omit to run the embedded node. */
  readonly endpoint?: string;
  /** Embedded node: fixed port (default: a free loopback port, kept across restarts). */
  readonly port?: number;
  readonly outbox?: OutboxOptions;
  /** How long the embedded node may take to answer at start (default 60 s; more on a loaded machine). */
  readonly nodeStartTimeoutMs?: number;
}

export interface ChainRuntimeStatus {
  readonly mode: 'embedded' | 'external';
  readonly node: EmbeddedNodeStatus | null;
  readonly connection: ConnectionStatus;
  readonly head: ChainHead | null;
  readonly keystore: { readonly initialized: boolean; readonly unlocked: boolean };
  readonly outbox: Record<string, number>;
  readonly setup: ChainSetup | null;
}

/** Every event the chain layer pushes (name → payload). */
export interface ChainRuntimeEvents extends Record<string, unknown> {
  node: EmbeddedNodeStatus;
  connection: ConnectionStatus;
  head: ChainHead;
  tx: TxEvent;
  outbox: OutboxRecord;
  outboxBlocked: { readonly reason: string };
}

export class ChainRuntime extends TypedEmitter<ChainRuntimeEvents> {
  readonly mode: 'embedded' | 'external';
  readonly node: EmbeddedNode | null;
  readonly connection = new ChainConnection();
  readonly keystore: Keystore;
  readonly tx: TransactionService;
  readonly outbox: Outbox;
  readonly anchors: AnchorService;
  readonly #db: Database;
  readonly #endpoint: string | null;
  #started = false;

  constructor(options: ChainRuntimeOptions) {
    super();
    this.#db = options.db;
    this.#endpoint = options.endpoint === undefined ? null : validateEndpoint(options.endpoint);
    this.mode = this.#endpoint ? 'external' : 'embedded';
    this.node = this.#endpoint ? null : new EmbeddedNode({ chainDir: join(options.dataDir, 'chain'), ...(options.port ? { port: options.port } : {}), ...(options.nodeStartTimeoutMs ? { startTimeoutMs: options.nodeStartTimeoutMs } : {}) });
    this.keystore = new Keystore({ dir: join(options.dataDir, 'keystore') });
    this.tx = new TransactionService(this.connection, this.keystore);
    this.outbox = new Outbox(options.db, this.connection, this.tx, options.outbox);
    this.anchors = new AnchorService(options.db, this.outbox, this.connection);
    this.connection.on('connection', (s) => this.emit('connection', s));
    this.connection.on('head', (h) => this.emit('head', h));
    this.tx.on('tx', (e) => this.emit('tx', e));
    this.outbox.on('outbox', (r) => this.emit('outbox', r));
    this.outbox.on('outboxBlocked', (r) => this.emit('outboxBlocked', r));
    this.node?.on('status', (s) => {
      this.emit('node', s);
      // The node came back on another port (ours was taken): follow it.
      if (this.#started && s.state === 'running' && s.endpoint && s.endpoint !== this.connection.status.endpoint) {
        void this.connection.connect(s.endpoint).catch(() => undefined);
      }
    });
  }

  /** Starts the node (embedded) and connects; refuses an external chain that lacks what we need. */
  async start(): Promise<void> {
    if (this.#started) return;
    const endpoint = this.#endpoint ?? (await (this.node as EmbeddedNode).start());
    try {
      await this.connection.connect(endpoint);
    } catch (error) {
      await this.node?.stop();
      throw error;
    }
    this.#started = true;
    this.outbox.start();
  }

  /** Stops sending, disconnects, stops the embedded node and wipes unlocked keys from memory. */
  async stop(): Promise<void> {
    this.#started = false;
    await this.outbox.stop();
    await this.connection.disconnect();
    await this.node?.stop();
    this.keystore.lock();
  }

  status(): ChainRuntimeStatus {
    return {
      mode: this.mode,
      node: this.node?.status ?? null,
      connection: this.connection.status,
      head: this.connection.head,
      keystore: { initialized: this.keystore.isInitialized, unlocked: this.keystore.isUnlocked },
      outbox: this.outbox.repository.counts(),
      setup: readChainSetup(this.#db),
    };
  }

  /** Unlocks the keystore for this session and lets the outbox send what waited for a signature. */
  async unlock(passphrase: string): Promise<void> {
    await this.keystore.unlock(passphrase);
    this.outbox.kick();
  }

  /** Wipes the keys from memory; the outbox keeps recording but signs nothing until unlock(). */
  lock(): void {
    this.keystore.lock();
  }

  /** Idempotent set-up of accounts, funding (embedded only), asset classes and collections. */
  async bootstrap(options: BootstrapOptions = {}): Promise<BootstrapResult> {
    const result = await bootstrapChain(
      { db: this.#db, keystore: this.keystore, connection: this.connection, tx: this.tx, devEndpoint: this.mode === 'embedded' ? (this.node?.status.endpoint ?? null) : null },
      options,
    );
    this.outbox.kick();
    return result;
  }

  /** Embedded node only: gives each address `amount` of native token (for members' fees/deposits). */
  async fundAccounts(addresses: readonly string[], amount: bigint | number | string): Promise<void> {
    if (this.mode !== 'embedded' || !this.node?.status.endpoint) {
      throw new ChainError('CHAIN_INVALID_INPUT', 'Accounts can only be funded on the embedded node; on an external chain send them funds from a wallet.');
    }
    const value = parseAmount(amount);
    const map = new Map(addresses.map((a) => [parseAddress(a), value] as const));
    await setFreeBalances(this.connection.api, this.node.status.endpoint, map);
  }

  setup(): ChainSetup | null {
    return readChainSetup(this.#db);
  }
}

export function createChainRuntime(options: ChainRuntimeOptions): ChainRuntime {
  return new ChainRuntime(options);
}
