// Journal refusals become CoreErrors with the contract's codes (their messages are already written
// for people). For any service that posts or reverses entries through the API.
import type { ApiErrorCode } from '../../contract/errors.js';
import { CoreError } from '../api/core-error.js';
import { JournalError, type JournalErrorCode } from './types.js';

const API_CODES: Record<JournalErrorCode, ApiErrorCode> = {
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_REVERSED: 'ALREADY_REVERSED',
  IS_REVERSAL: 'NOT_REVERSIBLE',
  REASON_REQUIRED: 'VALIDATION',
  UNBALANCED: 'JOURNAL_REFUSED',
  EMPTY: 'JOURNAL_REFUSED',
  BAD_AMOUNT: 'JOURNAL_REFUSED',
  UNKNOWN_ACCOUNT: 'JOURNAL_REFUSED',
  BAD_INPUT: 'JOURNAL_REFUSED',
};

/** Runs `work`; a JournalError comes out as the CoreError the API carries, anything else unchanged. */
export function withJournalErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof JournalError) throw new CoreError(API_CODES[error.code], error.message);
    throw error;
  }
}
