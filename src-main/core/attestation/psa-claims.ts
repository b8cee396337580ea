// PSA attestation token claims (RFC 9783 §4): integer keys, decoded from the COSE payload into a
// typed record. Which keys carry which claim depends on the profile (psa-profiles.ts). Structural
// problems throw ClaimsError (reported as the 'malformed' check); the semantic checks (profile,
// lifecycle, …) are the verifier's job.
import { cborDecodeMaps, cborEncode } from '../devices/cbor.js';
import { layoutForProfileClaim, layoutOf, PSA_PROFILE_2023, type PsaProfile, type PsaProfileName } from './psa-profiles.js';

/** Claim keys of the current profile (RFC 9783). */
export const Claim = PSA_PROFILE_2023.keys;

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
  /** The profile claim as sent (optional in PSA_IOT_PROFILE_1). */
  readonly profile: string | null;
  readonly nonce: Uint8Array;
  readonly instanceId: Uint8Array;
  readonly implementationId: Uint8Array;
  readonly clientId: number;
  readonly lifecycle: number;
  /** Optional since RFC 9783 (EAT bootseed, key 268); required by PSA_IOT_PROFILE_1. */
  readonly bootSeed: Uint8Array | null;
  readonly certificationReference: string | null;
  readonly softwareComponents: readonly SoftwareComponent[];
  readonly verificationService: string | null;
}

export interface DecodedPsaClaims extends PsaClaims {
  /** The accepted profile this token follows, or null when its profile claim names none of them. */
  readonly profileName: PsaProfileName | null;
}

export class ClaimsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimsError';
  }
}

export function decodePsaClaims(payload: Uint8Array): DecodedPsaClaims {
  let map: unknown;
  try {
    map = cborDecodeMaps(payload);
  } catch (error) {
    throw new ClaimsError(`claims are not CBOR: ${(error as Error).message}`);
  }
  if (!(map instanceof Map)) throw new ClaimsError('claims must be a CBOR map');
  const claims = map;
  const layout = layoutOf(claims);
  const k = layout.keys;
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
  const profile = optionalText(k.profile, 'profile');
  const bootSeed =
    layout.bootSeedRequired || claims.has(k.bootSeed) ? bytes(k.bootSeed, 'boot-seed', layout.bootSeedLength[0] === layout.bootSeedLength[1] ? [layout.bootSeedLength[0]] : layout.bootSeedLength) : null;
  return {
    profile,
    profileName: profile === null ? (layout === PSA_PROFILE_2023 ? null : layout.name) : profile === layout.id ? layout.name : null,
    nonce: bytes(k.nonce, 'nonce', [32, 48, 64]),
    instanceId: bytes(k.instanceId, 'instance-id', [33]),
    implementationId: bytes(k.implementationId, 'implementation-id', [32]),
    clientId: int(k.clientId, 'client-id'),
    lifecycle: int(k.lifecycle, 'security-lifecycle'),
    bootSeed,
    certificationReference: optionalText(k.certificationReference, 'certification-reference'),
    softwareComponents: decodeComponents(claims, layout),
    verificationService: optionalText(k.verificationService, 'verification-service'),
  };
}

function decodeComponents(claims: Map<unknown, unknown>, layout: PsaProfile): SoftwareComponent[] {
  const key = layout.keys.softwareComponents;
  const components = claims.get(key);
  const noMeasurements = layout.keys.noSoftwareMeasurements;
  // PSA_IOT_PROFILE_1 may declare "no software measurements" instead; the measurement check then fails.
  if (components === undefined && noMeasurements !== null && claims.has(noMeasurements)) return [];
  if (!Array.isArray(components) || components.length === 0) {
    throw new ClaimsError(`claim software-components (${key}) must be a non-empty array`);
  }
  return components.map((c, i) => decodeComponent(c, i));
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

/**
 * Encodes claims as the CBOR map a device signs (used by the emulator and by tests), with the key
 * layout of the profile its profile claim names (the 2023 keys unless told otherwise).
 */
export function encodePsaClaims(claims: PsaClaims, layout: PsaProfile = layoutForProfileClaim(claims.profile)): Uint8Array {
  const k = layout.keys;
  const map = new Map<number, unknown>();
  if (claims.profile !== null) map.set(k.profile, claims.profile);
  map.set(k.nonce, claims.nonce);
  map.set(k.instanceId, claims.instanceId);
  map.set(k.implementationId, claims.implementationId);
  map.set(k.clientId, claims.clientId);
  map.set(k.lifecycle, claims.lifecycle);
  if (claims.bootSeed !== null) map.set(k.bootSeed, claims.bootSeed);
  if (claims.certificationReference !== null) map.set(k.certificationReference, claims.certificationReference);
  map.set(
    k.softwareComponents,
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
  if (claims.verificationService !== null) map.set(k.verificationService, claims.verificationService);
  return cborEncode(map);
}
