// The single @polkadot/api instance of the console, with an explicit connection state machine:
//   idle → connecting → ready ⇄ disconnected, and error (refused endpoint or failed setup).
// Every change is emitted as a `connection` event for the UI; `head` events follow new blocks.
import '../../../substrate-bindings/interfaces/augment-api.js';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { ChainError, errorMessage } from './errors.js';
import { probeEndpoint } from './capabilities.js';
import { TypedEmitter } from './typed-emitter.js';

export type ConnectionState = 'idle' | 'connecting' | 'ready' | 'disconnected' | 'error';

export interface ChainIdentity {
  readonly chain: string;
  readonly specName: string;
  readonly specVersion: number;
  readonly genesisHash: string;
  readonly tokenSymbol: string;
  readonly tokenDecimals: number;
}

export interface ConnectionStatus {
  readonly state: ConnectionState;
  readonly endpoint: string | null;
  readonly error: string | null;
  /** ISO-8601 UTC time of the last state change. */
  readonly since: string;
  readonly identity: ChainIdentity | null;
}

export interface ChainHead {
  readonly number: number;
  readonly hash: string;
}

export interface ConnectionEvents extends Record<string, unknown> {
  connection: ConnectionStatus;
  head: ChainHead;
}

export class ChainConnection extends TypedEmitter<ConnectionEvents> {
  #api: ApiPromise | null = null;
  #status: ConnectionStatus = { state: 'idle', endpoint: null, error: null, since: new Date().toISOString(), identity: null };
  #head: ChainHead | null = null;
  #unsubscribeHeads: (() => void) | null = null;
  #generation = 0;
  #signingGenesis: string | null = null;
  #reconnectTimer: NodeJS.Timeout | null = null;

  get status(): ConnectionStatus {
    return this.#status;
  }

  get head(): ChainHead | null {
    return this.#head;
  }

  get isReady(): boolean {
    return this.#status.state === 'ready' && this.#api !== null;
  }

  /** The API instance; throws CHAIN_NOT_CONNECTED unless the connection is ready. */
  get api(): ApiPromise {
    if (!this.isReady || !this.#api) {
      throw new ChainError('CHAIN_NOT_CONNECTED', `The chain is not connected (state: ${this.#status.state}). Wait for the node or check the endpoint in settings.`);
    }
    return this.#api;
  }

