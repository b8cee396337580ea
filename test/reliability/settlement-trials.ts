// kill -9 trials of posting and chain mirroring (issue 11). Each trial's period is drafted and
// approved by the parent, then posted by a child console through SettlementService.post() — the
// app's posting, with its onPosted hook releasing the prepaid drawdowns and recording the chain
// mirror in the same transaction — and the child is killed with SIGKILL at a random moment: inside
// the posting, or while the outbox signs and sends the mirror. The next child recovers it (posts
// it if the kill came before the commit, runs the outbox) and the parent checks:
//   - the journal is balanced (checkJournalIntegrity) and the killed posting left all or nothing
//     (entries, status, drawdown reversals and mirror rows together);
//   - nothing was posted twice: one entry per transfer of the period's lines, each of the day's
//     drawdowns reversed exactly once;
//   - each mirror record is on chain exactly once: the anchor's Remarked event appears once, and
//     every member's energy-credit balance is exactly the sum of its net credits of all periods.
// Used by `npm run reliability` (50+ trials). Each console is recovered by the next one (which the
// parent then kills in turn), so a trial costs one console start.
import { spawn } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Database } from 'better-sqlite3';
import { blake2AsHex } from '@polkadot/util-crypto';
import type { ChainRuntime } from '../../src-main/core/chain/index.js';
import type { ChainSetup } from '../../src-main/core/chain/bootstrap.js';
import { checkJournalIntegrity } from '../../src-main/core/journal/index.js';
import { mirrorAnchorReference, settlementMirrorState } from '../../src-main/core/settlement/mirror/index.js';
import { transfersOf } from '../../src-main/core/settlement/stored-lines.js';
import { remarkedEventsAt } from '../../substrate-bindings/src/index.js';
import { prepareTrialPeriod, seedTrialSite, trialServices, type TrialServices } from './trial-settlement.js';

const CHILD_SOURCE = join(import.meta.dirname, 'settlement-crash-child.ts');
// Bundled once per run into out/ (inside the repository, so the migrations folder is found): a
// bundled console starts in ~4 s on a loaded 2-core machine, ~20 s through tsx's loader.
const CHILD = resolve(import.meta.dirname, '../../out/reliability/settlement-crash-child.mjs');

export async function bundleChild(): Promise<void> {
  await build({
    entryPoints: [CHILD_SOURCE],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3', '@acala-network/chopsticks'],
    // Bundled CommonJS dependencies call require(): give the ES module one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
  });
}

export interface TrialEnv {
  readonly dataDir: string;
  readonly db: Database;
  readonly chain: ChainRuntime;
  readonly setup: ChainSetup;
  readonly passphrase: string;
  readonly endpoint: string;
  readonly siteId: number;
  readonly memberIds: readonly number[];
  readonly addressOf: ReadonlyMap<number, string>;
  /** The parent's services: they draft, draw and approve each trial's period. */
  readonly services: TrialServices;
  /** Energy credit each member must hold after the periods run so far. */
  readonly expected: Map<number, bigint>;
}

export type TrialPhase = 'posting' | 'mirroring';

export interface TrialResult {
  readonly trial: number;
  readonly periodId: number;
  readonly phase: TrialPhase;
  readonly killAfterMs: number;
  /** false when the child finished before the kill landed. */
  readonly killed: boolean;
  /** What the kill left: was the posting committed, and the mirror rows' statuses. */
  readonly atKill: { readonly posted: boolean; readonly rows: Readonly<Record<string, number>> };
  readonly problems: readonly string[];
  /** Wall time of the killed console, of the next one up to `recovered`, and of the checks. */
  readonly ms: { readonly killedRun: number; readonly recoveryRun: number; readonly checks: number };
}

/** The trial site (members with funded own-wallet addresses); the parent's outbox is stopped so only children send. */
export async function prepareTrialEnv(dataDir: string, db: Database, chain: ChainRuntime, setup: ChainSetup, passphrase: string, members: number): Promise<TrialEnv> {
  const site = seedTrialSite(db, members);
  await chain.fundAccounts([...site.addresses], 10n ** 12n);
  await chain.outbox.stop();
  await bundleChild();
  const endpoint = chain.node?.status.endpoint;
  if (!endpoint) throw new Error('the trials need the embedded node running');
  const addressOf = new Map(site.memberIds.map((id, i) => [id, site.addresses[i] as string]));
  return { dataDir, db, chain, setup, passphrase, endpoint, siteId: site.siteId, memberIds: site.memberIds, addressOf, services: trialServices(db), expected: new Map(site.memberIds.map((id) => [id, 0n])) };
}

/** A small seeded generator, so a failing run can be replayed with the same kill points. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Child {
  /** Resolves once the child printed `recovered` (the previous period is on chain). */
  readonly recovered: Promise<void>;
  go(periodId: number): void;
  readonly exited: Promise<{ readonly killed: boolean; readonly code: number | null; readonly output: string }>;
  readonly startedAt: number;
}

