// Where evidence hashes go to be anchored on chain. The chain work provides the real outbox; the
// meters services only call enqueue() after their own transaction committed.
export interface EvidenceAnchorSink {
  /** kind: 'meter-attestation' | 'meter-batch'; ref: a stable local reference such as "meter_batches:42". */
  enqueue(kind: string, sha256Hex: string, ref: string): void;
}

/** Anchors nothing: the default until the chain outbox is wired in. */
export const noopEvidenceAnchorSink: EvidenceAnchorSink = { enqueue: () => undefined };
