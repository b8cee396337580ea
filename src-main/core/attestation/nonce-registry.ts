// Challenges issued by this console: each nonce is random, single-use and short-lived, and old
// ones are remembered (bounded) so a replayed token can be named as such.
import { randomBytes } from 'node:crypto';
import { toHex } from './trust-store.js';

export type NonceState = 'fresh' | 'expired' | 'used' | 'unknown';

export class NonceRegistry {
  private readonly issued = new Map<string, { expiresAt: number; used: boolean }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly remember = 1000,
    private readonly nowMs: () => number = Date.now,
  ) {}

  issue(bytes = 32): Uint8Array {
    const nonce = new Uint8Array(randomBytes(bytes));
    this.issued.set(toHex(nonce), { expiresAt: this.nowMs() + this.ttlMs, used: false });
    while (this.issued.size > this.remember) this.issued.delete(this.issued.keys().next().value as string);
    return nonce;
  }

  /** Marks the nonce used and tells whether it was still fresh. */
  consume(nonce: Uint8Array): NonceState {
    const entry = this.issued.get(toHex(nonce));
    if (!entry) return 'unknown';
    if (entry.used) return 'used';
    entry.used = true;
    return this.nowMs() > entry.expiresAt ? 'expired' : 'fresh';
  }

  wasIssued(nonce: Uint8Array): boolean {
    return this.issued.has(toHex(nonce));
  }
}
