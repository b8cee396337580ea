// Deliberate nonce management: one counter per account, handed out under a per-account lock so
// parallel submissions from one account get consecutive nonces and reach the node in nonce order.
// The counter starts from the node's `system_accountNextIndex`, which counts the account's pool
// entries too, so extrinsics resent by the outbox after a restart are accounted for.
import type { ApiPromise } from '@polkadot/api';

export class NonceManager {
  readonly #next = new Map<string, number>();
  readonly #tails = new Map<string, Promise<unknown>>();

  constructor(private readonly api: () => ApiPromise) {}

  /**
   * Runs `use(nonce)` with the account's next nonce, one call per account at a time. If `use`
   * throws, the counter is dropped and re-read from the chain next time (the nonce was not used).
   */
  async withNonce<T>(address: string, use: (nonce: number) => Promise<T>): Promise<T> {
    const previous = this.#tails.get(address) ?? Promise.resolve();
    let release!: () => void;
    const tail = new Promise<void>((resolve) => (release = resolve));
    const chained = previous.then(() => tail);
    this.#tails.set(address, chained);
    await previous.catch(() => undefined);
    try {
      let nonce = this.#next.get(address);
      if (nonce === undefined) {
        nonce = (await this.api().rpc.system.accountNextIndex(address)).toNumber();
      }
      try {
        const result = await use(nonce);
        this.#next.set(address, nonce + 1);
        return result;
      } catch (error) {
        this.#next.delete(address);
        throw error;
      }
    } finally {
      release();
      if (this.#tails.get(address) === chained) this.#tails.delete(address);
    }
  }

  /** Forget every counter (after a reconnect or node restart the pool may have changed). */
  reset(): void {
    this.#next.clear();
  }

  invalidate(address: string): void {
    this.#next.delete(address);
  }
}
