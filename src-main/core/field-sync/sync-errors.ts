// Stable refusal codes of field sync. Each refusal carries a sentence an operator or technician
// can act on ("ask the office for a new pack", "check the passphrase"); nothing is written when
// one is thrown.
export type FieldSyncRefusalCode =
  | 'BUNDLE_DAMAGED' // truncated or not a sync file at all
  | 'BUNDLE_VERSION' // written by a newer console
  | 'BUNDLE_WRONG_KIND' // a report where a pack is expected, or the reverse
  | 'BUNDLE_FOREIGN' // another cooperative's file
  | 'BUNDLE_UNKNOWN_SENDER' // not signed by a console this one knows
  | 'BUNDLE_SENDER_REVOKED' // signed by a field console the office revoked
  | 'BUNDLE_TAMPERED' // signature does not match the content
  | 'BUNDLE_STALE' // older than the last pack/report already imported from that sender
  | 'BUNDLE_PASSPHRASE' // the pack's passphrase is wrong
  | 'BUNDLE_ITEM_HASH' // one item's content hash does not match
  | 'NOT_ENROLLED' // this console has no office (field) or no such field console (office)
  | 'ENROLMENT_INVALID'
  | 'ITEM_REFUSED' // one item of a report failed a check (attestation, batch signature, …)
  | 'LAN_CLOSED' // the office does not accept network syncs right now
  | 'LAN_NOT_PAIRED' // no confirmed pairing between this laptop and the office (or it was revoked)
  | 'LAN_CODE' // the pairing was refused: codes differ, or the exchange does not check out
  | 'LAN_UNREACHABLE'; // the office cannot be reached at that address

export class FieldSyncRefusal extends Error {
  constructor(
    readonly code: FieldSyncRefusalCode,
    message: string,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'FieldSyncRefusal';
  }
}
