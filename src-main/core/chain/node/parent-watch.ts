// Makes the embedded node end with its console, however the console ends (kill -9 included, where
// no exit hook runs). The node is started with this small script preloaded (`node --require`); it
// runs inside the node process, so there is no extra process to kill or count. Two signals say the
// console is gone: its end of the stdin pipe closes (the kernel closes it when the console dies), and
// the parent pid changes (the node was re-parented to init or a subreaper; watched from a worker
// thread, so a busy main thread does not delay it). Either one ends the node: SIGTERM to itself
// (chopsticks closes its database), then an exit or SIGKILL if that did not finish it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = `'use strict';
// Written by Coop Console (src-main/core/chain/node/parent-watch.ts): ends this chain node when the
// console that started it is gone (stdin closed, or a new parent). Rewritten at every node start.
// --require also runs in every worker thread (chopsticks runs the runtime in one, and so does the
// watch below): only the main thread sets the watch up.
const { isMainThread, Worker } = require('node:worker_threads');
if (!isMainThread) return;
// The console passes its pid: if it died before this line ran, process.ppid would already be the
// new parent and the watch would wait for a change that never comes.
const consolePid = Number(process.env.COOP_CONSOLE_PID) || process.ppid;
// The parent-pid watch runs in its own thread: while the node's main thread is busy (loading the
// runtime takes seconds on a loaded machine) it still notices and ends the process, with SIGKILL
// if SIGTERM did not end it within 3 s.
const watch = new Worker(\`
  const consolePid = \${consolePid};
  const timer = setInterval(() => {
    if (process.ppid === consolePid) return;
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), 3000);
  }, 250);
\`, { eval: true, stdin: false, stdout: false, stderr: false });
watch.unref();
// The console's end of the stdin pipe closes when it dies: the quick path when the node is idle.
let ending = false;
function end() {
  if (ending) return;
  ending = true;
  setTimeout(() => process.exit(0), 3000);
  process.kill(process.pid, 'SIGTERM');
}
process.stdin.on('end', end);
process.stdin.on('close', end);
process.stdin.on('error', end);
process.stdin.resume();
`;

/** The environment the node needs for the watch: the console's pid. */
export const parentWatchEnv = (): Record<string, string> => ({ COOP_CONSOLE_PID: String(process.pid) });

/** Writes the watcher into the chain folder (next to config.json) and returns its path. */
export function writeParentWatch(chainDir: string): string {
  const file = join(chainDir, 'parent-watch.cjs');
  writeFileSync(file, SOURCE);
  return file;
}
