// `npm run node`: starts the embedded chain node alone (for people who want to poke it with
// polkadot-js apps or curl) and prints its endpoint. Ctrl+C stops it cleanly.
//   npm run node -- --data-dir ./my-data [--port 9944]
import { resolve, join } from 'node:path';
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { EmbeddedNode } from '../core/chain/node/embedded-node.js';

const USAGE = `Usage: npm run node -- [--data-dir DIR] [--port PORT]
Starts the embedded chain node on 127.0.0.1 and prints its endpoint.
  --data-dir DIR  data folder whose chain/ holds the node's database (default ~/.coop-console; env COOP_DATA_DIR)
  --port PORT     port to listen on (default: a free one)
  -h, --help      this text`;

let values: { 'data-dir'?: string; port?: string; help?: boolean };
try {
  ({ values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const dataDir = resolve(values['data-dir'] ?? process.env.COOP_DATA_DIR ?? join(homedir(), '.coop-console'));
const port = values.port ? Number(values.port) : undefined;
if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
  console.error(`--port must be a whole number between 1 and 65535, not "${values.port}"`);
  process.exit(2);
}

const node = new EmbeddedNode({ chainDir: join(dataDir, 'chain'), ...(port ? { port } : {}) });
node.on('status', (s) => {
  if (s.state === 'restarting') console.log(`node: restarting (${s.lastError ?? 'unknown reason'})`);
  if (s.state === 'running' && s.restarts > 0) console.log(`node: running again at ${s.endpoint}`);
});
const started = Date.now();
try {
  const endpoint = await node.start();
  console.log(`Embedded chain node running (pid ${node.pid}) after ${Date.now() - started} ms`);
  console.log(`endpoint: ${endpoint}`);
  console.log(`data:     ${join(dataDir, 'chain')}`);
  console.log('Press Ctrl+C to stop.');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const shutdown = (): void => {
  console.log('stopping…');
  void node.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
