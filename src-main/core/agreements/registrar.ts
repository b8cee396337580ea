// The seam between agreements and the chain. The agreements service asks a registrar to register a
// proposed agreement (Uniques item whose metadata is the terms hash, minted through a Multisig call of
// all parties) and to record each party's approval; the registrar reports states, the service stores them.
// Rule: nothing is recorded as signed that the registrar has not confirmed — a signature counts only
// when it is 'on_chain', or 'local_only' from a registrar that says plainly it is not a chain.
import type { AgreementKind, PartyRole } from '../../contract/agreements.js';

export interface RegistrarAgreement {
  readonly id: number;
  readonly kind: AgreementKind;
  readonly version: number;
  readonly title: string;
  readonly equipmentId: number | null;
  readonly parties: readonly { readonly memberId: number; readonly role: PartyRole }[];
  /** Key terms as Uniques attributes. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface ChainPlacement {
  readonly collectionId: number | null;
  readonly itemId: number | null;
  readonly callHash: string | null;
  readonly blockHash: string;
  readonly blockNumber: number;
  readonly extrinsicHash: string;
}

export type RegistrationOutcome =
  | { readonly state: 'local_only' }
  /** Submitted (e.g. the Multisig call is waiting for approvals); settled later via settleRegistration. */
  | { readonly state: 'pending_chain'; readonly callHash: string | null; readonly collectionId?: number | null; readonly itemId?: number | null }
  | ({ readonly state: 'on_chain' } & ChainPlacement)
  | { readonly state: 'failed'; readonly reason: string };

export type ApprovalOutcome =
  | { readonly state: 'local_only' }
  | { readonly state: 'pending_chain' }
  | {
      readonly state: 'on_chain';
      readonly blockHash: string;
      readonly extrinsicHash: string;
      /** Set by the approval that executed the Multisig call (the last one): the agreement is now registered. */
      readonly executed?: ChainPlacement;
    }
  | { readonly state: 'failed'; readonly reason: string };

export interface AgreementRegistrar {
  /** Stored with every registration and signature, e.g. 'local-only' or 'chain-multisig'. */
  readonly name: string;
  /** True only when confirmations are final on a chain; a false registrar's 'local_only' states still count, but are labelled not on chain everywhere. */
  readonly onChain: boolean;
  propose(agreement: RegistrarAgreement, termsHash: string): Promise<RegistrationOutcome>;
  /** `passphrase` unlocks the party's key in the keystore; the registrar must never store or log it. */
  approve(agreementId: number, partyMemberId: number, passphrase: string): Promise<ApprovalOutcome>;
  /**
   * Chain work was queued in SQLite (a proposed version was abandoned: its Multisig is to be cancelled,
   * see multisig-cancellations.ts). Called after the transaction committed; send it when possible.
   */
  chainWorkQueued?(): void;
}