  /**
   * The genesis hash the runtime checks signatures against (frame_system BlockHash(0)). Usually
   * equal to chain_getBlockHash(0), but chopsticks reports another value after a resume, so
   * signing must use this one.
   */
  get signingGenesisHash(): string {
    if (!this.#signingGenesis) throw new ChainError('CHAIN_NOT_CONNECTED', 'The chain is not connected yet.');
    return this.#signingGenesis;
  }

  /** Probes the endpoint's capabilities, then connects. Replaces any previous connection. */
  async connect(endpoint: string, options: { readonly timeoutMs?: number } = {}): Promise<ApiPromise> {
    await this.disconnect();
    const generation = ++this.#generation;
    this.#set({ state: 'connecting', endpoint, error: null, identity: null });
    try {
      await probeEndpoint(endpoint, options.timeoutMs ?? 15_000);
    } catch (error) {
      this.#set({ state: 'error', error: errorMessage(error) });
      throw error;
    }
    try {
      return await this.#open(endpoint, generation, options.timeoutMs ?? 30_000);
    } catch (error) {
      if (generation === this.#generation) {
        this.#set({ state: 'error', error: errorMessage(error) });
        await this.disconnect(false);
      }
      throw error instanceof ChainError ? error : new ChainError('CHAIN_NOT_CONNECTED', errorMessage(error));
    }
  }

  async #open(endpoint: string, generation: number, timeoutMs: number): Promise<ApiPromise> {
    const provider = new WsProvider(endpoint, 1_000);
    const api = new ApiPromise({ provider, noInitWarn: true, throwOnConnect: false });
    this.#api = api;
    const current = (): boolean => generation === this.#generation && this.#api === api;
    provider.on('disconnected', () => {
      if (!current() || this.#status.state === 'disconnected') return;
      this.#set({ state: 'disconnected', error: 'lost the connection to the node; reconnecting' });
      this.#watchReconnect(endpoint, generation);
    });
    provider.on('connected', () => {
      if (!current() || this.#status.state !== 'disconnected') return;
      this.#set({ state: 'connecting', error: null });
      void api.isReady.then(() => this.#afterReady(api, generation), (error: unknown) => this.#set({ state: 'error', error: errorMessage(error) }));
    });
    try {
      await withTimeout(api.isReadyOrError, timeoutMs, `The chain at ${endpoint} did not become ready within ${timeoutMs} ms`);
      await this.#afterReady(api, generation);
      return api;
    } catch (error) {
      if (this.#api === api) this.#api = null;
      await api.disconnect().catch(() => undefined);
      throw error;
    }
  }

  /**
   * The provider's own retry can stall (with Node 22's built-in WebSocket a refused connection
   * reports an error but no close, so it never tries again): while disconnected, rebuild the API
   * every few seconds until the node answers.
   */
  #watchReconnect(endpoint: string, generation: number): void {
    if (this.#reconnectTimer) return;
    const attempt = async (): Promise<void> => {
      this.#reconnectTimer = null;
      if (generation !== this.#generation || this.#status.state === 'ready') return;
      if (this.#status.state === 'disconnected' || this.#status.state === 'error') {
        const old = this.#api;
        this.#api = null;
        this.#unsubscribeHeads?.();
        this.#unsubscribeHeads = null;
        if (old) await old.disconnect().catch(() => undefined);
        try {
          this.#set({ state: 'connecting', error: null });
          await this.#open(endpoint, generation, 15_000);
          return;
        } catch (error) {
          if (generation !== this.#generation) return;
          this.#set({ state: 'disconnected', error: `still reconnecting: ${errorMessage(error)}` });
        }
      }
      this.#reconnectTimer = setTimeout(() => void attempt(), 2_000);
    };
    this.#reconnectTimer = setTimeout(() => void attempt(), 2_000);
  }

  /** Waits until the connection is ready (after a reconnect) or the timeout passes. */
  async whenReady(timeoutMs: number): Promise<ApiPromise> {
    if (this.isReady) return this.api;
    return await withTimeout(
      new Promise<ApiPromise>((resolve) => {
        const off = this.on('connection', (s) => {
          if (s.state === 'ready' && this.#api) {
            off();
            resolve(this.#api);
          }
        });
      }),
      timeoutMs,
      `The chain did not become ready within ${timeoutMs} ms`,
    );
  }

  async disconnect(markIdle = true): Promise<void> {
    this.#generation += 1;
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    this.#unsubscribeHeads?.();
    this.#unsubscribeHeads = null;
    const api = this.#api;
    this.#api = null;
    if (api) await api.disconnect().catch(() => undefined);
    if (markIdle && this.#status.state !== 'idle') this.#set({ state: 'idle', error: null });
  }

  async #afterReady(api: ApiPromise, generation: number): Promise<void> {
    const [chain, header, genesis] = await Promise.all([api.rpc.system.chain(), api.rpc.chain.getHeader(), api.query.system.blockHash(0)]);
    if (generation !== this.#generation) return;
    this.#signingGenesis = genesis.isEmpty ? api.genesisHash.toHex() : genesis.toHex();
    this.#head = { number: header.number.toNumber(), hash: header.hash.toHex() };
    this.#unsubscribeHeads?.();
    this.#unsubscribeHeads = await api.rpc.chain.subscribeNewHeads((h) => {
      this.#head = { number: h.number.toNumber(), hash: h.hash.toHex() };
      this.emit('head', this.#head);
    });
    const identity: ChainIdentity = {
      chain: chain.toString(),
      specName: api.runtimeVersion.specName.toString(),
      specVersion: api.runtimeVersion.specVersion.toNumber(),
      genesisHash: this.#signingGenesis,
      tokenSymbol: api.registry.chainTokens[0] ?? 'UNIT',
      tokenDecimals: api.registry.chainDecimals[0] ?? 12,
    };
    this.#set({ state: 'ready', error: null, identity });
  }

  #set(patch: Partial<ConnectionStatus>): void {
    this.#status = { ...this.#status, ...patch, since: new Date().toISOString() };
    this.emit('connection', this.#status);
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ChainError('CHAIN_TIMEOUT', message)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
