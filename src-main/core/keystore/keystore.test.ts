import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { Keystore } from './keystore.js';
import { KeystoreError } from './keystore-errors.js';

const PASS = 'correct horse battery';
const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coop-keystore-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof KeystoreError ? error.code : `unexpected: ${String(error)}`;
  }
}

// Every encrypt/decrypt runs scrypt (N = 2^15) on purpose, about a second each on this hardware.
describe('Keystore', { timeout: 60_000 }, () => {
  it('creates keys, encrypts them at rest and signs after unlocking in a new session', async () => {
    const dir = freshDir();
    const ks = new Keystore({ dir });
    await ks.initialize(PASS);
    const info = await ks.create('Treasury', 'treasury');
    expect(info.role).toBe('treasury');
    const onDisk = readFileSync(join(dir, `${info.address}.json`), 'utf8');
    expect(JSON.parse(onDisk).encoding.type).toEqual(['scrypt', 'xsalsa20-poly1305']);

    const session = new Keystore({ dir });
    expect(session.list().map((k) => k.address)).toEqual([info.address]);
    expect(await codeOf(Promise.resolve().then(() => session.signer(info.address)))).toBe('KEYSTORE_LOCKED');
    await session.unlock(PASS);
    const message = new TextEncoder().encode('hello');
    const signature = session.signer(info.address).sign(message);
    expect(signatureVerify(message, signature, info.address).isValid).toBe(true);
    session.lock();
    expect(session.isUnlocked).toBe(false);
  });

  it('refuses a wrong passphrase, a weak passphrase and a corrupt key file with distinct codes', async () => {
    const dir = freshDir();
    const ks = new Keystore({ dir });
    expect(await codeOf(ks.initialize('short'))).toBe('KEYSTORE_WEAK_PASSPHRASE');
    await ks.initialize(PASS);
    const info = await ks.create('Issuer', 'issuer');
    const other = new Keystore({ dir });
    expect(await codeOf(other.unlock('wrong passphrase!!'))).toBe('KEYSTORE_WRONG_PASSPHRASE');
    writeFileSync(join(dir, `${info.address}.json`), '{"address": "5Gx", "enc');
    expect(await codeOf(other.unlock(PASS))).toBe('KEYSTORE_CORRUPT_FILE');
  });

  it('exports to and imports from the polkadot-js JSON format', async () => {
    await cryptoWaitReady();
    const ks = new Keystore({ dir: freshDir() });
    await ks.initialize(PASS);
    const info = await ks.create('Member 7', 'member');
    const exported = await ks.exportKey(info.address, 'export passphrase');
    // polkadot-js' own keyring reads it back.
    const pair = new Keyring({ type: 'sr25519' }).addFromJson(exported);
    pair.decodePkcs8('export passphrase');
    expect(pair.address).toBe(info.address);

    const target = new Keystore({ dir: freshDir() });
    await target.initialize(PASS);
    expect(await codeOf(target.importKey(exported, 'not the passphrase'))).toBe('KEYSTORE_WRONG_PASSPHRASE');
    expect(await codeOf(target.importKey({ hello: 'world' }, 'export passphrase'))).toBe('KEYSTORE_CORRUPT_FILE');
    const imported = await target.importKey(exported, 'export passphrase', 'member');
    expect(imported.address).toBe(info.address);
    expect(await codeOf(target.importKey(exported, 'export passphrase'))).toBe('KEYSTORE_DUPLICATE_KEY');
  });

  it('backs up every key and restores them into another keystore', async () => {
    const ks = new Keystore({ dir: freshDir() });
    await ks.initialize(PASS);
    const a = await ks.create('A', 'treasury');
    const b = await ks.create('B', 'issuer');
    const backup = await ks.backup('backup passphrase');
    expect(JSON.stringify(backup)).not.toContain(PASS);
    const targetDir = freshDir();
    const target = new Keystore({ dir: targetDir });
    await target.initialize(PASS);
    expect(await codeOf(target.restore(backup, 'wrong backup pass'))).toBe('KEYSTORE_WRONG_PASSPHRASE');
    expect(await codeOf(target.restore({ ...backup, encoded: backup.encoded.slice(0, 40) }, 'backup passphrase'))).toBe('KEYSTORE_WRONG_PASSPHRASE');
    expect(await codeOf(target.restore('garbage', 'backup passphrase'))).toBe('KEYSTORE_CORRUPT_FILE');
    const restored = await target.restore(backup, 'backup passphrase');
    expect(restored.map((k) => k.address).sort()).toEqual([a.address, b.address].sort());
    expect(restored.find((k) => k.address === b.address)?.role).toBe('issuer');
    expect(readdirSync(targetDir).sort()).toEqual([`${a.address}.json`, `${b.address}.json`, 'keystore.json'].sort());
  });
});
