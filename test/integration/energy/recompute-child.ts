// Child process for the crash test: recomputes a site's span and prints each finished day; after
// the second day it stalls (so the parent's kill -9 surely lands mid-run, even on a fast machine).
import { openDatabase } from '../../../src-main/core/db/connection.js';
import { recomputeSite } from '../../../src-main/core/energy/recompute.js';

const [file, site, from, to] = process.argv.slice(2) as [string, string, string, string];
const db = openDatabase({ file });
const stall = new Int32Array(new SharedArrayBuffer(4));
recomputeSite(db, Number(site), Number(from), Number(to), Number(to), (p) => {
  process.stdout.write(`done ${p.intervalsDone}\n`);
  if (p.intervalsDone >= 2 * 96) Atomics.wait(stall, 0, 0, 30_000);
});
process.stdout.write('finished\n');
