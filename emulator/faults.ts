// Fault injection for training and tests. Each flag damages the meter's behaviour in one specific
// way, so the console's matching error can be asserted.
export const FAULTS = [
  'bad-crc', // replies carry a wrong CRC-32
  'truncated', // replies are cut in half (then delimited)
  'noise', // random bytes on the line before each (valid) reply: the console must resynchronise
  'garbage', // replies are replaced by unreadable bytes
  'slow', // replies are delayed by --slow-ms
  'stale-nonce', // attestation ignores the console's nonce and answers an old, fixed one
  'replayed-nonce', // attestation re-sends the previous token verbatim
  'unknown-firmware', // the meter runs an unapproved firmware image
  'bad-signature', // tokens and batches carry a corrupted signature
  'revoked-cert', // the meter uses the DEMO identity whose certificate is revoked
  'expired-cert', // the meter's certificate validity period has ended
  'unplug', // after executing a request, half the reply is sent and the meter disappears
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultPlan {
  readonly faults: ReadonlySet<Fault>;
  /** Only damage replies to this request (e.g. 'provision'); null = every request. */
  readonly onlyFor: string | null;
  /** Line faults apply to this many replies, then the meter behaves (tests retry recovery); null = always. */
  remaining: number | null;
  readonly slowMs: number;
}

export function parseFaults(values: readonly string[]): Set<Fault> {
  const out = new Set<Fault>();
  for (const value of values.flatMap((v) => v.split(',')).filter(Boolean)) {
    if (!(FAULTS as readonly string[]).includes(value)) throw new Error(`Unknown fault "${value}". Known faults: ${FAULTS.join(', ')}`);
    out.add(value as Fault);
  }
  return out;
}
