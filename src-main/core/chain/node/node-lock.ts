// One node per chain folder. A node that outlived its console (an older console version, a frozen
// node that missed the parent watch, a crash loop faster than the node's shutdown) must not run
// beside a new one: two processes on one chain database corrupt it. `<chain>/node.pid` records the
// node's pid and its console's pid, each with the process's start time from /proc/<pid>/stat, so a
// pid the kernel has since given to another program is recognised as such and never killed.
// Without /proc (Windows, macOS) the file is advisory only; there the parent watch ends the node.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChainError } from '../errors.js';

export interface ProcessIdentity {
  readonly pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks after boot): with the pid, unique per boot. */
  readonly startTicks: string;
}

export interface NodeLock {
  readonly node: ProcessIdentity;
  readonly console: ProcessIdentity;
}

export const nodeLockFile = (chainDir: string): string => join(chainDir, 'node.pid');

/** The process's identity, or null when it does not exist (or /proc is not there). */
export function processIdentity(pid: number): ProcessIdentity | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = fields[19]; // field 22 overall; fields[0] is field 3
    // A zombie has exited already: nothing to end, its pid is not holding the folder.
    if (!startTicks || fields[0] === 'Z') return null;
    return { pid, startTicks };
  } catch {
    return null;
  }
}

const isAlive = (who: ProcessIdentity): boolean => processIdentity(who.pid)?.startTicks === who.startTicks;

function readLock(file: string): NodeLock | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<NodeLock>;
    const valid = (p: unknown): p is ProcessIdentity =>
      typeof p === 'object' && p !== null && Number.isInteger((p as ProcessIdentity).pid) && typeof (p as ProcessIdentity).startTicks === 'string';
    return valid(parsed.node) && valid(parsed.console) ? { node: parsed.node, console: parsed.console } : null;
  } catch {
    return null; // unreadable or half-written (a crash while writing): nothing to trust in it
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitGone(who: ProcessIdentity, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(who)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Before a node starts on `chainDir`: a node recorded there that still runs is ended if its console
 * is gone (SIGTERM, SIGKILL after a grace period); if its console still runs, this console refuses
 * to start a second node. Resolves with the pid it ended, or null.
 */
export async function endStaleNode(chainDir: string, graceMs = 5_000): Promise<number | null> {
  const file = nodeLockFile(chainDir);
  if (!existsSync(file)) return null;
  const lock = readLock(file);
  if (!lock || !isAlive(lock.node)) {
    rmSync(file, { force: true });
    return null;
  }
  if (lock.console.pid !== process.pid && isAlive(lock.console)) {
    throw new ChainError(
      'CHAIN_NODE_FOLDER_IN_USE',
      `Another Coop Console (process ${lock.console.pid}) is running a chain node on ${chainDir}. Close that console first, or give this one another data folder.`,
      { nodePid: lock.node.pid, consolePid: lock.console.pid },
    );
  }
  const signal = (name: NodeJS.Signals): void => {
    // Checked again right before each signal: the pid must still be the recorded process.
    if (isAlive(lock.node)) process.kill(lock.node.pid, name);
  };
  signal('SIGTERM');
  signal('SIGCONT'); // a stopped (frozen) node must wake up to act on SIGTERM
  if (!(await waitGone(lock.node, graceMs))) {
    signal('SIGKILL');
    await waitGone(lock.node, 2_000);
  }
  rmSync(file, { force: true });
  return lock.node.pid;
}

/** Records the node just spawned (no-op where /proc is missing, see above). */
export function writeNodeLock(chainDir: string, nodePid: number): void {
  const node = processIdentity(nodePid);
  const owner = processIdentity(process.pid);
  if (!node || !owner) return;
  const lock: NodeLock = { node, console: owner };
  writeFileSync(nodeLockFile(chainDir), `${JSON.stringify(lock)}\n`);
}

/** After the node ended: drop the record if it is still this node's. */
export function clearNodeLock(chainDir: string, nodePid: number): void {
  const file = nodeLockFile(chainDir);
  if (readLock(file)?.node.pid === nodePid) rmSync(file, { force: true });
}
