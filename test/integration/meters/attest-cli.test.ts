// The auditors' command-line verifier: prints each check and the verdict, exit 0/1/2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateP256 } from '../../../src-main/core/attestation/es256.js';
import { Lifecycle } from '../../../src-main/core/attestation/psa-claims.js';
import { buildPsaToken, defaultClaims } from '../../../emulator/psa-token-builder.js';
import { demoCa } from '../../../emulator/demo-pki.js';
import { issueDeviceCertificate } from '../../../emulator/pki.js';
import { DEMO_TRUST, ROOT } from './harness.js';

const run = (args: string[]) => {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src-main/tools/attest-cli.ts'), ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('npm run attest -- verify', () => {
  let dir: string;
  const nonceHex = 'ab'.repeat(32);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coop-attest-'));
    const key = generateP256().privateKey;
    const cert = await issueDeviceCertificate({ ca: demoCa(), devicePublicKey: createPublicKey(key), serialHex: '4242', subject: 'CN=cli test', notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 86_400_000) });
    const nonce = new Uint8Array(Buffer.from(nonceHex, 'hex'));
    writeFileSync(join(dir, 'good.cbor'), buildPsaToken(defaultClaims(key, nonce), key, [cert]));
    writeFileSync(join(dir, 'debug.b64'), Buffer.from(buildPsaToken(defaultClaims(key, nonce, { lifecycle: Lifecycle.nonPsaRotDebug }), key, [cert])).toString('base64'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies a genuine token and lists every check', () => {
    const r = run(['verify', join(dir, 'good.cbor'), '--trust', DEMO_TRUST, '--nonce', nonceHex]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/VERDICT: VERIFIED/);
    expect(r.out.match(/\[PASS\]/g)).toHaveLength(11);
  });
  it('rejects a debug-lifecycle token naming the check, exit 1', () => {
    const r = run(['verify', join(dir, 'debug.b64'), '--trust', DEMO_TRUST, '--nonce', nonceHex]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\[FAIL\] lifecycle/);
    expect(r.out).toMatch(/failed check: lifecycle/);
  });
  it('rejects the wrong nonce and an empty trust store', () => {
    expect(run(['verify', join(dir, 'good.cbor'), '--trust', DEMO_TRUST, '--nonce', 'cd'.repeat(32)]).out).toMatch(/failed check: nonce/);
    expect(run(['verify', join(dir, 'good.cbor'), '--skip-nonce']).out).toMatch(/failed check: chain/);
  });
  it('refuses to run without a nonce decision (exit 2)', () => {
    const r = run(['verify', join(dir, 'good.cbor'), '--trust', DEMO_TRUST]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--nonce/);
  });
});
