// The console's hold on the chain runtime: which chain (Settings vs launch), its lifecycle
// (start in the background, stop, switch = stop old → build new → start), the automatic set-up
// after unlock, and the bridge from runtime events to the API's push events (throttled head,
// coalesced status and outbox, re-subscribed whenever the runtime is rebuilt).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ChainBootstrapView, ChainStatusView, ChainTxView, OutboxRowView } from '../../contract/chain.js';
import type { EventBus } from '../api/event-bus.js';
import { createChainRuntime, type ChainRuntime, type OutboxRecord } from '../chain/index.js';
import { readChainSetup } from '../chain/bootstrap.js';
import { OutboxRepository } from '../chain/outbox/outbox-repository.js';
import { errorMessage } from '../chain/errors.js';
import { ChainEvidenceAnchors } from './chain-anchor-sink.js';
import { throttleLatest } from './chain-throttle.js';
import { choiceView, readSavedChainChoice, resolveChainChoice, saveChainChoice, type ResolvedChainChoice } from './chain-settings.js';
import { connectionView, emptyCounts, nodeView, outboxRowView, outboxWaitingReason, setupView, txEventView } from './chain-views.js';
import type { ChainChoice } from './services.js';

const HEAD_EVENT_MS = 1000;
const STATUS_EVENT_MS = 200;
const OUTBOX_EVENT_MS = 250;
const TX_LOG_SIZE = 300;

export interface ChainHostOptions {
  readonly db: Database;
  readonly dataDir: string;
  readonly events: EventBus;
  /** The launch choice (CLI/env or the caller's); Settings win over it unless `launchOverride`. */
  readonly launch: ChainChoice;
  readonly launchOverride: boolean;
  readonly now: () => string;
  readonly log?: (level: 'info' | 'error', message: string, error?: unknown) => void;
  /** After each successful set-up: records what waited for the chain (e.g. mirrors of periods posted before it). */
  readonly onBootstrapped?: () => void;
}

const idleBootstrap: ChainBootstrapView = { state: 'idle', step: null, actions: [], error: null, finishedAt: null };

export class ChainHost {
  readonly evidence: ChainEvidenceAnchors;
  readonly #o: ChainHostOptions;
  readonly #outboxRepo: OutboxRepository;
  #resolved: ResolvedChainChoice;
  #runtime: ChainRuntime | null = null;
  #unsubscribe: (() => void)[] = [];
  #startError: string | null = null;
  #bootstrap: ChainBootstrapView = idleBootstrap;
  #bootstrapping: Promise<void> | null = null;
  #transition: Promise<void> = Promise.resolve();
  #stopped = false;
  readonly #txLog = new Map<string, ChainTxView>();
  readonly #head = throttleLatest((head: { number: number; hash: string }) => {
    if (!this.#stopped) this.#o.events.emit('chain.head', { number: head.number, hash: head.hash });
  }, HEAD_EVENT_MS);
  #statusTimer: NodeJS.Timeout | null = null;
  #outboxTimer: NodeJS.Timeout | null = null;
  readonly #outboxChanged = new Map<number, OutboxRecord>();

  constructor(options: ChainHostOptions) {
    this.#o = options;
    this.#outboxRepo = new OutboxRepository(options.db);
    this.#resolved = resolveChainChoice(options.launch, options.launchOverride, readSavedChainChoice(options.db));
    this.evidence = new ChainEvidenceAnchors({
      db: options.db,
      runtime: () => this.#runtime,
      now: options.now,
      log: (message, error) => this.#log('error', message, error),
    });
    this.#build();
  }

  /** The runtime in use, or null when the chain is off (or its endpoint could not even be parsed). */
  get runtime(): ChainRuntime | null {
    return this.#runtime;
  }

  get choice(): ResolvedChainChoice {
    return this.#resolved;
  }

  /** Starts the runtime in the background; its state machine tells the UI how far it got. */
  start(): void {
    const runtime = this.#runtime;
    if (!runtime || this.#stopped) return;
    this.#startError = null;
    runtime.start().then(
      () => {
        if (runtime !== this.#runtime) return;
        this.evidence.schedule(0);
        this.#maybeBootstrap();
      },
      (error: unknown) => {
        if (runtime !== this.#runtime) return;
        this.#startError = errorMessage(error);
        this.#log('error', 'The chain did not start', error);
        this.#scheduleStatus();
      },
    );
    this.#scheduleStatus();
  }

  /** Stops everything (quit, restore); waits for a switch in progress first. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#transition.catch(() => undefined);
    await this.#teardown();
    this.evidence.stop();
    this.#head.cancel();
    for (const t of [this.#statusTimer, this.#outboxTimer]) if (t) clearTimeout(t);
  }

  /** Applies a new choice: saves it, stops the old runtime, builds and starts the new one. */
  async switchTo(choice: ChainChoice): Promise<void> {
    const run = this.#transition.then(async () => {
      if (this.#stopped) return;
      saveChainChoice(this.#o.db, choice, this.#o.now());
      await this.#teardown();
      this.#resolved = { choice, source: 'settings' };
      this.#build();
      this.start();
    });
    this.#transition = run.catch(() => undefined);
    await run;
  }

  /** After unlock/initialize: let the outbox go and set the cooperative up if the chain is ready. */
  afterUnlock(): void {
    this.#runtime?.outbox.kick();
    this.#scheduleStatus();
    this.#maybeBootstrap();
  }

  /** Runs the idempotent set-up now and resolves when it finished (or failed: see status().bootstrap). */
  async bootstrapNow(): Promise<void> {
    this.#maybeBootstrap(true);
    await this.#bootstrapping;
  }

  statusChanged(): void {
    this.#scheduleStatus();
  }

  status(): ChainStatusView {
    const runtime = this.#runtime;
    const counts = { ...emptyCounts(), ...this.#outboxRepo.counts() };
    const open = counts.pending + counts.signed + counts.broadcast + counts.in_block;
    const unlocked = runtime?.keystore.isUnlocked ?? false;
    const connected = runtime?.connection.isReady ?? false;
    return {
      choice: choiceView(this.#resolved),
      node: runtime?.node ? nodeView(runtime.node.status) : null,
      connection: runtime ? connectionView(runtime.connection.status) : null,
      head: runtime?.connection.head ?? null,
      keystore: { initialized: runtime?.keystore.isInitialized ?? existsSync(join(this.#o.dataDir, 'keystore', 'keystore.json')), unlocked },
      outbox: counts,
      outboxWaiting: outboxWaitingReason({ chainOn: runtime !== null, unlocked, connected, open }),
      setup: setupView(readChainSetup(this.#o.db)),
      bootstrap: this.#bootstrap,
      startError: this.#startError,
    };
  }

  outboxRecord(id: number): OutboxRecord | undefined {
    return this.#outboxRepo.get(id);
  }

  outboxRow(record: OutboxRecord): OutboxRowView {
    return outboxRowView(record, { unlocked: this.#runtime?.keystore.isUnlocked ?? false, connected: this.#runtime?.connection.isReady ?? false, now: Date.now() });
  }

  /** Interactive (non-outbox) transactions seen in this session, newest first. */
  directTransactions(): ChainTxView[] {
    return [...this.#txLog.values()].filter((t) => t.source === 'direct').reverse();
  }

  #build(): void {
    const { choice } = this.#resolved;
    this.#startError = null;
    this.#bootstrap = idleBootstrap;
    if (choice.mode === 'off') {
      this.#runtime = null;
      return;
    }
    try {
      this.#runtime = createChainRuntime({
        dataDir: this.#o.dataDir,
        db: this.#o.db,
        ...(choice.mode === 'external' ? { endpoint: choice.endpoint } : choice.port ? { port: choice.port } : {}),
      });
    } catch (error) {
      this.#runtime = null;
      this.#startError = errorMessage(error);
      return;
    }
    this.#subscribe(this.#runtime);
  }

  async #teardown(): Promise<void> {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    const runtime = this.#runtime;
    this.#runtime = null;
    await this.#bootstrapping?.catch(() => undefined);
    try {
      await runtime?.stop();
    } catch (error) {
      this.#log('error', 'The chain did not stop cleanly', error);
    }
    this.#scheduleStatus();
  }

  #subscribe(runtime: ChainRuntime): void {
    const alive = () => runtime === this.#runtime;
    this.#unsubscribe.push(
      runtime.on('node', () => alive() && this.#scheduleStatus()),
      runtime.on('connection', (s) => {
        if (!alive()) return;
        this.#scheduleStatus();
        if (s.state === 'ready') this.#maybeBootstrap();
      }),
      runtime.on('head', (head) => alive() && this.#head.push(head)),
      runtime.on('outbox', (record) => {
        if (!alive()) return;
        this.#outboxChanged.set(record.id, record);
        this.#scheduleOutbox();
      }),
      runtime.on('outboxBlocked', () => alive() && this.#scheduleStatus()),
      runtime.on('tx', (event) => {
        if (!alive()) return;
        const previous = this.#txLog.get(event.status.hash);
        const view = txEventView(event, previous, this.#o.now());
        this.#txLog.delete(view.hash);
        this.#txLog.set(view.hash, view);
        if (this.#txLog.size > TX_LOG_SIZE) this.#txLog.delete(this.#txLog.keys().next().value as string);
        if (event.ref === 'bootstrap' && this.#bootstrap.state === 'running') {
          this.#bootstrap = { ...this.#bootstrap, step: `sending:${event.status.kind}` };
          this.#scheduleStatus();
        }
        this.#o.events.emit('chain.tx', view);
      }),
    );
  }

  #maybeBootstrap(manual = false): void {
    const runtime = this.#runtime;
    if (!runtime || this.#stopped || this.#bootstrapping) return;
    if (!runtime.keystore.isUnlocked) {
      if (manual) this.#bootstrap = { ...this.#bootstrap, state: 'failed', error: 'The keystore is locked: unlock it first.' };
      this.#scheduleStatus();
      return;
    }
    if (!runtime.connection.isReady) {
      this.#bootstrap = { ...this.#bootstrap, state: 'waiting', step: 'connection', error: null };
      this.#scheduleStatus();
      return;
    }
    if (!manual && this.#bootstrap.state === 'done') return;
    this.#bootstrap = { state: 'running', step: 'preparing', actions: [], error: null, finishedAt: null };
    this.#scheduleStatus();
    this.#bootstrapping = runtime
      .bootstrap()
      .then(
        (result) => {
          this.#bootstrap = { state: 'done', step: null, actions: [...result.actions], error: null, finishedAt: this.#o.now() };
          if (result.actions.length > 0) this.#log('info', `Chain set-up: ${result.actions.join('; ')}`);
          this.evidence.schedule(0);
          try {
            this.#o.onBootstrapped?.();
          } catch (error) {
            this.#log('error', 'Catching up after the chain set-up failed', error);
          }
        },
        (error: unknown) => {
          this.#bootstrap = { state: 'failed', step: null, actions: [], error: errorMessage(error), finishedAt: this.#o.now() };
          this.#log('error', 'The chain set-up failed', error);
        },
      )
      .finally(() => {
        this.#bootstrapping = null;
        this.#scheduleStatus();
      });
  }

  #scheduleStatus(): void {
    if (this.#statusTimer) return;
    this.#statusTimer = setTimeout(() => {
      this.#statusTimer = null;
      try {
        if (this.#o.db.open) this.#o.events.emit('chain.status', this.status());
      } catch (error) {
        this.#log('error', 'Could not build the chain status', error);
      }
    }, STATUS_EVENT_MS);
    this.#statusTimer.unref();
  }

  #scheduleOutbox(): void {
    if (this.#outboxTimer) return;
    this.#outboxTimer = setTimeout(() => {
      this.#outboxTimer = null;
      const rows = [...this.#outboxChanged.values()].map((r) => this.outboxRow(r));
      this.#outboxChanged.clear();
      if (!this.#o.db.open) return;
      this.#o.events.emit('chain.outbox', { rows, counts: { ...emptyCounts(), ...this.#outboxRepo.counts() } });
      this.#scheduleStatus();
    }, OUTBOX_EVENT_MS);
    this.#outboxTimer.unref();
  }

  #log(level: 'info' | 'error', message: string, error?: unknown): void {
    this.#o.log?.(level, message, error);
  }
}
