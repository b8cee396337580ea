// What the verifier trusts, as plain data: trust anchors (manufacturer CA certificates, or
// per-device public keys keyed by instance id, as Veraison's PSA scheme does), approved firmware
// measurements per implementation id, and revoked certificate serials. The console loads it from
// SQLite (meters/trust-store-repo.ts); the CLI can also build it from files.
import { createHash } from 'node:crypto';

export interface CaAnchor {
  readonly kind: 'ca-certificate';
  readonly label: string;
  readonly certificateDer: Uint8Array;
}

export interface DeviceKeyAnchor {
  readonly kind: 'device-key';
  readonly label: string;
  /** Hex of the 33-byte PSA instance id the key belongs to. */
  readonly instanceIdHex: string;
  /** Uncompressed SEC1 P-256 public key. */
  readonly publicKey: Uint8Array;
}

export type TrustAnchor = CaAnchor | DeviceKeyAnchor;

export interface ApprovedMeasurement {
  readonly measurementHex: string;
  /** When set, the component must also be signed by this signer id. */
  readonly signerIdHex: string | null;
  readonly componentType: string | null;
  readonly version: string | null;
}

export interface ApprovedImplementation {
  readonly implementationIdHex: string;
  readonly label: string;
  readonly measurements: readonly ApprovedMeasurement[];
}

export interface RevokedCertificate {
  readonly serialHex: string;
  readonly reason: string;
}

export interface TrustStoreSnapshot {
  readonly anchors: readonly TrustAnchor[];
  readonly implementations: readonly ApprovedImplementation[];
  readonly revoked: readonly RevokedCertificate[];
}

export const emptyTrustStore: TrustStoreSnapshot = { anchors: [], implementations: [], revoked: [] };

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** PSA instance id for a key: type byte 0x01 (random UEID) followed by SHA-256 of the SEC1 public key. */
export function instanceIdForKey(sec1PublicKey: Uint8Array): Uint8Array {
  const out = new Uint8Array(33);
  out[0] = 0x01;
  out.set(createHash('sha256').update(sec1PublicKey).digest(), 1);
  return out;
}

/** Serial numbers are compared without leading zero octets and case-insensitively. */
export const normaliseSerial = (hex: string): string => hex.toLowerCase().replace(/^(00)+(?=..)/, '');
