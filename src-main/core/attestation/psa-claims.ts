// PSA attestation token claims (RFC 9783 §4): integer keys, decoded from the COSE payload into a
// typed record. Structural problems throw ClaimsError (reported as the 'malformed' check); the
// semantic checks (profile, lifecycle, …) are the verifier's job.
import { cborDecodeMaps, cborEncode } from '../devices/cbor.js';

export const PSA_PROFILE_2023 = 'tag:psacertified.org,2023:psa#tfm';

export const Claim = {
  nonce: 10,
  instanceId: 256,
  profile: 265,
  clientId: 2394,
  lifecycle: 2395,
  implementationId: 2396,
  bootSeed: 2397,
  certificationReference: 2398,
  softwareComponents: 2399,
  verificationService: 2400,
} as const;

export const SwComponentKey = { measurementType: 1, measurementValue: 2, version: 4, signerId: 5, measurementDescription: 6 } as const;

/** Security lifecycle (RFC 9783 §4.3.1): the high byte is the state; 0x30xx is "secured". */
export const Lifecycle = {
  unknown: 0x0000,
  assemblyAndTest: 0x1000,
  psaRotProvisioning: 0x2000,
  secured: 0x3000,
  nonPsaRotDebug: 0x4000,
  recoverablePsaRotDebug: 0x5000,
  decommissioned: 0x6000,
} as const;

export function lifecycleName(value: number): string {
  const state = value & 0xff00;
  const entry = Object.entries(Lifecycle).find(([, v]) => v === state);
  return entry ? entry[0] : `reserved (0x${value.toString(16)})`;
}

export const isSecuredLifecycle = (value: number): boolean => (value & 0xff00) === Lifecycle.secured;

export interface SoftwareComponent {
  readonly measurementType: string | null;
  readonly measurementValue: Uint8Array;
  readonly version: string | null;
  readonly signerId: Uint8Array;
  readonly measurementDescription: string | null;
}

export interface PsaClaims {
  readonly profile: string | null;
  readonly nonce: Uint8Array;
  readonly instanceId: Uint8Array;
  readonly implementationId: Uint8Array;
  readonly clientId: number;
  readonly lifecycle: number;
  readonly bootSeed: Uint8Array;
  readonly certificationReference: string | null;
  readonly softwareComponents: readonly SoftwareComponent[];
  readonly verificationService: string | null;
}

export class ClaimsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimsError';
  }
}

export function decodePsaClaims(payload: Uint8Array): PsaClaims {
  let map: unknown;
  try {
    map = cborDecodeMaps(payload);
  } catch (error) {
    throw new ClaimsError(`claims are not CBOR: ${(error as Error).message}`);
  }
  if (!(map instanceof Map)) throw new ClaimsError('claims must be a CBOR map');
  const claims = map;
  const bytes = (key: number, name: string, lengths: readonly number[] | [number, number]): Uint8Array => {
    const value = claims.get(key);
    if (!(value instanceof Uint8Array)) throw new ClaimsError(`claim ${name} (${key}) is missing or not a byte string`);
    const ok = lengths.length === 2 && lengths[0] < lengths[1] ? value.length >= lengths[0] && value.length <= lengths[1] : lengths.includes(value.length);
    if (!ok) throw new ClaimsError(`claim ${name} (${key}) has invalid length ${value.length}`);
    return value;
  };
  const optionalText = (key: number, name: string): string | null => {
    const value = claims.get(key);
    if (value === undefined) return null;
    if (typeof value !== 'string') throw new ClaimsError(`claim ${name} (${key}) must be text`);
    return value;
  };
  const int = (key: number, name: string): number => {
    const value = claims.get(key);
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new ClaimsError(`claim ${name} (${key}) is missing or not an integer`);
    return value;
  };
  const components = claims.get(Claim.softwareComponents);
  if (!Array.isArray(components) || components.length === 0) {
    throw new ClaimsError(`claim software-components (${Claim.softwareComponents}) must be a non-empty array`);
  }
  return {
    profile: optionalText(Claim.profile, 'profile'),
    nonce: bytes(Claim.nonce, 'nonce', [32, 48, 64]),
    instanceId: bytes(Claim.instanceId, 'instance-id', [33]),
    implementationId: bytes(Claim.implementationId, 'implementation-id', [32]),
    clientId: int(Claim.clientId, 'client-id'),
    lifecycle: int(Claim.lifecycle, 'security-lifecycle'),
    bootSeed: bytes(Claim.bootSeed, 'boot-seed', [8, 32]),
    certificationReference: optionalText(Claim.certificationReference, 'certification-reference'),
    softwareComponents: components.map((c, i) => decodeComponent(c, i)),
    verificationService: optionalText(Claim.verificationService, 'verification-service'),
  };
}

function decodeComponent(component: unknown, index: number): SoftwareComponent {
  if (!(component instanceof Map)) throw new ClaimsError(`software component #${index} must be a map`);
  const value = component.get(SwComponentKey.measurementValue);
  const signer = component.get(SwComponentKey.signerId);
  if (!(value instanceof Uint8Array) || value.length < 32) throw new ClaimsError(`software component #${index} lacks a measurement value (≥ 32 bytes)`);
  if (!(signer instanceof Uint8Array) || signer.length < 32) throw new ClaimsError(`software component #${index} lacks a signer id (≥ 32 bytes)`);
  const text = (key: number, name: string): string | null => {
    const v = component.get(key);
    if (v === undefined) return null;
    if (typeof v !== 'string') throw new ClaimsError(`software component #${index} ${name} must be text`);
    return v;
  };
  return {
    measurementType: text(SwComponentKey.measurementType, 'measurement type'),
    measurementValue: value,
    version: text(SwComponentKey.version, 'version'),
    signerId: signer,
    measurementDescription: text(SwComponentKey.measurementDescription, 'measurement description'),
  };
}

/** Encodes claims as the CBOR map a device signs (used by the emulator and by tests). */
export function encodePsaClaims(claims: PsaClaims): Uint8Array {
  const map = new Map<number, unknown>();
  if (claims.profile !== null) map.set(Claim.profile, claims.profile);
  map.set(Claim.nonce, claims.nonce);
  map.set(Claim.instanceId, claims.instanceId);
  map.set(Claim.implementationId, claims.implementationId);
  map.set(Claim.clientId, claims.clientId);
  map.set(Claim.lifecycle, claims.lifecycle);
  map.set(Claim.bootSeed, claims.bootSeed);
  if (claims.certificationReference !== null) map.set(Claim.certificationReference, claims.certificationReference);
  map.set(
    Claim.softwareComponents,
    claims.softwareComponents.map((c) => {
      const m = new Map<number, unknown>();
      if (c.measurementType !== null) m.set(SwComponentKey.measurementType, c.measurementType);
      m.set(SwComponentKey.measurementValue, c.measurementValue);
      if (c.version !== null) m.set(SwComponentKey.version, c.version);
      m.set(SwComponentKey.signerId, c.signerId);
      if (c.measurementDescription !== null) m.set(SwComponentKey.measurementDescription, c.measurementDescription);
      return m;
    }),
  );
  if (claims.verificationService !== null) map.set(Claim.verificationService, claims.verificationService);
  return cborEncode(map);
}
