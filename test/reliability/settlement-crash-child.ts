// One console process of the crash trials. It first recovers what the previous (killed) console
// left: posts that period again (a no-op when it was committed) and runs the outbox until the
// chain has everything; then says `recovered` and waits for `go` on stdin (the parent checks the
// previous trial meanwhile). Then it posts its own period (journal + mirror rows, one transaction)
// and mirrors it. The parent kills it with SIGKILL at a random moment of that second part.
// Prints each milestone alone on a line (`recovered`, `posting`, `posted`, `mirroring`, `mirrored`).
// Usage: tsx settlement-crash-child.ts <dataDir> <endpoint> <passphrase> <periodId|0> <previousPeriodId|0> <memberIdsFile>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../../src-main/core/db/connection.js';
import { createChainRuntime } from '../../src-main/core/chain/index.js';
import { mirrorInput } from '../integration/settlement/mirror-fixture.js';
import { postPeriodWithMirror } from './trial-posting.js';

const [dataDir, endpoint, passphrase, period, previous, membersFile] = process.argv.slice(2) as [string, string, string, string, string, string];
const memberIds = JSON.parse(readFileSync(membersFile, 'utf8')) as number[];
const t0 = performance.now();
const say = (what: string): void => void process.stdout.write(`${what}\n  at ${Math.round(performance.now() - t0)} ms\n`);

const db = openDatabase({ file: join(dataDir, 'console.sqlite') });
const chain = createChainRuntime({ dataDir, db, endpoint, outbox: { reconcileIntervalMs: 1_000 } });
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
  postPeriodWithMirror(db, mirrorInput(Number(previous), memberIds));
  chain.outbox.kick();
  await chain.outbox.drain(300_000);
}
say('recovered');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.on('line', (line) => line === 'go' && resolve()));
lines.close();
if (Number(period) > 0) {
  say('posting');
  postPeriodWithMirror(db, mirrorInput(Number(period), memberIds));
  say('posted');
  say('mirroring');
  chain.outbox.kick();
  await chain.outbox.drain(300_000);
  say('mirrored');
}
await chain.stop();
db.close();
process.exit(0);
