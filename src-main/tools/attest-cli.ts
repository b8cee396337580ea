// Command-line verifier for auditors and technicians, using the console's own verifier code:
//   npm run attest -- verify TOKEN_FILE [--trust FILE.json | --db COOP.sqlite] [--ca CERT]... [--device-key KEY]...
//                     (--nonce HEX | --skip-nonce) [--at ISO-TIME] [--json]
//   npm run attest -- trust import FILE.json --db COOP.sqlite      (e.g. resources/demo-pki/demo-trust.json)
// Exit codes: 0 verified (or --help), 1 verification failed, 2 usage or input error.
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../core/db/connection.js';
import { AuditRepo } from '../core/audit/audit-repo.js';
import { loadTrustStoreFile, readCertificate } from '../core/attestation/trust-store-file.js';
import { instanceIdForKey, toHex, emptyTrustStore, type TrustAnchor, type TrustStoreSnapshot } from '../core/attestation/trust-store.js';
import { verifyPsaToken } from '../core/attestation/verifier.js';
import { TrustStoreRepo } from '../core/meters/trust-store-repo.js';
import { lifecycleName } from '../core/attestation/psa-claims.js';
import { sec1FromKey } from '../core/attestation/es256.js';
import { psaProfileByName } from '../core/attestation/psa-profiles.js';
import { tokenFromFileBytes } from '../core/attestation/token-text.js';

const VERIFY_USAGE = `Usage: npm run attest -- verify TOKEN_FILE (--nonce HEX | --skip-nonce) [--trust FILE.json] [--db COOP.sqlite]
                        [--ca CERT.pem]... [--device-key KEY[@INSTANCE_ID_HEX]]... [--at ISO_TIME] [--json]

TOKEN_FILE holds the PSA attestation token (COSE_Sign1) as raw CBOR, hex or base64; line breaks
and spaces in hex or base64 text are ignored (paste a token folded as RFC 9783 prints it).
Accepted profiles: tag:psacertified.org,2023:psa#tfm (RFC 9783), and the legacy PSA_IOT_PROFILE_1
and http://arm.com/psa/2.0.0.

  --nonce HEX        the challenge this token must answer; --skip-nonce checks all but freshness
  --trust FILE.json  trust anchors, platforms and firmware (see resources/demo-pki/demo-trust.json)
  --db COOP.sqlite   the trust store of a console database
  --ca CERT.pem      a trusted manufacturer CA certificate (PEM or DER)
  --device-key KEY   a trusted per-device key: 130 hex digits (uncompressed P-256 point), or a file
                     holding a PEM key or a JWK (public or private; only the public part is used).
                     @INSTANCE_ID_HEX (66 hex digits) registers it for that instance id, as a
                     manufacturer's list does; without it, the id is 0x01 + SHA-256 of the key.
  --at ISO_TIME      check certificate validity at that time instead of now
  --json             print the checks as JSON
  -h, --help         this text
Trust anchors from --trust, --db, --ca and --device-key are combined.
Exit codes: 0 verified, 1 rejected (the failed check is named), 2 usage or input error.`;

const TRUST_USAGE = `Usage: npm run attest -- trust import FILE.json --db COOP.sqlite

Imports the anchors, meter platforms, approved firmware and revocations of a trust file (see
resources/demo-pki/demo-trust.json) into a console database, one audit row per item.`;

const USAGE = `Usage:
  npm run attest -- verify TOKEN_FILE (--nonce HEX | --skip-nonce) [options]   verify a PSA attestation token
  npm run attest -- trust import FILE.json --db COOP.sqlite                     import a trust file
  npm run attest -- COMMAND --help                                              options of a command`;

class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string = USAGE,
  ) {
    super(message);
  }
}

/** Thrown for --help: prints the usage on stdout and exits 0. */
class HelpRequest extends Error {
  constructor(readonly usage: string) {
    super('help');
  }
}

