// The README's test command: builds what the e2e layer serves, runs every layer with Vitest, and
// ends with one plain line over all suites together: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false });
const npx = (bin, args) => run(`node_modules/.bin/${bin}`, args);
const extra = process.argv.slice(2);
if (extra.includes('--help') || extra.includes('-h')) {
  console.log(`Usage: npm test [-- [--no-build] [--no-typecheck] [VITEST_ARGS...]]
Builds, type-checks, runs every test layer with Vitest and ends with "N passed, N failed, N skipped".
  --no-build      skip npm run build (e2e needs a current build)
  --no-typecheck  skip npm run typecheck
  VITEST_ARGS     passed to vitest run (e.g. a file path or --project unit)
  -h, --help      this text`);
  process.exit(0);
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });

if (!extra.includes('--no-build')) {
  const build = run('npm', ['run', '--silent', 'build']);
  if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    console.error('The build failed, so no test ran.');
    process.exit(1);
  }
}

// Vitest runs TypeScript without checking types: check them first (main, emulator, tests, renderer).
// A type error counts as one failure; the tests still run so their results are seen too.
let typeErrors = 0;
if (!extra.includes('--no-typecheck')) {
  const typecheck = run('npm', ['run', '--silent', 'typecheck']);
  if (typecheck.status !== 0) {
    typeErrors = 1;
    console.error('The type check failed (see above).');
  }
}

const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra.filter((a) => a !== '--no-build' && a !== '--no-typecheck')];
const result = npx('vitest', vitestArgs);

let passed = 0, failed = 0, skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A file that fails to load counts as a failure even though it reports no test.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
} else {
  failed = 1;
}
if (result.status !== 0 && failed === 0) failed = 1;
failed += typeErrors;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || result.status !== 0 ? 1 : 0);
