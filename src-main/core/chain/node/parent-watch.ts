// Makes the embedded node end with its console, however the console ends (kill -9 included, where
// no exit hook runs). The node is started with this small script preloaded (`node --require`); it
// runs inside the node process, so there is no extra process to kill or count. Two signals say the
// console is gone: its end of the stdin pipe closes (the kernel closes it when the console dies), and
// the parent pid changes (the node was re-parented to init or a subreaper). Either one ends the node:
// SIGTERM to itself (chopsticks closes its database), then a plain exit if that did not finish it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = `'use strict';
// Written by Coop Console (src-main/core/chain/node/parent-watch.ts): ends this chain node when the
// console that started it is gone (stdin closed, or a new parent). Rewritten at every node start.
// --require also runs in every worker thread (chopsticks runs the runtime in one), where stdin is
// not the console's pipe: watch from the main thread only.
if (!require('node:worker_threads').isMainThread) return;
const consolePid = process.ppid;
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
setInterval(() => { if (process.ppid !== consolePid) end(); }, 500).unref();
`;

/** Writes the watcher into the chain folder (next to config.json) and returns its path. */
export function writeParentWatch(chainDir: string): string {
  const file = join(chainDir, 'parent-watch.cjs');
  writeFileSync(file, SOURCE);
  return file;
}