function spawnChild(env: TrialEnv, previous: number, kill: { phase: TrialPhase; afterMs: number } | null): Child {
  const child = spawn(process.execPath, [CHILD, env.dataDir, env.endpoint, env.passphrase, String(previous)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let periodId = 0;
  let output = '';
  let killed = false;
  let armed = false;
  let onRecovered!: () => void;
  const recovered = new Promise<void>((resolve) => (onRecovered = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const said = output.split('\n');
    if (said.includes('recovered')) onRecovered();
    if (kill && !armed && said.includes(kill.phase)) {
      armed = true;
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) {
          killed = true;
          child.kill('SIGKILL');
        }
      }, kill.afterMs);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const exited = new Promise<{ killed: boolean; code: number | null; output: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (process.env['TRIALS_CHILD_LOG']) appendFileSync(process.env['TRIALS_CHILD_LOG'], `--- period ${periodId} (previous ${previous})\n${output}`);
      onRecovered(); // never leave a waiter hanging: the checks then report what is missing
      resolve({ killed, code, output });
    });
  });
  return {
    recovered,
    go: (id) => {
      periodId = id;
      child.stdin.write(`go ${id}\n`);
    },
    exited,
    startedAt: performance.now(),
  };
}

function entryCount(db: Database, periodId: number): number {
  return (db.prepare(`SELECT count(*) AS n FROM journal_entries WHERE substr(idempotency_key, 1, ?) = ?`).get(`settlement:${periodId}:`.length, `settlement:${periodId}:`) as { n: number }).n;
}

