// The embedded chain node: chopsticks in genesis mode as a child process (run with the same Node
// binary as the console), bound to 127.0.0.1, persisted under `${dataDir}/chain/` (db.sqlite plus a
// config file with `resume: true`). It is health-checked, restarted with back-off when it dies and
// stopped cleanly (SIGTERM, then SIGKILL after a grace period). It ends with its console however the
// console ends (parent-watch.ts), and one chain folder never has two nodes (node-lock.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync, createWriteStream, type WriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join, dirname } from 'node:path';
import { ChainError, errorMessage } from '../errors.js';
import { TypedEmitter } from '../typed-emitter.js';
import { ensureEmbeddedChainSpec } from './chain-spec.js';
import { compactNodeDatabase, genesisRuntimeCode } from './node-db-compaction.js';
import { rpcCall } from './rpc-probe.js';
import { waitForHeadPersisted } from './head-persisted.js';
import { clearNodeLock, endStaleNode, writeNodeLock } from './node-lock.js';
import { parentWatchEnv, writeParentWatch } from './parent-watch.js';

export type EmbeddedNodeState = 'stopped' | 'starting' | 'running' | 'restarting' | 'stopping' | 'failed';

export interface EmbeddedNodeStatus {
  readonly state: EmbeddedNodeState;
  /** `ws://127.0.0.1:PORT` while running. */
  readonly endpoint: string | null;
  readonly pid: number | null;
  readonly restarts: number;
  readonly lastError: string | null;
}

export interface EmbeddedNodeEvents extends Record<string, unknown> {
  status: EmbeddedNodeStatus;
}

export interface EmbeddedNodeOptions {
  /** Folder for spec.json, config.json, db.sqlite, node.log — normally `${dataDir}/chain`. */
  readonly chainDir: string;
  /** Fixed port; by default a free loopback port is chosen once and kept across restarts. */
  readonly port?: number;
  readonly startTimeoutMs?: number;
  readonly healthIntervalMs?: number;
  /** Restart automatically when the process dies unexpectedly (default true). */
  readonly autoRestart?: boolean;
}

const LISTENING = /RPC listening on http:\/\/(127\.0\.0\.1:\d+)/;

