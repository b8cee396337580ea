// Verifies a PSA attestation token against a trust store and the nonce the verifier issued.
// Every check is evaluated and reported; `failedCheck` names the first failure in CHECK_ORDER, so
// the technician and the auditor see exactly what is wrong (and everything else that was fine).
import { timingSafeEqual, type KeyObject } from 'node:crypto';
import { CoseError, decodeSign1, verifySign1, x5chainOf, type CoseSign1 } from './cose-sign1.js';
import { KeyFormatError, publicKeyFromSec1, publicKeyFromSpkiDer, sec1FromKey } from './es256.js';
import { ClaimsError, decodePsaClaims, isSecuredLifecycle, lifecycleName, type DecodedPsaClaims } from './psa-claims.js';
import { PSA_PROFILES, psaProfileByName } from './psa-profiles.js';
import { checkChain, checkRevocation, checkValidity, spkiOf } from './x509-chain.js';
import { instanceIdForKey, sha256Hex, toHex, type CaAnchor, type DeviceKeyAnchor, type TrustStoreSnapshot } from './trust-store.js';

export const CHECK_ORDER = [
  'malformed',
  'chain',
  'validity',
  'revocation',
  'signature',
  'instance-id',
  'profile',
  'nonce',
  'lifecycle',
  'implementation',
  'measurement',
] as const;
export type CheckName = (typeof CHECK_ORDER)[number];
export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  readonly check: CheckName;
  readonly status: CheckStatus;
  readonly detail: string;
}

export interface VerificationResult {
  readonly ok: boolean;
  readonly failedCheck: CheckName | null;
  readonly checks: readonly CheckResult[];
  readonly claims: DecodedPsaClaims | null;
  /** SHA-256 of the exact token bytes: what gets stored and anchored on chain. */
  readonly evidenceSha256: string;
  /** The device attestation key, when one could be established (SEC1). */
  readonly devicePublicKey: Uint8Array | null;
}

export interface VerifyOptions {
  readonly trustStore: TrustStoreSnapshot;
  /** The nonce this verifier issued for this exchange; null only when the caller explicitly skips the check. */
  readonly expectedNonce: Uint8Array | null;
  /** Tells a replayed token (an older nonce of ours) apart from a made-up one. */
  readonly wasIssuedBefore?: (nonce: Uint8Array) => boolean;
  readonly now?: Date;
}

