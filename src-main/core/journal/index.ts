// The cooperative's journal: append-only double-entry books in integer minor units.
// Sign convention and account kinds: README.md beside this file.
export * from './types.js';
export { postEntries, reverseEntry, accountBalance, memberCharges, liveChargesByMember, type LiveCharge, findAccountId, accountRefOf, type JournalWriteOptions, type ReverseEntryOptions } from './journal-repo.js';
export { checkJournalIntegrity } from './integrity.js';
export { accountKey, validateEntry, validateAccountRef, reversingLines, isIsoDate } from './rules.js';
