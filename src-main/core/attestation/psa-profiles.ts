// The PSA token profiles the console accepts, with the claim keys each one uses. RFC 9783 defines
// the current profile; §4.6 recommends that verifiers also accept the legacy one deployed TF-M
// devices still emit. A profile decides which CBOR keys carry which claim, and which claims are
// required; the checks themselves are the same for all (verifier.ts).

/** The console's name for each accepted profile (shown in checks, the CLI and the emulator flag). */
export type PsaProfileName = 'psa-tfm-2023' | 'psa-2.0.0' | 'psa-iot-1';

export interface ClaimKeys {
  readonly profile: number;
  readonly nonce: number;
  readonly instanceId: number;
  readonly clientId: number;
  readonly lifecycle: number;
  readonly implementationId: number;
  readonly bootSeed: number;
  readonly certificationReference: number;
  readonly softwareComponents: number;
  /** Only PSA_IOT_PROFILE_1: "no software measurements" lets a token omit the components. */
  readonly noSoftwareMeasurements: number | null;
  readonly verificationService: number;
}

export interface PsaProfile {
  readonly name: PsaProfileName;
  /** The value of the profile claim that names this profile. */
  readonly id: string;
  readonly keys: ClaimKeys;
  readonly bootSeedRequired: boolean;
  /** Allowed boot seed lengths, inclusive. */
  readonly bootSeedLength: readonly [number, number];
  readonly summary: string;
}

/** RFC 9783 §4 and its claim-key table: EAT keys for nonce, ueid, profile and bootseed (268). */
export const PSA_PROFILE_2023: PsaProfile = {
  name: 'psa-tfm-2023',
  id: 'tag:psacertified.org,2023:psa#tfm',
  keys: {
    profile: 265, nonce: 10, instanceId: 256, clientId: 2394, lifecycle: 2395, implementationId: 2396,
    bootSeed: 268, certificationReference: 2398, softwareComponents: 2399, noSoftwareMeasurements: null, verificationService: 2400,
  },
  bootSeedRequired: false,
  bootSeedLength: [8, 32],
  summary: 'RFC 9783 profile',
};

/**
 * The draft profile between the two (draft-tschofenig-rats-psa-token-09 … -13, TF-M's
 * PSA_2_0_0 build option): the current keys except the boot seed, which sat at 2397.
 */
export const PSA_PROFILE_2_0_0: PsaProfile = {
  name: 'psa-2.0.0',
  id: 'http://arm.com/psa/2.0.0',
  keys: { ...PSA_PROFILE_2023.keys, bootSeed: 2397 },
  bootSeedRequired: false,
  bootSeedLength: [8, 32],
  summary: 'legacy draft profile, boot seed at key 2397',
};

/** RFC 9783 §4.6 (PSA-OLD): private-use claim keys −75000 … −75010; the profile claim itself is optional. */
export const PSA_PROFILE_IOT_1: PsaProfile = {
  name: 'psa-iot-1',
  id: 'PSA_IOT_PROFILE_1',
  keys: {
    profile: -75000, clientId: -75001, lifecycle: -75002, implementationId: -75003, bootSeed: -75004,
    certificationReference: -75005, softwareComponents: -75006, noSoftwareMeasurements: -75007,
    nonce: -75008, instanceId: -75009, verificationService: -75010,
  },
  bootSeedRequired: true,
  bootSeedLength: [32, 32],
  summary: 'legacy profile, claim keys -75000…-75010, RFC 9783 §4.6',
};

export const PSA_PROFILES: readonly PsaProfile[] = [PSA_PROFILE_2023, PSA_PROFILE_2_0_0, PSA_PROFILE_IOT_1];

export function psaProfileByName(name: string): PsaProfile | undefined {
  return PSA_PROFILES.find((p) => p.name === name);
}

const isLegacyKey = (key: unknown): boolean => typeof key === 'number' && key <= -75000 && key >= -75010;

/**
 * Which key layout a claims map uses: any −750xx key means PSA_IOT_PROFILE_1; otherwise the
 * profile claim (265) picks between 2.0.0 and 2023. An unknown or missing profile is read with
 * the 2023 keys, so that the profile check (not 'malformed') reports it.
 */
export function layoutOf(claims: ReadonlyMap<unknown, unknown>): PsaProfile {
  for (const key of claims.keys()) if (isLegacyKey(key)) return PSA_PROFILE_IOT_1;
  return claims.get(PSA_PROFILE_2023.keys.profile) === PSA_PROFILE_2_0_0.id ? PSA_PROFILE_2_0_0 : PSA_PROFILE_2023;
}

/** The layout a claims record is encoded with, from its profile claim (2023 unless it names another). */
export function layoutForProfileClaim(profile: string | null): PsaProfile {
  return PSA_PROFILES.find((p) => p.id === profile) ?? PSA_PROFILE_2023;
}
