// The chain-folder lock with real processes standing in for a node and a console (`sleep`): a node
// whose console is gone is ended, a node whose console runs makes a second start refuse, and a pid
// now worn by another program (different start time) is never signalled.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChainError } from '../../../src-main/core/chain/errors.js';
import { endStaleNode, nodeLockFile, processIdentity, type NodeLock } from '../../../src-main/core/chain/node/node-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'coop-node-lock-'));
const started: ChildProcess[] = [];
const standIn = (): ChildProcess => {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  started.push(child);
  return child;
};
const identity = (child: ChildProcess) => processIdentity(child.pid!)!;
const writeLock = (lock: NodeLock): void => writeFileSync(nodeLockFile(dir), JSON.stringify(lock));
const exited = (child: ChildProcess): Promise<unknown> => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r)));

afterAll(() => {
  for (const child of started) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('one node per chain folder', () => {
  it('reads a process start time from /proc, and none for a pid that does not exist', () => {
    expect(processIdentity(process.pid)?.startTicks).toMatch(/^\d+$/);
    expect(processIdentity(2 ** 22 + 1)).toBeNull();
  });

  it('ends a node whose console is gone, and removes the record', async () => {
    const node = standIn();
    const goneConsole = standIn();
    const consoleId = identity(goneConsole);
    goneConsole.kill('SIGKILL');
    await exited(goneConsole);
    writeLock({ node: identity(node), console: consoleId });
    expect(await endStaleNode(dir, 2_000)).toBe(node.pid);
    await exited(node);
    expect(node.signalCode).toBe('SIGTERM');
    expect(existsSync(nodeLockFile(dir))).toBe(false);
  });

  it('refuses to start beside a node whose console still runs, and leaves both alone', async () => {
    const node = standIn();
    const otherConsole = standIn();
    writeLock({ node: identity(node), console: identity(otherConsole) });
    const refusal = await endStaleNode(dir).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ChainError);
    expect((refusal as ChainError).code).toBe('CHAIN_NODE_FOLDER_IN_USE');
    expect((refusal as ChainError).message).toContain(`process ${otherConsole.pid}`);
    expect(processIdentity(node.pid!)).not.toBeNull();
    expect(existsSync(nodeLockFile(dir))).toBe(true);
  });

  it('never signals a recorded pid that now belongs to another process (start time differs)', async () => {
    const bystander = standIn();
    writeLock({ node: { pid: bystander.pid!, startTicks: '1' }, console: { pid: 2 ** 22 + 1, startTicks: '1' } });
    expect(await endStaleNode(dir, 500)).toBeNull();
    expect(processIdentity(bystander.pid!)).not.toBeNull();
    expect(existsSync(nodeLockFile(dir))).toBe(false);
  });

  it('ignores an unreadable record (a crash while writing it)', async () => {
    writeFileSync(nodeLockFile(dir), '{"node": {"pid"');
    expect(await endStaleNode(dir)).toBeNull();
    expect(existsSync(nodeLockFile(dir))).toBe(false);
  });
});
