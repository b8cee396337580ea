// The sentence for a refusal of the core, in the operator's language (pure; error-text.ts binds it
// to the window). A refusal with a reason (details.reason) is said from it and its values; codes
// whose sentence never varies are translated; any other refusal keeps the core's specific English
// sentence on an English screen and is said from its code on any other, never in English there.

/** What the sentence needs of an ApiError (kept structural so the rule has no imports). */
export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly details: { readonly reason?: string; readonly params?: Readonly<Record<string, string | number>> };
}

export interface ErrorTranslator {
  t: (key: string, params?: Record<string, unknown>) => string;
  te: (key: string) => boolean;
  locale: string;
}

/** Codes said the same way whatever the core's sentence. */
export const TRANSLATED_CODES: ReadonlySet<string> = new Set([
  'UNREACHABLE', 'BAD_RESPONSE', 'UNAUTHENTICATED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE', 'UNKNOWN_CHANNEL', 'MALFORMED_REQUEST',
  'INVALID_CREDENTIALS', 'SETUP_REQUIRED', 'ALREADY_SET_UP', 'VALIDATION', 'DB_NEWER', 'DB_UNREADABLE', 'INTERNAL',
  'CHAIN_OFF', 'CHAIN_NOT_CONNECTED', 'CHAIN_NOT_BOOTSTRAPPED',
  'KEYSTORE_NOT_INITIALIZED', 'KEYSTORE_LOCKED', 'KEYSTORE_WRONG_PASSPHRASE', 'KEYSTORE_CORRUPT_FILE',
  'ALREADY_REVERSED', 'NOT_REVERSIBLE', 'JOURNAL_REFUSED',
]);

export function refusalText(tr: ErrorTranslator, error: Refusal): string {
  const reason = error.details.reason;
  if (reason && tr.te(`errors.reasons.${reason}`)) return tr.t(`errors.reasons.${reason}`, { ...(error.details.params ?? {}) });
  if (TRANSLATED_CODES.has(error.code)) return tr.t(`errors.${error.code}`);
  if (tr.locale.startsWith('en') || !tr.te(`errors.${error.code}`)) return error.message;
  return tr.t(`errors.${error.code}`);
}
