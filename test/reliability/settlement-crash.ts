// `npm run reliability` — kill -9 trials of settlement posting and chain mirroring on the embedded
// node (see settlement-trials.ts for what each trial checks). Prints one line per trial and a
// summary, writes test-results/reliability-settlement.json, exits 1 if any trial found a problem.
// Options: --trials N (default 50), --members N (default 400), --seed N (default: time-based; printed),
// --report FILE (default test-results/reliability-settlement.json).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src-main/core/db/connection.js';
import { createChainRuntime, type ChainRuntime } from '../../src-main/core/chain/index.js';
import { prepareTrialEnv, runTrials, seededRandom, type TrialResult } from './settlement-trials.js';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '50' }, members: { type: 'string', default: '400' }, seed: { type: 'string' }, report: { type: 'string' } } });
const trials = Number(values.trials);
const members = Number(values.members);
const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed);
if (![trials, members, seed].every((n) => Number.isSafeInteger(n) && n > 0)) {
  console.error('--trials, --members and --seed are positive whole numbers');
  process.exit(2);
}

const PASSPHRASE = 'reliability trials 2026';
const dataDir = mkdtempSync(join(tmpdir(), 'coop-settlement-crash-'));
const db = openDatabase({ file: join(dataDir, 'console.sqlite') });
let chain: ChainRuntime | null = null;
const results: TrialResult[] = [];
const file = resolve(values.report ?? join(import.meta.dirname, '../../test-results/reliability-settlement.json'));
const started = Date.now();
try {
  chain = createChainRuntime({ dataDir, db, nodeStartTimeoutMs: 300_000 });
  await chain.start();
  await chain.keystore.initialize(PASSPHRASE);
  const setup = await chain.bootstrap({ currency: 'KES' });
  const env = await prepareTrialEnv(dataDir, db, chain, setup, PASSPHRASE, members);
  const random = seededRandom(seed);
  console.log(`settlement kill -9 trials: ${trials} trials, ${members} members per period, seed ${seed}`);
  await runTrials(env, trials, random, (result) => {
    results.push(result);
    writeReport(false);
    const rows = Object.entries(result.atKill.rows).map(([s, n]) => `${s}:${n}`).join(' ') || 'none';
    console.log(
      `trial ${String(result.trial).padStart(3)} ${result.phase.padEnd(9)} kill at +${String(result.killAfterMs).padStart(4)} ms: ${result.killed ? 'killed' : 'finished first'}; ` +
        `left posting ${result.atKill.posted ? 'committed' : 'absent'}, mirror rows ${rows} → ${result.problems.length === 0 ? 'ok' : `PROBLEMS: ${result.problems.join('; ')}`}` +
        ` [${result.ms.killedRun} + ${result.ms.recoveryRun} + ${result.ms.checks} ms]`,
    );
  });
} finally {
  await chain?.stop();
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
}

function summarize() {
  const failed = results.filter((r) => r.problems.length > 0);
  const killed = results.filter((r) => r.killed);
  return {
    trials: results.length,
    seed,
    members,
    killed: killed.length,
    killedInPosting: killed.filter((r) => r.phase === 'posting').length,
    postingLeftAbsent: killed.filter((r) => r.phase === 'posting' && !r.atKill.posted).length,
    killedWhileMirroring: killed.filter((r) => r.phase === 'mirroring').length,
    mirrorUnsettledAtKill: killed.filter((r) => r.phase === 'mirroring' && Object.entries(r.atKill.rows).some(([s, n]) => s !== 'finalized' && n > 0)).length,
    failed: failed.length,
    seconds: Math.round((Date.now() - started) / 1000),
    results,
  };
}
/** Written after every trial too, so a run stopped early still leaves its figures. */
function writeReport(finished: boolean): ReturnType<typeof summarize> {
  const summary = summarize();
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...summary, finished }, null, 2) + '\n');
  return summary;
}
const summary = writeReport(true);
const failed = results.filter((r) => r.problems.length > 0);
console.log(
  `\n${summary.trials} trials in ${summary.seconds} s (seed ${seed}): ${summary.killed} killed (${summary.killedInPosting} during posting, ${summary.postingLeftAbsent} of them before the commit; ` +
    `${summary.killedWhileMirroring} while mirroring, ${summary.mirrorUnsettledAtKill} of them with rows not yet on chain); ${summary.failed} with problems. Details: ${file}`,
);
process.exit(failed.length > 0 || results.length < trials ? 1 : 0);
