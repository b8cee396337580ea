// `npm run serve`: the same console in a browser. The core and the HTTP/WS carrier run in this
// Node process; the page is the built renderer. Loopback only unless --allow-lan is given.
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../core/app/core.js';
import type { ChainChoice } from '../core/app/services.js';
import { DatabaseUnreadableError } from '../core/db/connection.js';
import { SchemaTooNewError } from '../core/db/migrations.js';
import { defaultDataDir } from '../core/platform/data-dir.js';
import { resolveResourceDir } from '../core/platform/resources.js';
import { startHttpCarrier } from '../carriers/http/http-carrier.js';
import { join, dirname } from 'node:path';
import { hostname, networkInterfaces } from 'node:os';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const USAGE = `Usage: npm run serve -- [--data-dir DIR] [--db FILE] [--port N] [--host ADDR --allow-lan] [--chain off|embedded|ws://…]
  --data-dir DIR  where the database and backups live (default ${defaultDataDir()}; env COOP_DATA_DIR)
  --db FILE       a database file other than DIR/coop-console.sqlite
  --port N        port to listen on (default 4870; 0 picks a free one)
  --host ADDR     address to bind (default 127.0.0.1); anything but loopback needs --allow-lan
  --chain WHICH   embedded (default: a local node on 127.0.0.1), off, or an external ws:// / wss:// endpoint
                  (env COOP_CHAIN); given for a run, it beats the choice saved in Settings → Chain
  --kiosk         the members' kiosk only: members sign in with member number + PIN or their card and see
                  their own things; no operator area or channel exists in this process. It can run beside
                  the office console on the same data folder (no meter polling; chain off unless --chain)
  -h, --help      this text`;

async function main(): Promise<void> {
  const { values } = parseOptions();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const host = values.host;
  if (!LOOPBACK.has(host) && !values['allow-lan']) {
    fail(`Refusing to listen on ${host}: the console would be reachable from other machines. Add --allow-lan if that is what you want.`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".`);

  const dataDir = values['data-dir'] ?? defaultDataDir();
  let core: Core;
  try {
    // A flag or COOP_CHAIN given for this run beats the choice saved in Settings; otherwise the saved
    // choice applies, and the embedded node is the default.
    const explicit = values.chain ?? process.env.COOP_CHAIN;
    const kioskOnly = values.kiosk;
    core = createCore({
      dataDir,
      // A kiosk beside the office console must not start a second embedded node on the same folder.
      chain: parseChainChoice(explicit ?? (kioskOnly ? 'off' : 'embedded')),
      chainOverride: explicit !== undefined || kioskOnly,
      kioskOnly,
      ...(values.db ? { databaseFile: values.db } : {}),
    });
  } catch (error) {
    if (error instanceof SchemaTooNewError || error instanceof DatabaseUnreadableError) fail(error.message);
    throw error;
  }
  const staticDir = join(dirname(resolveResourceDir('migrations')), 'out', 'renderer');
  // Beyond loopback, the Host header a LAN client sends names this machine's address or name (e.g. a
  // field laptop syncing with http://192.168.1.10:4870): accept those, and still nothing else.
  const allowedHosts = values['allow-lan'] ? lanNames() : [];
  const carrier = await startHttpCarrier({ dispatch: core.dispatch, events: core.events, staticDir, host, port, allowedHosts });
  console.log(`Coop Console is serving at ${carrier.url}`);
  if (values.kiosk) console.log(`This is the members' kiosk only (no operator area): ${carrier.url}#/kiosk`);
  console.log(`Data folder: ${dataDir}  (database ${core.databaseFile})`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await carrier.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** This machine's addresses and name, as a client on the LAN may write them in the Host header. */
function lanNames(): string[] {
  const names = [hostname().toLowerCase(), `${hostname().toLowerCase()}.local`];
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) names.push(address.family === 'IPv6' ? `[${address.address.toLowerCase()}]` : address.address);
  }
  return names;
}

function parseChainChoice(text: string): ChainChoice {
  if (text === 'off') return { mode: 'off' };
  if (text === 'embedded') return { mode: 'embedded' };
  if (/^wss?:\/\//.test(text)) return { mode: 'external', endpoint: text };
  return fail(`--chain must be "embedded", "off" or a ws:// or wss:// endpoint, not "${text}".`);
}

const OPTIONS = {
  'data-dir': { type: 'string' },
  db: { type: 'string' },
  port: { type: 'string', default: '4870' },
  host: { type: 'string', default: '127.0.0.1' },
  'allow-lan': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  chain: { type: 'string' },
  kiosk: { type: 'boolean', default: false },
} as const;

/** The command line, with an unknown or ill-typed option answered by the usage (exit 2) rather than a stack trace. */
function parseOptions() {
  try {
    return parseArgs({ options: OPTIONS });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

function fail(message: string): never {
  console.error(`Coop Console cannot start: ${message}`);
  process.exit(2);
}

main().catch((error: unknown) => {
  console.error('Coop Console stopped because of an unexpected error:', error);
  process.exit(1);
});