/** --device-key KEY[@INSTANCE_ID_HEX] → a per-device anchor. */
function deviceKeyAnchor(arg: string): TrustAnchor {
  const at = arg.lastIndexOf('@');
  const keyPart = at >= 0 ? arg.slice(0, at) : arg;
  const idPart = at >= 0 ? arg.slice(at + 1).toLowerCase() : null;
  if (idPart !== null && !/^[0-9a-f]{66}$/.test(idPart)) throw new UsageError(`--device-key: the instance id after @ must be 66 hex digits, not "${idPart}"`, VERIFY_USAGE);
  let publicKey: Uint8Array;
  if (/^[0-9a-fA-F]{130}$/.test(keyPart)) {
    publicKey = new Uint8Array(Buffer.from(keyPart, 'hex'));
  } else if (existsSync(keyPart)) {
    const text = readFileSync(keyPart, 'utf8').trim();
    try {
      const key = text.startsWith('{') ? createPublicKey({ key: JSON.parse(text) as JsonWebKey, format: 'jwk' }) : createPublicKey(text);
      publicKey = sec1FromKey(key);
    } catch (error) {
      throw new UsageError(`--device-key ${keyPart}: not a P-256 key in PEM or JWK (${(error as Error).message})`, VERIFY_USAGE);
    }
  } else {
    throw new UsageError(`--device-key "${keyPart}" is neither 130 hex digits nor a key file`, VERIFY_USAGE);
  }
  const instanceIdHex = idPart ?? toHex(instanceIdForKey(publicKey));
  return { kind: 'device-key', label: `device key ${toHex(publicKey).slice(0, 12)}… for ${instanceIdHex.slice(0, 12)}…`, instanceIdHex, publicKey };
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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) throw new HelpRequest(VERIFY_USAGE);
  const file = positionals[0];
  if (!file) throw new UsageError('verify needs a TOKEN_FILE', VERIFY_USAGE);
  if (!values.nonce && !values['skip-nonce']) throw new UsageError('give the expected --nonce HEX, or --skip-nonce to check everything but freshness', VERIFY_USAGE);
  if (values.nonce && !/^([0-9a-fA-F]{2})+$/.test(values.nonce)) throw new UsageError('--nonce must be hex', VERIFY_USAGE);
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
    ...values['device-key'].map(deviceKeyAnchor),
  ];
  trust = { ...trust, anchors: [...trust.anchors, ...extra] };
  const at = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(at.getTime())) throw new UsageError('--at must be an ISO-8601 time', VERIFY_USAGE);
  const result = await verifyPsaToken(tokenFromFileBytes(new Uint8Array(readFileSync(file))), {
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
      const profile = result.claims.profileName ? psaProfileByName(result.claims.profileName) : undefined;
      process.stdout.write(`Profile:           ${profile ? `${profile.id} (${profile.name})` : JSON.stringify(result.claims.profile)}\n`);
      process.stdout.write(`Instance id:       ${toHex(result.claims.instanceId)}\nImplementation id: ${toHex(result.claims.implementationId)}\nLifecycle:         ${lifecycleName(result.claims.lifecycle)}\n`);
    }
    for (const c of result.checks) process.stdout.write(`  [${mark[c.status]}] ${c.check.padEnd(14)} ${c.detail}\n`);
    process.stdout.write(result.ok ? `VERDICT: VERIFIED${values['skip-nonce'] ? ' (freshness NOT checked)' : ''}\n` : `VERDICT: REJECTED — failed check: ${result.failedCheck}\n`);
  }
  return result.ok ? 0 : 1;
}

function trustImport(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) throw new HelpRequest(TRUST_USAGE);
  if (positionals[0] !== 'import' || !positionals[1] || !values.db) throw new UsageError('trust import FILE.json --db COOP.sqlite', TRUST_USAGE);
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
    if (command === '--help' || command === '-h' || command === 'help') throw new HelpRequest(USAGE);
    if (command === 'verify') return await verify(rest);
    if (command === 'trust') return trustImport(rest);
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    if (error instanceof HelpRequest) {
      process.stdout.write(`${error.usage}\n`);
      return 0;
    }
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${error.usage}\n`);
    else if (isParseArgsError(error)) process.stderr.write(`${(error as Error).message}\n\n${command === 'trust' ? TRUST_USAGE : command === 'verify' ? VERIFY_USAGE : USAGE}\n`);
    else process.stderr.write(`attest: ${(error as Error).message}\n`);
    return 2;
  }
}

/** node:util parseArgs reports unknown or ill-typed options with these codes. */
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

process.exitCode = await main(process.argv.slice(2));
