// Builds PSA attestation tokens the way the meter's secure partition would: claims → CBOR →
// COSE_Sign1 (ES256, attestation key) with the certificate chain in the x5chain header.
import type { KeyObject } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { COSE_HEADER_X5CHAIN, signSign1 } from '../src-main/core/attestation/cose-sign1.js';
import { sec1FromKey } from '../src-main/core/attestation/es256.js';
import { encodePsaClaims, Lifecycle, type PsaClaims } from '../src-main/core/attestation/psa-claims.js';
import { PSA_PROFILE_2023, type PsaProfile } from '../src-main/core/attestation/psa-profiles.js';
import { instanceIdForKey } from '../src-main/core/attestation/trust-store.js';
import { approvedFirmware, DEMO_IMPLEMENTATION_ID } from './demo-firmware.js';

/** Claims of a genuine demo meter, in the given profile (RFC 9783's unless a legacy one is asked for). */
export function defaultClaims(deviceKey: KeyObject, nonce: Uint8Array, overrides: Partial<PsaClaims> = {}, profile: PsaProfile = PSA_PROFILE_2023): PsaClaims {
  return {
    profile: profile.id,
    nonce,
    instanceId: instanceIdForKey(sec1FromKey(deviceKey)),
    implementationId: DEMO_IMPLEMENTATION_ID,
    clientId: 1,
    lifecycle: Lifecycle.secured,
    bootSeed: new Uint8Array(randomBytes(32)),
    certificationReference: null,
    softwareComponents: approvedFirmware(),
    verificationService: null,
    ...overrides,
  };
}

/** Signs the claims with the key layout their profile claim names (psa-profiles.ts). */
export function buildPsaToken(claims: PsaClaims, deviceKey: KeyObject, chainDer: readonly Uint8Array[]): Uint8Array {
  const unprotected = new Map<number, unknown>();
  if (chainDer.length > 0) unprotected.set(COSE_HEADER_X5CHAIN, chainDer.length === 1 ? chainDer[0] : [...chainDer]);
  return signSign1(encodePsaClaims(claims), deviceKey, unprotected);
}
