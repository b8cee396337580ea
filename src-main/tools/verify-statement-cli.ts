// Command-line verifier of a member's statement, for an auditor without the console: reads the
// statement data attached to the PDF, recomputes its canonical hash, walks the Merkle path to the
// root and finds that root's system.Remarked event in the named block of the node it connects to.
//   npm run verify-statement -- FILE.pdf [--endpoint ws://127.0.0.1:9944] [--json] [--timeout SECONDS]
// Exit codes: 0 verified (or --help), 1 verification failed (the reason is printed), 2 usage error,
// unreadable file or unreachable node.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { statementOfPdf, StatementFileError } from '../core/statements/statement-pdf-read.js';
import { nodeChainLookup } from '../core/statements/statement-chain.js';
import { verifyStatement } from '../core/statements/statement-verify.js';

const USAGE = `Usage: npm run verify-statement -- FILE.pdf [--endpoint ws://HOST:PORT] [--json] [--timeout SECONDS]

Verifies a member's statement PDF against the cooperative's chain, with the PDF alone: the statement
data attached to it gives the lines, their canonical hash, the Merkle path and the anchor (block,
extrinsic); the node is asked for that block's system.Remarked events.

  --endpoint URL     the chain node to ask (default ws://127.0.0.1:9944; env COOP_CHAIN_ENDPOINT)
  --json             print the result as JSON
  --timeout SECONDS  how long to wait for the node (default 20)
  -h, --help         this text
Exit codes: 0 verified, 1 verification failed (the reason is printed), 2 usage error, unreadable file
or unreachable node.`;

class UsageError extends Error {}

async function connect(endpoint: string, timeoutMs: number): Promise<ApiPromise> {
  const provider = new WsProvider(endpoint, false);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      (async () => {
        await provider.connect();
        return await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
      })(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    await provider.disconnect().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function main(argv: string[]): Promise<number> {
  let values: { endpoint?: string; json?: boolean; timeout?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { endpoint: { type: 'string' }, json: { type: 'boolean', default: false }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    }));
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one statement PDF file');
    if (values.timeout !== undefined && !/^\d{1,4}$/.test(values.timeout)) throw new UsageError('--timeout is a whole number of seconds');
  } catch (error) {
    console.error(`verify-statement: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const file = positionals[0] as string;
  let doc;
  try {
    doc = statementOfPdf(readFileSync(file));
  } catch (error) {
    const why = error instanceof StatementFileError ? error.message : `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    console.error(`verify-statement: ${why}`);
    return 2;
  }
  const endpoint = values.endpoint ?? process.env.COOP_CHAIN_ENDPOINT ?? 'ws://127.0.0.1:9944';
  if (!/^wss?:\/\/.+/.test(endpoint)) {
    console.error(`verify-statement: --endpoint must be a ws:// or wss:// address, not "${endpoint}"\n\n${USAGE}`);
    return 2;
  }
  let api: ApiPromise;
  try {
    api = await connect(endpoint, Number(values.timeout ?? 20) * 1000);
  } catch (error) {
    console.error(`verify-statement: the chain node at ${endpoint} cannot be reached (${(error as Error).message}). Check the address and that the node runs.`);
    return 2;
  }
  try {
    const result = await verifyStatement(doc, nodeChainLookup(api));
    const who = `statement of member ${doc.member.memberNo}, period ${doc.period.from} – ${doc.period.to}`;
    if (values.json) console.log(JSON.stringify({ file, member: doc.member.memberNo, period: { from: doc.period.from, to: doc.period.to }, ...result }, null, 2));
    else if (result.verified) console.log(`VERIFIED: ${who}\n  hash ${result.hash}\n  root ${result.root ?? ''} in block ${result.blockNumber ?? ''}, extrinsic ${result.extrinsicIndex ?? ''} (${result.elapsedMs} ms)`);
    else console.log(`NOT VERIFIED (${result.failure ?? ''}): ${who}\n  ${result.reason ?? ''}`);
    return result.verified ? 0 : 1;
  } catch (error) {
    console.error(`verify-statement: the node at ${endpoint} failed to answer (${(error as Error).message}).`);
    return 2;
  } finally {
    await api.disconnect().catch(() => undefined);
  }
}

// Exit explicitly: a provider that never connected may keep reconnect timers alive after main ends
// (stdout and stderr are synchronous on pipes and files, so nothing printed is lost).
process.exit(await main(process.argv.slice(2)));
