// Every command-line tool answers --help and -h with its usage on stdout and exit 0, and an
// unknown option with exit 2 (not a stack trace). The attest CLI has its own (attest-cli.test.ts).
// The console's own tools run from the build (as npm test leaves it), the emulator through tsx.
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { runProcess, type ProcessOutcome } from '../../support/run-process.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

const BUILT = 'out/tsc/src-main';
/** `unknownOption: false` where an unknown option is not the tool's to refuse (npm test hands them to Vitest, after a build). */
const TOOLS: ReadonlyArray<{ name: string; command: string; script: string; usage: RegExp; unknownOption?: false }> = [
  { name: 'npm run meter:emulate', command: TSX, script: 'emulator/main.ts', usage: /--psa-profile NAME/ },
  { name: 'npm run verify-statement', command: process.execPath, script: `${BUILT}/tools/verify-statement-cli.js`, usage: /^Usage: npm run verify-statement/ },
  { name: 'npm run node', command: process.execPath, script: `${BUILT}/tools/chain-node.js`, usage: /^Usage: npm run node/ },
  { name: 'npm run serve', command: process.execPath, script: `${BUILT}/serve/cli.js`, usage: /^Usage: npm run serve/ },
  { name: 'npm run bench', command: process.execPath, script: 'test/bench/run.mjs', usage: /^Usage: npm run bench/ },
  { name: 'npm test', command: process.execPath, script: 'test/run-all.mjs', usage: /^Usage: npm test/, unknownOption: false },
];

describe('command-line tools', () => {
  it('print their usage for --help and -h (exit 0) and refuse an unknown option (exit 2)', async () => {
    const runs = TOOLS.flatMap((tool) => ['--help', '-h', ...(tool.unknownOption === false ? [] : ['--no-such-option'])].map((flag) => ({ tool, flag })));
    // Two at a time (each spends a second or two starting up; more at once only thrashes a small machine).
    const results: Array<(typeof runs)[number] & ProcessOutcome> = [];
    const lane = async (): Promise<void> => {
      for (let next = runs.shift(); next; next = runs.shift()) results.push({ ...next, ...(await runProcess(next.tool.command, [join(ROOT, next.tool.script), next.flag], ROOT)) });
    };
    await Promise.all([lane(), lane()]);
    expect(results).toHaveLength(17);
    for (const r of results) {
      const label = `${r.tool.name} ${r.flag}: ${r.err}`;
      if (r.flag === '--no-such-option') {
        expect(r.code, label).toBe(2);
        expect(r.err, label).not.toMatch(/\n\s+at /); // a message, not a stack trace
      } else {
        expect(r.code, label).toBe(0);
        expect(r.out, label).toMatch(r.tool.usage);
      }
    }
  }, 240_000);
});
