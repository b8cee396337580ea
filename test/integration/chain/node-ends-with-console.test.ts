// The embedded node ends with its console, however the console ends, and one chain folder never
// runs two nodes. The console is the real serve process (run from source); it is killed with
// SIGKILL, so no exit hook of it runs. The node processes are found the way an operator would:
// every process whose command line names this folder's chopsticks config (/proc/*/cmdline).
// Two node starts: the first node is frozen (SIGSTOP) before its console is killed, so it cannot
// notice and is left running — as a node of an older console, or one caught mid-crash-loop, would be.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeLockFile } from '../../../src-main/core/chain/node/node-lock.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'coop-node-orphan-'));
const chainDir = join(dataDir, 'chain');
const consoles: ChildProcess[] = [];

/** Pids of the node processes running on this data folder's chain. */
function nodesOnFolder(): number[] {
  const marker = `--config=${join(chainDir, 'config.json')}`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      if (args.includes(marker) && state !== 'Z') pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

async function until<T>(probe: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts `serve` with the embedded node on the shared folder; resolves once it serves. */
async function startConsole(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/serve/cli.ts'), '--data-dir', dataDir, '--port', '0', '--chain', 'embedded'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  consoles.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await until(() => output.includes('Coop Console is serving at') || child.exitCode !== null, 60_000, 'the console to serve');
  if (child.exitCode !== null) throw new Error(`the console exited:\n${output}`);
  return { child, output: () => output };
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

afterAll(async () => {
  for (const c of consoles) if (c.exitCode === null && c.signalCode === null) await killHard(c);
  for (const pid of nodesOnFolder()) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded node and its console', { timeout: 240_000 }, () => {
  it('a node left on the folder is ended by the next console: exactly one node runs there', async () => {
    const first = await startConsole();
    const [stale] = await until(() => nodesOnFolder().length === 1 && nodesOnFolder(), 90_000, 'the first node');
    process.kill(stale!, 'SIGSTOP');
    await killHard(first.child);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(nodesOnFolder()).toEqual([stale]); // frozen, so its parent watch cannot act: left behind

    const second = await startConsole();
    const fresh = await until(() => nodesOnFolder().find((pid) => pid !== stale), 90_000, `a new node:\n${second.output()}`);
    expect(nodesOnFolder()).toEqual([fresh]);
    expect(JSON.parse(readFileSync(nodeLockFile(chainDir), 'utf8'))).toMatchObject({ node: { pid: fresh }, console: { pid: second.child.pid } });
    // Still one once the new node serves (the console reports it running).
    await until(() => readFileSync(join(chainDir, 'node.log'), 'utf8').includes(`ended node process ${stale}`), 10_000, 'the log line naming the ended node');
    expect(nodesOnFolder()).toEqual([fresh]);
  });

  it('kill -9 of the console: its node is gone within a few seconds', async () => {
    const [node] = nodesOnFolder();
    expect(node).toBeDefined();
    const started = Date.now();
    await killHard(consoles.at(-1)!);
    await until(() => nodesOnFolder().length === 0, 8_000, `node ${node} to end with its console`).catch((error: unknown) => {
      const left = nodesOnFolder().map((pid) => `${pid}: ${readFileSync(`/proc/${pid}/stat`, 'utf8').slice(0, 80)}`);
      throw new Error(`${String(error)}; still running: ${left.join('; ')}; node.log: ${readFileSync(join(chainDir, 'node.log'), 'utf8').slice(-600)}`);
    });
    console.info(`node ended ${Date.now() - started} ms after its console was killed`);
  });
});
