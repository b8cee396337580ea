// Command-line verifier for auditors and technicians, using the console's own verifier code:
//   npm run attest -- verify TOKEN_FILE [--trust FILE.json | --db COOP.sqlite] [--ca CERT]... [--device-key HEX]...
//                     (--nonce HEX | --skip-nonce) [--at ISO-TIME] [--json]
//   npm run attest -- trust import FILE.json --db COOP.sqlite      (e.g. resources/demo-pki/demo-trust.json)
// Exit codes: 0 verified, 1 verification failed, 2 usage or input error.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../core/db/connection.js';
import { AuditRepo } from '../core/audit/audit-repo.js';
import { loadTrustStoreFile, readCertificate } from '../core/attestation/trust-store-file.js';
import { instanceIdForKey, toHex, emptyTrustStore, type TrustAnchor, type TrustStoreSnapshot } from '../core/attestation/trust-store.js';
import { verifyPsaToken } from '../core/attestation/verifier.js';
import { TrustStoreRepo } from '../core/meters/trust-store-repo.js';
import { lifecycleName } from '../core/attestation/psa-claims.js';

const USAGE = `Usage:
  npm run attest -- verify TOKEN_FILE (--nonce HEX | --skip-nonce) [--trust FILE.json] [--db COOP.sqlite]
                   [--ca CERT.pem]... [--device-key SEC1_HEX]... [--at ISO_TIME] [--json]
  npm run attest -- trust import FILE.json --db COOP.sqlite

TOKEN_FILE holds the PSA attestation token (COSE_Sign1) as raw CBOR, hex or base64.
Trust anchors come from --trust (JSON, see resources/demo-pki/demo-trust.json), from a console
database (--db), and/or from --ca / --device-key; they are combined.`;

class UsageError extends Error {}

function readToken(file: string): Uint8Array {
  const raw = readFileSync(file);
  const text = raw.toString('latin1').trim();
  if (/^[0-9a-fA-F\s]+$/.test(text) && text.length % 2 === 0) return new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
  if (/^[A-Za-z0-9+/=_\-\s]+$/.test(text)) return new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'base64'));
  return new Uint8Array(raw);
}

function merge(a: TrustStoreSnapshot, b: TrustStoreSnapshot): TrustStoreSnapshot {
  return { anchors: [...a.anchors, ...b.anchors], implementations: [...a.implementations, ...b.implementations], revoked: [...a.revoked, ...b.revoked] };
}

async function verify(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      trust: { type: 'string', multiple: true, default: [] },
      db: { type: 'string' },
      ca: { type: 'string', multiple: true, default: [] },
      'device-key': { type: 'string', multiple: true, default: [] },
      nonce: { type: 'string' },
      'skip-nonce': { type: 'boolean', default: false },
      at: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('verify needs a TOKEN_FILE');
  if (!values.nonce && !values['skip-nonce']) throw new UsageError('give the expected --nonce HEX, or --skip-nonce to check everything but freshness');
  if (values.nonce && !/^([0-9a-fA-F]{2})+$/.test(values.nonce)) throw new UsageError('--nonce must be hex');
  let trust = emptyTrustStore;
  for (const t of values.trust) trust = merge(trust, loadTrustStoreFile(t));
  if (values.db) {
    const db = openDatabase({ file: values.db, readonly: true });
    try {
      trust = merge(trust, new TrustStoreRepo(db, { record: () => undefined }, () => new Date().toISOString()).snapshot());
    } finally {
      db.close();
    }
  }
  const extra: TrustAnchor[] = [
    ...values.ca.map((f) => ({ kind: 'ca-certificate' as const, label: f, certificateDer: readCertificate(f) })),
    ...values['device-key'].map((hex) => {
      const publicKey = new Uint8Array(Buffer.from(hex, 'hex'));
      return { kind: 'device-key' as const, label: `device key ${hex.slice(0, 12)}…`, instanceIdHex: toHex(instanceIdForKey(publicKey)), publicKey };
    }),
  ];
  trust = { ...trust, anchors: [...trust.anchors, ...extra] };
  const at = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(at.getTime())) throw new UsageError('--at must be an ISO-8601 time');
  const result = await verifyPsaToken(readToken(file), {
    trustStore: trust,
    expectedNonce: values.nonce ? new Uint8Array(Buffer.from(values.nonce, 'hex')) : null,
    now: at,
  });
  if (values.json) {
    process.stdout.write(JSON.stringify({ ok: result.ok, failedCheck: result.failedCheck, evidenceSha256: result.evidenceSha256, checks: result.checks }, null, 2) + '\n');
  } else {
    const mark = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;
    process.stdout.write(`Evidence SHA-256: ${result.evidenceSha256}\n`);
    if (result.claims) {
      process.stdout.write(`Instance id:       ${toHex(result.claims.instanceId)}\nImplementation id: ${toHex(result.claims.implementationId)}\nLifecycle:         ${lifecycleName(result.claims.lifecycle)}\n`);
    }
    for (const c of result.checks) process.stdout.write(`  [${mark[c.status]}] ${c.check.padEnd(14)} ${c.detail}\n`);
    process.stdout.write(result.ok ? `VERDICT: VERIFIED${values['skip-nonce'] ? ' (freshness NOT checked)' : ''}\n` : `VERDICT: REJECTED — failed check: ${result.failedCheck}\n`);
  }
  return result.ok ? 0 : 1;
}

function trustImport(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
  if (positionals[0] !== 'import' || !positionals[1] || !values.db) throw new UsageError('trust import FILE.json --db COOP.sqlite');
  const snapshot = loadTrustStoreFile(positionals[1]);
  const db = openDatabase({ file: values.db });
  try {
    const now = (): string => new Date().toISOString();
    new TrustStoreRepo(db, new AuditRepo(db, now), now).importSnapshot(snapshot, null);
  } finally {
    db.close();
  }
  process.stdout.write(`Imported ${snapshot.anchors.length} anchor(s), ${snapshot.implementations.length} implementation(s), ${snapshot.revoked.length} revocation(s) into ${values.db}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'verify') return await verify(rest);
    if (command === 'trust') return trustImport(rest);
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    else process.stderr.write(`attest: ${(error as Error).message}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
