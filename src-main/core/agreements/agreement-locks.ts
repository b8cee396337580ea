// One chain step per agreement at a time. Proposing, approving and cancelling the same agreement's
// Multisig must never interleave: two "last" approvals must not both try to execute, and a
// re-proposal must not reuse a Multisig that a queued cancellation is about to remove.
export class AgreementLocks {
  readonly #tails = new Map<number, Promise<unknown>>();

  /** Runs `work` after every earlier step of the same agreement settled (failures included). */
  async run<T>(agreementId: number, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(agreementId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.#tails.set(agreementId, next);
    try {
      return await next;
    } finally {
      if (this.#tails.get(agreementId) === next) this.#tails.delete(agreementId);
    }
  }
}
