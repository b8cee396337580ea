// The auditors' command-line verifier: prints each check and the verdict, exit 0/1/2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateP256 } from '../../../src-main/core/attestation/es256.js';
import { Lifecycle } from '../../../src-main/core/attestation/psa-claims.js';
import { buildPsaToken, defaultClaims } from '../../../emulator/psa-token-builder.js';
import { demoCa } from '../../../emulator/demo-pki.js';
import { issueDeviceCertificate } from '../../../emulator/pki.js';
import { DEMO_TRUST, ROOT } from './harness.js';
import { runProcess, type ProcessOutcome } from '../../support/run-process.js';

const PUBLISHED = join(ROOT, 'test', 'fixtures', 'psa-tokens');

const run = (args: string[]) => {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src-main/tools/attest-cli.ts'), ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** Same as run, without blocking: independent invocations overlap. */
const runAsync = (args: string[]): Promise<ProcessOutcome> => runProcess(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src-main/tools/attest-cli.ts'), ...args]);

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

describe('npm run attest with published tokens (RFC 9783 appendix, TF-M legacy profile)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coop-attest-pub-'));
    // The RFC's example re-folded with an odd number of line breaks: once misread as base64.
    const hex = readFileSync(join(PUBLISHED, 'rfc9783-sign1.hex'), 'utf8').replace(/\s+/g, '');
    const width = [64, 60, 72].find((w) => Math.ceil(hex.length / w) % 2 === 0)!;
    const lines = hex.match(new RegExp(`.{1,${width}}`, 'g'))!;
    expect((lines.length - 1) % 2).toBe(1);
    writeFileSync(join(dir, 'rfc-folded-64.txt'), lines.join('\n'));
    // Platforms and firmware only, so the device key must come from --device-key.
    const trust = JSON.parse(readFileSync(join(PUBLISHED, 'published-trust.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'platforms-only.json'), JSON.stringify({ ...trust, deviceKeys: [] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies the RFC 9783 Sign1 example as printed and folded oddly, with its published key from the trust file', async () => {
    const trust = join(PUBLISHED, 'published-trust.json');
    const [printed, folded] = await Promise.all([
      runAsync(['verify', join(PUBLISHED, 'rfc9783-sign1.hex'), '--trust', trust, '--nonce', '01'.repeat(32)]),
      runAsync(['verify', join(dir, 'rfc-folded-64.txt'), '--trust', trust, '--nonce', '01'.repeat(32)]),
    ]);
    expect(printed.code, printed.out + printed.err).toBe(0);
    expect(printed.out).toMatch(/Profile: +tag:psacertified.org,2023:psa#tfm \(psa-tfm-2023\)/);
    expect(printed.out).toMatch(/\[PASS\] instance-id +rule: trust store/);
    expect(printed.out).toMatch(/VERDICT: VERIFIED/);
    expect(folded.code, folded.out + folded.err).toBe(0);
  });

  it('verifies the legacy PSA_IOT_PROFILE_1 token with the key given as a JWK file for its instance id', async () => {
    const key = `${join(PUBLISHED, 'tfm-iak.public.jwk.json')}@01fa58755f658627ce5460f29b75296713248cae7ad9e2984b90280efcbcb50248`;
    const token = join(PUBLISHED, 'tfm-psa-iot-1-sign1.hex');
    const platforms = join(dir, 'platforms-only.json');
    const [good, wrongNonce, badKey] = await Promise.all([
      runAsync(['verify', token, '--trust', platforms, '--device-key', key, '--nonce', '00'.repeat(64)]),
      runAsync(['verify', token, '--trust', platforms, '--device-key', key, '--nonce', '11'.repeat(64)]),
      runAsync(['verify', token, '--device-key', `${join(PUBLISHED, 'tfm-iak.public.jwk.json')}@0102`, '--skip-nonce']),
    ]);
    expect(good.code, good.out + good.err).toBe(0);
    expect(good.out).toMatch(/Profile: +PSA_IOT_PROFILE_1 \(psa-iot-1\)/);
    expect(wrongNonce.code).toBe(1);
    expect(wrongNonce.out).toMatch(/failed check: nonce/);
    expect(badKey.code).toBe(2);
    expect(badKey.err).toMatch(/66 hex digits/);
  });
});

describe('a manufacturer\'s key list imported into a console database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coop-attest-db-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps each key\'s instance id (not a hash of the key), so the RFC 9783 example verifies from the database', async () => {
    const db = join(dir, 'coop.sqlite');
    const imported = run(['trust', 'import', join(PUBLISHED, 'published-trust.json'), '--db', db]);
    expect(imported.code, imported.err).toBe(0);
    const [rfc, legacy] = await Promise.all([
      runAsync(['verify', join(PUBLISHED, 'rfc9783-sign1.hex'), '--db', db, '--nonce', '01'.repeat(32)]),
      runAsync(['verify', join(PUBLISHED, 'tfm-psa-2.0.0-sign1.hex'), '--db', db, '--nonce', '00'.repeat(64)]),
    ]);
    expect(rfc.code, rfc.out + rfc.err).toBe(0);
    expect(legacy.code, legacy.out + legacy.err).toBe(0);
    expect(legacy.out).toMatch(/Profile: +http:\/\/arm.com\/psa\/2.0.0 \(psa-2.0.0\)/);
  });
});

describe('npm run attest --help', () => {
  it('--help and -h print the usage of the tool or of the command, exit 0; an unknown option is exit 2 with the usage', async () => {
    const [top, verify, trust, unknown] = await Promise.all([runAsync(['-h']), runAsync(['verify', '--help']), runAsync(['trust', '-h']), runAsync(['verify', '--frobnicate'])]);
    for (const r of [top, verify, trust]) {
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/^Usage:/);
      expect(r.err).toBe('');
    }
    expect(verify.out).toMatch(/--device-key KEY/);
    expect(trust.out).toMatch(/trust import FILE.json --db/);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Unknown option '--frobnicate'[\s\S]*Usage: npm run attest -- verify/);
  });
});
