// `npm run bench`: runs every test/bench/*.bench.ts in turn (each prints its own figures and the
// ratio against a raw baseline measured in the same run) and records them in test-results/bench.json
// (test/bench/report.ts). Not part of `npm test`: timings on a shared 2-core machine are for reading.
import { readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = join(import.meta.dirname);
const only = process.argv[2];
if (only === '--help' || only === '-h') {
  console.log(`Usage: npm run bench [-- NAME]
Runs every test/bench/*.bench.ts in turn, or only those whose file name contains NAME; each prints
its figures against a raw baseline measured in the same run. Timings are for reading, not pass/fail.
  -h, --help  this text`);
  process.exit(0);
}
if (only?.startsWith('-')) {
  console.error(`Unknown option '${only}'. See npm run bench -- --help`);
  process.exit(2);
}
// A full run starts a fresh test-results/bench.json; a run of some files updates their records only.
if (!only) rmSync(join(dir, '..', '..', 'test-results', 'bench.json'), { force: true });
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync('node_modules/.bin/tsx', [join(dir, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
console.log(`\n${files.length - failed} benchmark file(s) ran, ${failed} failed`);
process.exit(failed ? 1 : 0);
