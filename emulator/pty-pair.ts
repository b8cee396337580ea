// Creates a connected pair of pseudo-terminals with socat: the emulator opens one end, the
// console (or a test) the other. The returned stop() ends socat, which "unplugs" both ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface PtyPair {
  readonly consolePath: string;
  readonly meterPath: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

export async function createPtyPair(dir: string, timeoutMs = 5000): Promise<PtyPair> {
  mkdirSync(dir, { recursive: true });
  const consolePath = join(dir, 'console');
  const meterPath = join(dir, 'meter');
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${consolePath}`, `pty,raw,echo=0,link=${meterPath}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let exited = false;
  child.once('exit', () => (exited = true));
  child.stderr?.resume();
  const deadline = Date.now() + timeoutMs;
  while (!(existsSync(consolePath) && existsSync(meterPath))) {
    if (exited) throw new Error('socat exited before creating the pty pair (is socat installed? apt-get install socat)');
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`socat did not create ${consolePath} within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    consolePath,
    meterPath,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
