// One console process of the crash trials. It first recovers what the previous (killed) console
// left: posts that period if the kill came before the posting committed (through the same
// SettlementService.post() as the app) and runs the outbox until the chain has everything; then
// says `recovered` and waits for `go` on stdin (the parent checks the previous trial and drafts and
// approves this trial's period meanwhile). Then it posts its own period (journal entries, status,
// drawdowns released and mirror rows: one transaction) and mirrors it. The parent kills it with
// SIGKILL at a random moment of that second part.
// Prints each milestone alone on a line (`recovered`, `posting`, `posted`, `mirroring`, `mirrored`).
// Usage: node settlement-crash-child.mjs <dataDir> <endpoint> <passphrase> <previousPeriodId|0>
//   then `go <periodId|0>` on stdin.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../../src-main/core/db/connection.js';
import { createChainRuntime } from '../../src-main/core/chain/index.js';
import { trialServices } from './trial-settlement.js';

const [dataDir, endpoint, passphrase, previous] = process.argv.slice(2) as [string, string, string, string];
const t0 = performance.now();
const say = (what: string): void => void process.stdout.write(`${what}\n  at ${Math.round(performance.now() - t0)} ms\n`);

const db = openDatabase({ file: join(dataDir, 'console.sqlite') });
const chain = createChainRuntime({ dataDir, db, endpoint, outbox: { reconcileIntervalMs: 1_000 } });
const services = trialServices(db);
say('opened');
// Both take seconds (metadata; scrypt per key): side by side. On a loaded machine the node can be
// slow to answer the first probe: try again rather than count that as a crash result.
const connecting = (async () => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await chain.start();
    } catch (error) {
      if (attempt >= 8) throw error;
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }
})();
await Promise.all([connecting, chain.keystore.unlock(passphrase)]);
say('unlocked');
if (Number(previous) > 0) {
  // Killed before the commit: the period is still approved, and posting it is the recovery.
  if (services.settlement.must(Number(previous)).status === 'approved') services.settlement.post(services.actor, Number(previous));
  chain.outbox.kick();
  await chain.outbox.drain(300_000);
}
say('recovered');
const lines = createInterface({ input: process.stdin });
const period = await new Promise<number>((resolve) => lines.on('line', (line) => line.startsWith('go ') && resolve(Number(line.slice(3)))));
lines.close();
if (period > 0) {
  say('posting');
  services.settlement.post(services.actor, period);
  say('posted');
  say('mirroring');
  chain.outbox.kick();
  await chain.outbox.drain(300_000);
  say('mirrored');
}
await chain.stop();
db.close();
process.exit(0);
