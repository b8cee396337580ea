// The registrar the console uses: the chain registrar whenever a chain is on, the (plainly labelled)
// local-only one when it is off. Settings can switch the chain at run time, so the choice — and
// with it `name` and `onChain`, which decide what counts as signed — is made at every call.
import type { ChainRuntime } from '../chain/runtime.js';
import type { ChainAgreementRegistrar } from './chain-registrar.js';
import { LocalOnlyRegistrar } from './local-only-registrar.js';
import type { AgreementRegistrar, ApprovalOutcome, RegistrarAgreement, RegistrationOutcome } from './registrar.js';

export class SwitchingRegistrar implements AgreementRegistrar {
  readonly #local = new LocalOnlyRegistrar();

  constructor(
    private readonly chainRegistrar: ChainAgreementRegistrar,
    private readonly chain: () => ChainRuntime | null,
  ) {}

  get #active(): AgreementRegistrar {
    return this.chain() ? this.chainRegistrar : this.#local;
  }

  get name(): string {
    return this.#active.name;
  }

  get onChain(): boolean {
    return this.#active.onChain;
  }

  propose(agreement: RegistrarAgreement, termsHash: string): Promise<RegistrationOutcome> {
    return this.#active.propose(agreement, termsHash);
  }

  approve(agreementId: number, partyMemberId: number, passphrase: string): Promise<ApprovalOutcome> {
    return this.#active.approve(agreementId, partyMemberId, passphrase);
  }

  /** Always the chain registrar's: a cancellation decided while the chain is off waits for it to come back. */
  chainWorkQueued(): void {
    this.chainRegistrar.chainWorkQueued();
  }
}
