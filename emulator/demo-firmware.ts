// The demo firmware catalogue (DEMO ONLY): the implementation id of the emulated meter platform
// and the measurements of its approved image and of an unapproved ("unknown") image. Derived from
// fixed labels so the emulator, the demo trust store and the tests agree without shared state.
import { createHash } from 'node:crypto';
import type { SoftwareComponent } from '../src-main/core/attestation/psa-claims.js';

const digest = (label: string): Uint8Array => new Uint8Array(createHash('sha256').update(label).digest());

export const DEMO_IMPLEMENTATION_ID = digest('DEMO ONLY coop-meter platform CM-1 rev A');
export const DEMO_SIGNER_ID = digest('DEMO ONLY coop firmware signing key');

function image(version: string): SoftwareComponent[] {
  return (['BL', 'PRoT', 'ARoT', 'METER'] as const).map((part) => ({
    measurementType: part,
    measurementValue: digest(`DEMO ONLY coop-meter ${part} ${version}`),
    version,
    signerId: DEMO_SIGNER_ID,
    measurementDescription: 'sha-256',
  }));
}

export const APPROVED_FIRMWARE_VERSION = '1.4.2';
export const approvedFirmware = (): SoftwareComponent[] => image(APPROVED_FIRMWARE_VERSION);
export const unknownFirmware = (): SoftwareComponent[] => image('9.9.9-unsigned-build');