export class EmbeddedNode extends TypedEmitter<EmbeddedNodeEvents> {
  readonly #options: Required<Omit<EmbeddedNodeOptions, 'port'>> & { port: number | undefined };
  #child: ChildProcess | null = null;
  #status: EmbeddedNodeStatus = { state: 'stopped', endpoint: null, pid: null, restarts: 0, lastError: null };
  #port: number | undefined;
  #health: NodeJS.Timeout | null = null;
  #restartTimer: NodeJS.Timeout | null = null;
  #wantRunning = false;
  #log: WriteStream | null = null;
  #exitHook = (): void => {
    this.#child?.kill('SIGKILL');
  };

  constructor(options: EmbeddedNodeOptions) {
    super();
    this.#options = {
      chainDir: options.chainDir,
      port: options.port,
      startTimeoutMs: options.startTimeoutMs ?? 60_000,
      healthIntervalMs: options.healthIntervalMs ?? 5_000,
      autoRestart: options.autoRestart ?? true,
    };
    this.#port = options.port;
  }

  get status(): EmbeddedNodeStatus {
    return this.#status;
  }

  get pid(): number | null {
    return this.#child?.pid ?? null;
  }

  /** Starts the node and resolves with its ws endpoint once it answers RPC. */
  async start(): Promise<string> {
    if (this.#status.state === 'running' && this.#status.endpoint) return this.#status.endpoint;
    this.#wantRunning = true;
    this.#setStatus({ state: 'starting', lastError: null });
    try {
      const endpoint = await this.#spawn();
      this.#setStatus({ state: 'running', endpoint, pid: this.#child?.pid ?? null });
      this.#startHealthChecks();
      return endpoint;
    } catch (error) {
      this.#wantRunning = false;
      await this.#killChild();
      this.#setStatus({ state: 'failed', endpoint: null, pid: null, lastError: errorMessage(error) });
      throw error instanceof ChainError
        ? error
        : new ChainError('CHAIN_NODE_START_FAILED', `The embedded chain node did not start: ${errorMessage(error)}. See ${join(this.#options.chainDir, 'node.log')}.`);
    }
  }

  async stop(): Promise<void> {
    this.#wantRunning = false;
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    this.#stopHealthChecks();
    if (!this.#child) {
      this.#setStatus({ state: 'stopped', endpoint: null, pid: null });
      return;
    }
    const endpoint = this.#status.endpoint;
    this.#setStatus({ state: 'stopping' });
    if (endpoint) await waitForHeadPersisted(endpoint, join(this.#options.chainDir, 'db.sqlite'), 5_000);
    await this.#killChild();
    this.#log?.end();
    this.#log = null;
    this.#setStatus({ state: 'stopped', endpoint: null, pid: null });
  }

  async #spawn(): Promise<string> {
    const dir = this.#options.chainDir;
    mkdirSync(dir, { recursive: true });
    const spec = await ensureEmbeddedChainSpec(dir);
    this.#port ??= await findFreeLoopbackPort();
    const config = {
      genesis: spec,
      db: join(dir, 'db.sqlite'),
      resume: true, // the `--resume` CLI flag is mis-parsed as a string; the config file works
      host: '127.0.0.1', // never expose dev RPCs beyond loopback
      port: this.#port,
      'build-block-mode': 'Instant',
      'runtime-log-level': 0,
    };
    const configFile = join(dir, 'config.json'); // JSON is valid YAML, which chopsticks reads
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    if (!this.#log) {
      const logFile = join(dir, 'node.log');
      // Keep one previous log: a node that runs for months must not fill the disk.
      if (existsSync(logFile) && statSync(logFile).size > 20 * 1024 * 1024) renameSync(logFile, `${logFile}.1`);
      this.#log = createWriteStream(logFile, { flags: 'a' });
    }
    // Before touching the database: a node left running on this folder is ended (or, if its console
    // still runs, this start is refused).
    const ended = await endStaleNode(dir);
    if (ended !== null) this.#log?.write(`[coop-console] ended node process ${ended} left running on this folder by a console that is gone\n`);
    this.#compactDatabase(config.db, spec);
    // stdin is a pipe the console holds and never writes: its end-of-file tells the node its console died.
    const child = spawn(process.execPath, ['--require', writeParentWatch(dir), chopsticksCli(), `--config=${configFile}`], {
      cwd: dir,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'info', ...parentWatchEnv() },
    });
    child.stdin?.on('error', () => undefined); // EPIPE once the node is gone: nothing is ever written
    this.#child = child;
    if (child.pid !== undefined) writeNodeLock(dir, child.pid);
    process.once('exit', this.#exitHook);
    return await new Promise<string>((resolve, reject) => {
      let buffer = '';
      let listening = false;
      const timer = setTimeout(() => fail(new Error(`no answer within ${this.#options.startTimeoutMs} ms`)), this.#options.startTimeoutMs);
      const onData = (chunk: Buffer): void => {
        this.#log?.write(chunk);
        if (listening) return;
        buffer = (buffer + chunk.toString('utf8')).slice(-8192);
        const match = LISTENING.exec(buffer);
        if (match?.[1]) {
          listening = true;
          const endpoint = `ws://${match[1]}`;
          // chopsticks silently moves to the next port when ours is taken: follow it.
          this.#port = Number(match[1].split(':')[1]);
          clearTimeout(timer);
          child.off('exit', onEarlyExit);
          child.on('exit', (code, signal) => this.#onExit(child, code, signal));
          rpcCall(endpoint, 'chain_getHeader', [], 10_000).then(() => resolve(endpoint), fail);
        }
      };
      const onEarlyExit = (code: number | null, signal: string | null): void =>
        fail(new Error(`the process exited early (code ${code}, signal ${signal}): ${buffer.slice(-500)}`));
      const fail = (error: Error): void => {
        clearTimeout(timer);
        reject(error);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', onEarlyExit);
      child.once('error', fail);
    });
  }

  /** Before every start (the node is not running): drop the runtime copies chopsticks stored per block. */
  #compactDatabase(dbFile: string, specFile: string): void {
    try {
      const done = compactNodeDatabase(dbFile, genesisRuntimeCode(specFile));
      if (done.blocksCompacted > 0) {
        const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
        this.#log?.write(`[coop-console] node database compacted: ${done.blocksCompacted} blocks, ${mb(done.bytesBefore)} MB → ${mb(done.bytesAfter)} MB in ${done.ms} ms\n`);
      }
    } catch (error) {
      // Compaction only saves disk; the node runs fine without it (and the transaction left the file as it was).
      this.#log?.write(`[coop-console] node database compaction skipped: ${errorMessage(error)}\n`);
    }
  }

  #onExit(child: ChildProcess, code: number | null, signal: string | null): void {
    if (child.pid !== undefined) clearNodeLock(this.#options.chainDir, child.pid);
    if (this.#child !== child) return;
    this.#child = null;
    process.off('exit', this.#exitHook);
    this.#stopHealthChecks();
    if (!this.#wantRunning || !this.#options.autoRestart) {
      this.#setStatus({ state: 'stopped', endpoint: null, pid: null });
      return;
    }
    this.#scheduleRestart(`the node process exited (code ${code}, signal ${signal})`);
  }

  #scheduleRestart(reason: string): void {
    if (this.#restartTimer) return;
    const restarts = this.#status.restarts + 1;
    // Back off (1 s, 2 s, 4 s … 30 s) so a node that cannot start does not spin the CPU.
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(5, Math.max(0, restarts - 1)));
    this.#setStatus({ state: 'restarting', endpoint: null, pid: null, restarts, lastError: reason });
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null;
      if (!this.#wantRunning) return;
      this.#spawn()
        .then((endpoint) => {
          this.#setStatus({ state: 'running', endpoint, pid: this.#child?.pid ?? null });
          this.#startHealthChecks();
        })
        .catch(async (error: unknown) => {
          await this.#killChild();
          this.#scheduleRestart(`restart failed: ${errorMessage(error)}`);
        });
    }, delay);
  }

  #startHealthChecks(): void {
    this.#stopHealthChecks();
    let failures = 0;
    this.#health = setInterval(() => {
      const endpoint = this.#status.endpoint;
      if (!endpoint || this.#status.state !== 'running') return;
      rpcCall(endpoint, 'system_health', [], 10_000).then(
        () => (failures = 0),
        async () => {
          failures += 1;
          // Three missed checks in a row: the process is alive but hung. Kill it; exit restarts it.
          if (failures >= 3) this.#child?.kill('SIGKILL');
        },
      );
    }, this.#options.healthIntervalMs);
    this.#health.unref();
  }

  #stopHealthChecks(): void {
    if (this.#health) clearInterval(this.#health);
    this.#health = null;
  }

  async #killChild(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    this.#child = null;
    process.off('exit', this.#exitHook);
    const forget = (): void => {
      if (child.pid !== undefined) clearNodeLock(this.#options.chainDir, child.pid);
    };
    if (child.exitCode !== null || child.signalCode !== null) return forget();
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
    forget();
  }

  #setStatus(patch: Partial<EmbeddedNodeStatus>): void {
    this.#status = { ...this.#status, ...patch };
    this.emit('status', this.#status);
  }
}

function chopsticksCli(): string {
  // The package's `exports` hide package.json, so resolve its entry and walk up to the package root.
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('@acala-network/chopsticks'));
  while (!existsSync(join(dir, 'chopsticks.cjs'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('The @acala-network/chopsticks package is not installed');
    dir = parent;
  }
  return join(dir, 'chopsticks.cjs');
}

export async function findFreeLoopbackPort(): Promise<number> {
  return await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
