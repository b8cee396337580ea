// The proof pack of an agreement: a zip a member, auditor or court can check without the console —
// the frozen terms PDF, its SHA-256 (sha256sum format), the registration fields (null until the chain
// work fills them) and every signatory with the state of their signature. Deterministic bytes.
import { strToU8, zipSync } from 'fflate';
import type { Agreement, MultisigCancellation, Signature } from '../../contract/agreements.js';
import type { AgreementChainCall } from './agreement-chain-calls.js';
import { sha256Hex } from './terms-document.js';

export interface ProofPackInput {
  readonly agreement: Agreement;
  readonly version: number;
  readonly termsPdf: Uint8Array;
  readonly termsHash: string;
  readonly signatures: readonly Signature[];
  readonly attributes: Readonly<Record<string, string>>;
  /** The instant the pack describes (stored in the zip entries' dates, so repeated exports are identical). */
  readonly asOf: string;
  /** The version's registering call (chain registrar): what every party approved, checkable against the chain. */
  readonly chainCall?: AgreementChainCall | null;
  readonly cancellation?: MultisigCancellation | null;
}

export class ProofPackError extends Error {}

export function buildProofPack(input: ProofPackInput): Uint8Array {
  const actual = sha256Hex(input.termsPdf);
  if (actual !== input.termsHash) {
    throw new ProofPackError(`The stored terms document of agreement ${input.agreement.id} no longer matches its terms hash (${input.termsHash} recorded, ${actual} found). The database may have been altered; restore a backup.`);
  }
  const { agreement } = input;
  const pdfName = `terms-agreement-${agreement.id}-v${input.version}.pdf`;
  const notOnChain = agreement.registration.state === 'local_only' || agreement.registration.registrar === 'local-only';
  const registration = {
    agreementId: agreement.id,
    kind: agreement.kind,
    status: agreement.status,
    version: input.version,
    termsHash: input.termsHash,
    termsDocument: pdfName,
    onChain: agreement.registration.state === 'on_chain',
    notice: notOnChain ? 'NOT ON CHAIN: recorded only in the cooperative console by the local-only registrar.' : null,
    registrar: agreement.registration.registrar,
    state: agreement.registration.state,
    collectionId: agreement.registration.collectionId,
    itemId: agreement.registration.itemId,
    callHash: agreement.registration.callHash,
    blockHash: agreement.registration.blockHash,
    blockNumber: agreement.registration.blockNumber,
    extrinsicHash: agreement.registration.extrinsicHash,
    attributes: input.attributes,
    multisig: input.chainCall
      ? {
          address: input.chainCall.multisig,
          threshold: input.chainCall.threshold,
          signatories: input.chainCall.signatories,
          callHash: input.chainCall.callHash,
          callData: input.chainCall.callHex,
          timepoint: input.chainCall.timepoint,
        }
      : null,
    cancellation: input.cancellation ?? null,
  };
  const signatories = agreement.parties.map((party) => {
    const signature = input.signatures.find((s) => s.memberId === party.memberId && s.version === input.version) ?? null;
    return {
      role: party.role,
      memberId: party.memberId,
      memberNo: party.memberNo,
      name: party.memberName,
      signature: signature && {
        state: signature.state,
        registrar: signature.registrar,
        recordedAt: signature.recordedAt,
        confirmedAt: signature.confirmedAt,
        blockHash: signature.blockHash,
        extrinsicHash: signature.extrinsicHash,
      },
    };
  });
  const readme = [
    `Proof pack of agreement ${agreement.id} (${agreement.kind}), version ${input.version}, as of ${input.asOf}.`,
    '',
    `1. ${pdfName} is the terms document every party approved.`,
    '2. Check it: sha256sum -c terms.sha256   (or compare its SHA-256 with termsHash in registration.json).',
    '3. registration.json says where the agreement is registered; signatories.json lists each party and its signature.',
    input.chainCall ? '4. registration.json "multisig": the Multisig, threshold, signatories, call hash and call data every party approved (blake2-256 of callData = callHash).' : '',
    notOnChain ? '\nNOT ON CHAIN: this agreement was recorded only in the cooperative console (local-only registrar).' : '',
    '',
  ].join('\n');
  const mtime = new Date(input.asOf);
  const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);
  return zipSync(
    {
      'README.txt': [strToU8(readme), { mtime }],
      [pdfName]: [input.termsPdf, { mtime, level: 0 }],
      'terms.sha256': [strToU8(`${input.termsHash}  ${pdfName}\n`), { mtime }],
      'registration.json': [json(registration), { mtime }],
      'signatories.json': [json(signatories), { mtime }],
    },
    { level: 6, mtime },
  );
}
