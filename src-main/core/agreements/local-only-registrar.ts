// NOT ON CHAIN. A registrar for a console without a chain connection: it confirms proposals and
// approvals immediately and records nothing outside SQLite (the agreements service writes the rows).
// Everything it confirms is stored as 'local_only' and the proof pack says so in plain words.
// The chain work replaces it with a Multisig/Uniques registrar behind the same interface.
import type { AgreementRegistrar, ApprovalOutcome, RegistrationOutcome } from './registrar.js';

export class LocalOnlyRegistrar implements AgreementRegistrar {
  readonly name = 'local-only';
  readonly onChain = false;

  async propose(): Promise<RegistrationOutcome> {
    return { state: 'local_only' };
  }

  async approve(): Promise<ApprovalOutcome> {
    return { state: 'local_only' };
  }
}