export async function verifyPsaToken(token: Uint8Array, options: VerifyOptions): Promise<VerificationResult> {
  const results = new Map<CheckName, CheckResult>();
  const set = (check: CheckName, status: CheckStatus, detail: string): void => void results.set(check, { check, status, detail });
  const evidenceSha256 = sha256Hex(token);
  const finish = (claims: DecodedPsaClaims | null, key: Uint8Array | null): VerificationResult => {
    const checks = CHECK_ORDER.map((c) => results.get(c) ?? { check: c, status: 'skipped' as const, detail: 'not evaluated: the token could not be read' });
    const failed = checks.find((c) => c.status === 'failed');
    return { ok: !failed, failedCheck: failed?.check ?? null, checks, claims, evidenceSha256, devicePublicKey: key };
  };

  let sign1: CoseSign1;
  let claims: DecodedPsaClaims;
  let chainDer: Uint8Array[];
  try {
    sign1 = decodeSign1(token);
    chainDer = x5chainOf(sign1);
    claims = decodePsaClaims(sign1.payload);
  } catch (error) {
    if (error instanceof CoseError || error instanceof ClaimsError) {
      set('malformed', 'failed', `${error instanceof CoseError ? 'COSE' : 'claims'}: ${error.message}`);
      return finish(null, null);
    }
    throw error;
  }
  set('malformed', 'passed', `well-formed COSE_Sign1 (ES256) with ${claims.softwareComponents.length} software component(s)`);

  // Establish the device key: a per-device anchor for this instance id wins, else the x5chain leaf.
  const instanceHex = toHex(claims.instanceId);
  const deviceAnchor = options.trustStore.anchors.find((a): a is DeviceKeyAnchor => a.kind === 'device-key' && a.instanceIdHex === instanceHex);
  let key: KeyObject | null = null;
  if (deviceAnchor) {
    try {
      key = publicKeyFromSec1(deviceAnchor.publicKey);
      set('chain', 'passed', `per-device key "${deviceAnchor.label}" is trusted for this instance id`);
    } catch (error) {
      set('chain', 'failed', `trusted per-device key "${deviceAnchor.label}" is unusable: ${(error as KeyFormatError).message}`);
    }
    set('validity', 'skipped', 'per-device key anchors have no validity period');
    set('revocation', 'skipped', 'per-device key anchors are revoked by removing them from the trust store');
  } else {
    const cas = options.trustStore.anchors.filter((a): a is CaAnchor => a.kind === 'ca-certificate');
    const chain = await checkChain(chainDer, cas);
    set('chain', chain.ok ? 'passed' : 'failed', chain.detail);
    if (chain.path.length > 0) {
      const validity = checkValidity(chain.path, options.now ?? new Date());
      set('validity', validity.ok ? 'passed' : 'failed', validity.detail);
      const revocation = checkRevocation(chain.path, options.trustStore.revoked);
      set('revocation', revocation.ok ? 'passed' : 'failed', revocation.detail);
      try {
        key = publicKeyFromSpkiDer(spkiOf(chain.path[0]!));
        sec1FromKey(key); // must be a P-256 key
      } catch {
        key = null;
        set('signature', 'failed', 'the leaf certificate does not hold a P-256 key');
      }
    }
  }

  let sec1: Uint8Array | null = null;
  if (key) {
    sec1 = sec1FromKey(key);
    const good = verifySign1(sign1, key);
    set('signature', good ? 'passed' : 'failed', good ? 'ES256 signature verified with the device attestation key' : 'ES256 signature does not match the token contents and device key (altered or forged token)');
    set('instance-id', ...instanceIdBinding(claims.instanceId, sec1, deviceAnchor));
  } else if (!results.has('signature')) {
    set('signature', 'skipped', 'no trusted device key, so the signature cannot be checked');
  }

  const profile = claims.profileName ? psaProfileByName(claims.profileName) : undefined;
  set(
    'profile',
    profile ? 'passed' : 'failed',
    profile
      ? `profile ${profile.id} (${profile.summary})`
      : `profile ${JSON.stringify(claims.profile)} is none of the accepted ones: ${PSA_PROFILES.map((p) => p.id).join(', ')}`,
  );

  if (options.expectedNonce === null) {
    set('nonce', 'skipped', 'no expected nonce given: freshness NOT established');
  } else if (sameBytes(options.expectedNonce, claims.nonce)) {
    set('nonce', 'passed', 'nonce matches the one issued for this exchange');
  } else {
    const replay = options.wasIssuedBefore?.(claims.nonce) ?? false;
    set('nonce', 'failed', replay ? 'token answers an earlier challenge (replayed evidence)' : 'nonce does not match the challenge (stale or made-up evidence)');
  }

  const lifecycleOk = isSecuredLifecycle(claims.lifecycle);
  set('lifecycle', lifecycleOk ? 'passed' : 'failed', `security lifecycle is ${lifecycleName(claims.lifecycle)}${lifecycleOk ? '' : ' (must be secured)'}`);

  const implHex = toHex(claims.implementationId);
  const impl = options.trustStore.implementations.find((i) => i.implementationIdHex === implHex);
  if (claims.softwareComponents.length === 0) {
    set('implementation', impl ? 'passed' : 'failed', impl ? `implementation "${impl.label}"` : `implementation id ${implHex} is not in the trust store (unknown firmware platform)`);
    set('measurement', 'failed', 'the token declares no software measurements (PSA_IOT_PROFILE_1 claim -75007), so its firmware cannot be appraised');
  } else if (!impl) {
    set('implementation', 'failed', `implementation id ${implHex} is not in the trust store (unknown firmware platform)`);
    set('measurement', 'skipped', 'no approved measurements without a known implementation');
  } else {
    set('implementation', 'passed', `implementation "${impl.label}"`);
    const unapproved = claims.softwareComponents.filter(
      (c) =>
        !impl.measurements.some(
          (m) => m.measurementHex === toHex(c.measurementValue) && (m.signerIdHex === null || m.signerIdHex === toHex(c.signerId)),
        ),
    );
    set(
      'measurement',
      unapproved.length === 0 ? 'passed' : 'failed',
      unapproved.length === 0
        ? `all ${claims.softwareComponents.length} firmware measurement(s) approved`
        : `unapproved firmware: ${unapproved.map((c) => `${c.measurementType ?? 'component'} ${c.version ?? ''} ${toHex(c.measurementValue).slice(0, 16)}…`).join(', ')}`,
    );
  }
  return finish(claims, sec1);
}

/**
 * Which rule binds the instance id to the key that signed. RFC 9783 leaves the derivation of the
 * instance id to the implementation (TF-M uses 0x01 ‖ SHA-256(key); the RFC's own example does
 * not). A per-device anchor is found by instance id, as Veraison does, so the trust store is the
 * binding. A key certified by a CA says nothing about instance ids, so there the derivation is
 * the only binding and must hold.
 */
function instanceIdBinding(instanceId: Uint8Array, sec1: Uint8Array, deviceAnchor: DeviceKeyAnchor | undefined): [CheckStatus, string] {
  const derived = instanceIdForKey(sec1);
  const isDerived = sameBytes(derived, instanceId);
  if (deviceAnchor) {
    return ['passed', `rule: trust store — per-device key "${deviceAnchor.label}" is registered for instance id ${toHex(instanceId)}${isDerived ? ' (which is also 0x01‖SHA-256 of the key)' : ''}`];
  }
  return isDerived
    ? ['passed', 'rule: key hash — instance id is 0x01‖SHA-256 of the certified attestation key']
    : ['failed', `rule: key hash — instance id ${toHex(instanceId)} does not belong to the certified attestation key (expected ${toHex(derived)})`];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
