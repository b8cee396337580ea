// When may a failed registration be sent again? The pure rule behind "Retry registration".
// A registration fails at propose when the cooperative's first approval did not reach the chain
// (no set-up yet, keystore locked, node away): nothing of this version is on chain, so asking the
// registrar again is safe — it reads the chain first and never approves twice. A registration that
// failed after parties approved (the last approval ran the call and the chain refused it) cannot be
// retried: those approvals went with the Multisig, so the version must be withdrawn and proposed again.
import type { Agreement, RegistrationRetry, Signature } from '../../contract/agreements.js';

export function registrationRetry(agreement: Pick<Agreement, 'status' | 'version' | 'registration'>, signatures: readonly Pick<Signature, 'version' | 'state'>[]): RegistrationRetry {
  if (agreement.status !== 'proposed' || agreement.registration.state !== 'failed') return null;
  const approved = signatures.some((s) => s.version === agreement.version && (s.state === 'on_chain' || s.state === 'pending_chain'));
  return approved ? 'repropose' : 'allowed';
}
