// The rule for a new keystore passphrase as the forms check it while typing (the core checks it
// again): at least 10 characters, typed twice the same. Shared by the Ledger and the first-run wizard.
export const MIN_PASSPHRASE = 10;

/** Translation key of what is wrong so far (nothing while a field is still empty), or null. */
export function newPassphraseProblem(passphrase: string, confirm: string): 'ledger.keystore.minLength' | 'ledger.keystore.mismatch' | null {
  if (passphrase.length > 0 && passphrase.length < MIN_PASSPHRASE) return 'ledger.keystore.minLength';
  if (confirm.length > 0 && confirm !== passphrase) return 'ledger.keystore.mismatch';
  return null;
}

/** Both fields filled and right: the create button may be pressed. */
export const newPassphraseReady = (passphrase: string, confirm: string) => passphrase.length >= MIN_PASSPHRASE && confirm === passphrase;
