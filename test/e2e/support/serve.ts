// Starts serve mode (the real core + HTTP/WS carrier + built renderer) on a free port against a
// fresh temporary data folder, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'out', 'tsc', 'src-main', 'serve', 'cli.js');
const READY = /Coop Console is serving at (http:\/\/127\.0\.0\.1:\d+\/?)/;

export interface ServeHandle {
  readonly url: string;
  readonly dataDir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** Whether the serve process is still running (tests that try to stop it check this). */
  running(): boolean;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** 'off' (default: screens that do not touch the chain need no node), 'embedded', or a ws:// URL. */
  readonly chain?: string;
  /** Days of readings the first-run wizard's demo village gets (COOP_DEMO_DAYS); default: the product's (last month and this one so far). */
  readonly demoDays?: number;
  /** An existing data folder (left in place at stop), e.g. a kiosk beside an office console. */
  readonly dataDir?: string;
  /** `--kiosk`: the members' kiosk only. */
  readonly kiosk?: boolean;
}

export async function startServe(options: ServeOptions = {}): Promise<ServeHandle> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the e2e tests.`);
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('out/renderer is missing: run "npm run build".');
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'coop-e2e-'));
  // process.execPath is Node 22 when run through npm scripts / node_modules/.bin (better-sqlite3 needs it).
  const child: ChildProcess = spawn(process.execPath, [CLI, '--data-dir', dataDir, '--port', '0', '--chain', options.chain ?? 'off', ...(options.kiosk ? ['--kiosk'] : [])], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(options.demoDays !== undefined && { COOP_DEMO_DAYS: String(options.demoDays) }) },
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve mode did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1].endsWith('/') ? match[1] : `${match[1]}/`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve mode exited with code ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the API over HTTP directly, as a second witness next to what the UI shows. */
export async function apiCall<T>(base: string, channel: string, token: string | null, input: unknown): Promise<T> {
  const response = await fetch(`${base}api/call/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`${channel} failed: ${body.error?.code} ${body.error?.message}`);
  return body.value as T;
}
