// Rate limit of failed kiosk sign-ins, across all member numbers: the per-member PIN lock stops
// guessing one member's PIN, this stops trying one common PIN against many member numbers (or many
// card codes). At most MAX failures in any WINDOW; beyond that every attempt is refused until the
// oldest failure leaves the window. Pure apart from the clock it is given; kept in memory (a restart
// forgets it, the per-member locks are in the database).
export const KIOSK_MAX_FAILURES = 10;
export const KIOSK_FAILURE_WINDOW_MS = 60_000;

export class SignInThrottle {
  private failures: number[] = [];

  constructor(
    private readonly now: () => number,
    private readonly max = KIOSK_MAX_FAILURES,
    private readonly windowMs = KIOSK_FAILURE_WINDOW_MS,
  ) {}

  /** Milliseconds until an attempt is accepted again; 0 when it may go ahead. */
  waitMs(): number {
    const now = this.now();
    this.failures = this.failures.filter((at) => at > now - this.windowMs);
    if (this.failures.length < this.max) return 0;
    return this.failures[this.failures.length - this.max]! + this.windowMs - now;
  }

  recordFailure(): void {
    this.failures.push(this.now());
  }
}
