// The cooperative's meter-command key (P-256): its public half is installed in every meter at
// provisioning; the private half signs privileged commands (clock, relay, load limit,
// re-provisioning). Kept in a file readable only by the console's user.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateP256, sec1FromKey } from '../attestation/es256.js';

export interface CoopCommandKey {
  readonly privateKey: KeyObject;
  /** Uncompressed SEC1 public key sent to meters. */
  readonly publicKey: Uint8Array;
}

export function loadOrCreateCoopCommandKey(file: string): CoopCommandKey {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateP256();
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  return { privateKey, publicKey: sec1FromKey(privateKey) };
}