function mirrorRowStatuses(db: Database, periodId: number): Record<string, number> {
  const prefix = `settlement-mirror:${periodId}:`;
  const rows = db.prepare(`SELECT status, count(*) AS n FROM chain_outbox WHERE substr(reference, 1, ?) = ? GROUP BY status`).all(prefix.length, prefix) as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function remarkCount(chain: ChainRuntime, sender: string, remark: string, fromBlock: number): Promise<number> {
  const api = chain.connection.api;
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const hash = blake2AsHex(remark, 256);
  let count = 0;
  for (let n = Math.max(1, fromBlock); n <= head; n += 1) {
    const blockHash = (await api.rpc.chain.getBlockHash(n)).toHex();
    count += (await remarkedEventsAt(api, blockHash)).filter((e) => e.sender === sender && e.hash === hash).length;
  }
  return count;
}

interface KilledRun {
  readonly trial: number;
  readonly periodId: number;
  readonly drawdownEntries: readonly number[];
  readonly phase: TrialPhase;
  readonly killAfterMs: number;
  readonly killed: boolean;
  readonly fromBlock: number;
  readonly atKill: TrialResult['atKill'];
  readonly problems: string[];
  readonly killedRunMs: number;
}

/** Journal entries a posting of the period writes: one per transfer of its lines. */
const transferCount = (env: TrialEnv, periodId: number): number => transfersOf(env.services.settlement.repo.lines(periodId)).length;
/** How many times each of the day's drawdown entries was reversed (0 or 1 each when all is well). */
function reversals(db: Database, entries: readonly number[]): number[] {
  const count = db.prepare(`SELECT count(*) FROM journal_entries WHERE reverses_entry_id = ?`).pluck();
  return entries.map((id) => count.get(id) as number);
}

/** What the kill left, read as soon as the killed console is gone. */
function inspectKill(env: TrialEnv, run: { periodId: number; drawdownEntries: readonly number[] }, problems: string[]): TrialResult['atKill'] {
  const expected = transferCount(env, run.periodId);
  const entries = entryCount(env.db, run.periodId);
  const rows = mirrorRowStatuses(env.db, run.periodId);
  const status = env.services.settlement.must(run.periodId).status;
  const posted = entries > 0;
  if (entries !== 0 && entries !== expected) problems.push(`the kill left ${entries} of ${expected} entries (not all or nothing)`);
  if (posted !== (status === 'posted')) problems.push(`journal entries ${posted ? 'present' : 'absent'} but the period is ${status}`);
  if (posted !== Object.keys(rows).length > 0) problems.push(`journal entries ${posted ? 'present' : 'absent'} but mirror rows ${posted ? 'absent' : 'present'}`);
  const reversed = reversals(env.db, run.drawdownEntries);
  if (reversed.some((n) => n !== (posted ? 1 : 0))) problems.push(`drawdowns reversed ${reversed.join(',')} times with the posting ${posted ? 'committed' : 'absent'}`);
  const integrity = checkJournalIntegrity(env.db);
  if (!integrity.ok) problems.push(`journal unbalanced right after the kill (${integrity.unbalancedEntries.length} entries, ${integrity.balanceMismatches.length} balances)`);
  return { posted, rows };
}

/** After the next console recovered the period: books, once-only posting, chain effects. */
async function checkRecovered(env: TrialEnv, run: KilledRun): Promise<string[]> {
  const problems: string[] = [];
  const integrity = checkJournalIntegrity(env.db);
  if (!integrity.ok) problems.push(`journal unbalanced after recovery (${integrity.unbalancedEntries.length} entries, ${integrity.balanceMismatches.length} balances)`);
  const status = env.services.settlement.must(run.periodId).status;
  if (status !== 'posted') problems.push(`period ${run.periodId} is ${status} after recovery`);
  const expected = transferCount(env, run.periodId);
  const entries = entryCount(env.db, run.periodId);
  if (entries !== expected) problems.push(`period ${run.periodId} has ${entries} entries for ${expected} transfers`);
  const reversed = reversals(env.db, run.drawdownEntries);
  if (run.drawdownEntries.length === 0) problems.push('the day had no prepaid drawdown to release');
  if (reversed.some((n) => n !== 1)) problems.push(`drawdowns reversed ${reversed.join(',')} times (each must be once)`);
  const state = settlementMirrorState(env.db, run.periodId);
  if (state.status !== 'done') problems.push(`mirror state ${state.status} ${state.errors.join(', ')}`);
  const remark = (env.db.prepare(`SELECT a.remark FROM chain_anchors a JOIN chain_outbox o ON o.id = a.outbox_id WHERE o.reference = ?`).get(mirrorAnchorReference(run.periodId)) as { remark: string } | undefined)?.remark;
  if (!remark) problems.push('no anchor recorded');
  else {
    const seen = await remarkCount(env.chain, env.setup.treasury, remark, run.fromBlock);
    if (seen !== 1) problems.push(`the anchor is on chain ${seen} times`);
  }
  // Each member's net of the period's statement lines; a positive net is credited on chain.
  const nets = env.db.prepare(`SELECT member_id, SUM(amount_minor) AS net FROM settlement_lines WHERE period_id = ? GROUP BY member_id`).all(run.periodId) as { member_id: number; net: number }[];
  for (const { member_id: id, net } of nets) if (net > 0) env.expected.set(id, (env.expected.get(id) ?? 0n) + BigInt(net));
  if (!nets.some((n) => n.net > 0)) problems.push('the period credits no member: nothing to mirror as transfers');
  const ids = [...env.memberIds];
  const accounts = await env.chain.connection.api.query.assets.account.multi(ids.map((id) => [env.setup.energyCredit.assetId, env.addressOf.get(id) as string]));
  const wrong = ids.filter((id, i) => {
    const account = accounts[i];
    const held = account && account.isSome ? account.unwrap().balance.toBigInt() : 0n;
    return held !== env.expected.get(id);
  });
  if (wrong.length > 0) problems.push(`${wrong.length} members hold another energy-credit balance than their credits (e.g. member ${wrong[0]})`);
  return problems;
}

/**
 * Runs `count` trials, alternating a kill during posting and a kill while mirroring. Trial k's
 * console is killed; trial k+1's console recovers it (and is killed in turn); a last console
 * recovers the last trial. While a console recovers, the parent drafts and approves the next
 * period (its flows, the day's prepaid drawdowns). Each result is reported as soon as its checks ran.
 */
export async function runTrials(env: TrialEnv, count: number, random: () => number, onResult: (result: TrialResult) => void): Promise<TrialResult[]> {
  const results: TrialResult[] = [];
  let previous: KilledRun | null = null;
  for (let trial = 1; trial <= count + 1; trial += 1) {
    const last = trial > count;
    const phase: TrialPhase = trial % 2 === 1 ? 'posting' : 'mirroring';
    const killAfterMs = Math.round(phase === 'posting' ? random() * 600 : random() * 3_000);
    const child = spawnChild(env, previous?.periodId ?? 0, last ? null : { phase, afterMs: killAfterMs });
    await child.recovered;
    if (previous) {
      const t = performance.now();
      const problems = [...previous.problems, ...(await checkRecovered(env, previous))];
      const recoveryMs = Math.round(performance.now() - child.startedAt);
      const result: TrialResult = { ...previous, problems, ms: { killedRun: previous.killedRunMs, recoveryRun: recoveryMs, checks: Math.round(performance.now() - t) } };
      results.push(result);
      onResult(result);
    }
    // The previous period is posted (checked above): the next day can be drafted and approved.
    const next = last ? null : await prepareTrialPeriod(env.db, env.services, { siteId: env.siteId, memberIds: env.memberIds, addresses: [] }, trial);
    const fromBlock = (await env.chain.connection.api.rpc.chain.getHeader()).number.toNumber() + 1;
    child.go(next?.periodId ?? 0);
    const exit = await child.exited;
    if (!next) {
      if (exit.code !== 0) throw new Error(`the last recovery run failed: ${exit.output.slice(-800)}`);
      break;
    }
    const problems: string[] = [];
    if (!exit.killed && exit.code !== 0) problems.push(`the console failed on its own: ${exit.output.slice(-500)}`);
    const atKill = inspectKill(env, next, problems);
    previous = { trial, periodId: next.periodId, drawdownEntries: next.drawdownEntries, phase, killAfterMs, killed: exit.killed, fromBlock, atKill, problems, killedRunMs: Math.round(performance.now() - child.startedAt) };
  }
  return results;
}
