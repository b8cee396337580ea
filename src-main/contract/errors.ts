// Errors cross the process boundary as data: a stable code the UI can branch on, a message a person
// can act on, and optional details (per-field validation issues). The renderer rebuilds ApiError.

export const API_ERROR_CODES = [
  'VALIDATION', // input failed the channel's schema; details.issues says where
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_CHANNEL',
  'MALFORMED_REQUEST', // the HTTP request itself cannot be read (an address with broken percent-encoding)
  'UNAUTHENTICATED', // no session, or it expired
  'FORBIDDEN', // signed in, but this role may not do this
  'INVALID_CREDENTIALS',
  'LOCKED_OUT',
  'RATE_LIMITED', // too many failed attempts in a short time (kiosk sign-in); details.retryAfterSeconds says when to try again
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  'NOT_FOUND',
  'CONFLICT', // e.g. duplicate member number
  'IMPORT_REJECTED', // CSV import refused as a whole; nothing written
  'BACKUP_FAILED',
  'RESTORE_FAILED',
  'ILLEGAL_TRANSITION', // an agreement step not allowed from its current status (or signing outside 'proposed')
  'REGISTRAR_FAILED', // the agreement registrar (chain) refused or failed; nothing counts as signed
  'DEVICE_UNREACHABLE', // a meter or serial port did not answer (cable, power, port name); retry helps
  'DEVICE_REFUSED', // a meter answered but refused or sent something unverifiable (failed attestation, rejected batch)
  'DB_NEWER',
  'DB_UNREADABLE',
  // The chain (Ledger): the message always says what to do.
  'CHAIN_OFF', // the console runs without a chain; Settings → Chain turns it on
  'CHAIN_NOT_CONNECTED', // the node is starting, stopped or unreachable; wait or check the endpoint
  'CHAIN_MISSING_CAPABILITIES', // an external chain lacks pallets/calls the console needs; details.missing names them
  'CHAIN_ENDPOINT_INVALID',
  'CHAIN_NOT_BOOTSTRAPPED', // the cooperative's accounts/assets are not set up on this chain yet
  'CHAIN_FAILED', // the chain refused or did not answer in time (decoded error in the message)
  'KEYSTORE_NOT_INITIALIZED',
  'KEYSTORE_ALREADY_INITIALIZED',
  'KEYSTORE_LOCKED', // nothing is signed until an admin unlocks the keystore
  'KEYSTORE_WRONG_PASSPHRASE',
  'KEYSTORE_CORRUPT_FILE', // a key or backup file is damaged or of another kind
  'KEYSTORE_UNKNOWN_KEY',
  'KEYSTORE_DUPLICATE_KEY',
  // The journal (books): a reversal refused, or an entry a caller built that the journal refuses.
  'ALREADY_REVERSED', // the entry was reversed before; the message names the reversing entry
  'NOT_REVERSIBLE', // the entry is itself a reversal; post a new entry instead
  'JOURNAL_REFUSED', // unbalanced, empty, a bad amount or account: nothing was posted
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiIssue {
  /** Dotted path into the input, e.g. "member.phone"; empty for the whole input. */
  readonly path: string;
  /** English, for logs and API callers; the renderer says the issue from code, reason and params. */
  readonly message: string;
  /** What kind of problem: the schema's issue code (too_small, invalid_type …) or 'custom'. */
  readonly code?: ApiIssueCode;
  /** A rule's own name for a custom problem (e.g. 'windowsOverlap'); see contract/issues.ts. */
  readonly reason?: string;
  /** The values the problem was found with (minimum, maximum, origin, expected …). */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/** Issue codes of the schema library (zod 4) plus 'custom' for the core's own rules. */
export const API_ISSUE_CODES = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
] as const;
export type ApiIssueCode = (typeof API_ISSUE_CODES)[number];

export interface ApiErrorData {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly issues?: readonly ApiIssue[];
  /** Values the message was built from, so the UI can say it in the operator's language. */
  readonly details?: ApiErrorDetails;
}

export interface ApiErrorDetails {
  /** INVALID_CREDENTIALS: wrong passwords left before the account locks. */
  readonly attemptsLeft?: number;
  /** LOCKED_OUT: when the lock ends (ISO-8601). */
  readonly lockedUntil?: string;
  /** RATE_LIMITED: seconds until attempts are accepted again. */
  readonly retryAfterSeconds?: number;
  /** CHAIN_MISSING_CAPABILITIES: what the chain lacks, e.g. "Uniques (pallet)". */
  readonly missing?: readonly string[];
  /** Which refusal this is, when the sentence varies within a code: the console says it from this. */
  readonly reason?: ErrorReason;
  /** The values the refusal was found with (names, numbers, a status code). */
  readonly params?: Readonly<Record<string, string | number>>;
  /** IMPORT_REJECTED by field sync: the refusal's stable code (BUNDLE_STALE, ITEM_REFUSED, …), said in the operator's language by the renderer. */
  readonly syncRefusal?: string;
}

/**
 * Stable names of the refusals people meet most (a CONFLICT, NOT_FOUND … whose sentence varies).
 * The renderer has an EN and FR sentence for each (a unit test checks it); a refusal without a
 * reason is said from its code alone on a non-English screen.
 */
export const ERROR_REASONS = [
  'notFound', 'memberNoTaken', 'siteNameTaken', 'usernameTaken', 'lastAdmin', 'planNameTaken', 'serialTaken',
  'equipmentRetired', 'equipmentInAgreement', 'demoNeedsEmpty', 'onlyDraftRevised', 'onlyProposedSigned',
  'signAfterFailedRegistration', 'alreadySigned', 'revisedMeanwhile', 'retryNothingFailed', 'retryNeedsRepropose',
  'memberDeactivated', 'noChainAccount', 'hasChainAccount', 'ownerNoChainAccount', 'ownWallet', 'portMissing', 'portBusy',
  'listingClosed', 'versionInForce', 'ratingTooEarly', 'alreadyRated', 'restoreBusy', 'outboxNotFailed',
  // energy (contract/energy.ts ENERGY_REFUSALS)
  'key_overlaps_version', 'key_rewrites_flows', 'key_table_rejected', 'month_in_future',
  // settlements (contract/settlements.ts SETTLEMENT_REFUSALS, with the params each one carries)
  'settlement_no_cooperative', 'settlement_period_reversed', 'settlement_period_not_ended', 'settlement_approved_rerun',
  'settlement_overlaps', 'settlement_earlier_unposted', 'settlement_changed_meanwhile', 'settlement_no_tariff_plan',
  'settlement_no_tariff_version', 'settlement_flows_inconsistent', 'settlement_mixed_currencies', 'settlement_already_approved',
  'settlement_already_posted', 'settlement_not_approved', 'settlement_posted_never_reopened', 'settlement_reopen_not_approved',
  'settlement_inputs_changed',
  // green tokens (core/tokens)
  'tokensTooMany', 'tokensRedemptionClosed', 'tokensWorthNothing', 'tokenPolicyInvalid', 'tokenPolicyBackdated',
  // statements (contract/statements.ts)
  'statementPeriodNotPosted', 'noStatement',
  // field sync (core/field-sync/conflicts.ts)
  'fieldMeterMoneyCounted',
  // payments (core/payments/payments-service.ts reverseOwnedEntry)
  'paymentAssignmentEntry',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

export type ApiResponse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorData };
