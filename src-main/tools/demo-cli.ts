// `npm run demo -- --data-dir DIR [--members N] [--months M] [--seed S]`: creates a demo
// cooperative in DIR whose meters are emulated attested devices (DEMO ONLY keys), with months of
// signed readings fed through the verified ingest. Same seed and period → same readings (the
// digest printed at the end). Exit codes: 0 done, 1 failed, 2 usage error.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OperatorPublic } from '../contract/session.js';
import type { DemoGeneratorProgress } from '../core/demo/demo-generator.js';
import { demoMonthsSpan } from '../core/demo/demo-span.js';

const USAGE = `Usage: npm run demo -- --data-dir DIR [options]

Creates a demo cooperative in DIR (a new data folder): the demo village's sites, members, equipment,
listings, tariffs and agreements, and for every member a connection meter and for every generator
(solar, wind, hydro, biogas) a generation meter — emulated attested devices (DEMO ONLY keys from
resources/demo-pki) — with their signed readings for the period, fed through the verified ingest.

  --data-dir DIR   the data folder to create (must not hold a database yet)
  --members N      members in the village, at least 60 (default 60; the benchmark uses 2000)
  --months M       whole months of 15-minute readings (default 1)
  --days D         a number of days instead of months (small tests)
  --start YYYY-MM  the first month (default: M months before the current month, so the data ends
                   where this month begins); with the same --seed the readings are the same.
                   Days are the cooperative's (Africa/Nairobi): from local midnight to local midnight
  --seed S         seed of everything random (default 1)
  --quiet          no progress lines
  --help           this text

Then: npm run serve -- --data-dir DIR   (sign in as admin / demo-village-admin)`;

class UsageError extends Error {}

const ADMIN = { username: 'admin', displayName: 'Demo Administrator', password: 'demo-village-admin' } as const;
const COOPERATIVE = { name: 'Demo Village Energy Cooperative', currency: 'KES', timezone: 'Africa/Nairobi', locale: 'en' } as const;

function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** The demo period: from local midnight of the 1st of the start month for M months (or D days), in the cooperative's time zone. */
export function demoPeriod(start: string | undefined, months: number, days: number | null, today: Date): { fromMs: number; toMs: number } {
  if (start !== undefined) {
    const m = /^(\d{4})-(\d{2})$/.exec(start);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new UsageError(`--start must be a month like 2026-10, got "${start}"`);
  }
  return demoMonthsSpan(start ?? null, months, days, today, COOPERATIVE.timezone);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      members: { type: 'string' },
      months: { type: 'string' },
      days: { type: 'string' },
      start: { type: 'string' },
      seed: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dataDir = values['data-dir'];
  if (!dataDir) throw new UsageError('--data-dir DIR is required');
  // The village's equipment, listings and agreements need its 60 founding members.
  const members = wholeNumber('members', values.members, 60, 60, 20_000);
  const months = wholeNumber('months', values.months, 1, 1, 24);
  const days = values.days === undefined ? null : wholeNumber('days', values.days, 1, 1, 731);
  const seed = wholeNumber('seed', values.seed, 1, 0, 2 ** 31 - 1);
  const { fromMs, toMs } = demoPeriod(values.start, months, days, new Date());
  // The core is loaded only now: usage and input errors answer at once.
  const { createCore, DEFAULT_DATABASE_NAME } = await import('../core/app/core.js');
  const { demoClock, generateDemoCooperative } = await import('../core/demo/demo-generator.js');
  const { readingsDigest } = await import('../core/demo/demo-energy-feed.js');
  if (existsSync(join(dataDir, DEFAULT_DATABASE_NAME))) throw new UsageError(`${dataDir} already holds a cooperative database: choose a new folder`);
  // The demo's own clock (see demo-generator.ts): what it writes does not depend on when it runs.
  const clock = demoClock(fromMs);

  const core = createCore({ dataDir, clock, chain: { mode: 'off' }, log: () => undefined });
  const started = performance.now();
  let lastLine = 0;
  const say = (line: string) => {
    if (!values.quiet) process.stderr.write(`${line}\n`);
  };
  const onProgress = (p: DemoGeneratorProgress) => {
    const t = performance.now();
    if (p.done < p.total && t - lastLine < 1000) return;
    lastLine = t;
    say(`[demo ${((t - started) / 1000).toFixed(1)} s] ${p.phase}: ${p.done} / ${p.total}`);
  };
  try {
    const setup = await core.dispatch('setup.initialize', { cooperative: COOPERATIVE, admin: ADMIN }, null);
    if (!setup.ok) throw new Error(setup.error.message);
    const actor = (setup.value as { operator: OperatorPublic }).operator;
    say(`Demo cooperative in ${dataDir}: ${members} members, ${new Date(fromMs).toISOString()} to ${new Date(toMs).toISOString()} (local midnights in ${COOPERATIVE.timezone}), seed ${seed}`);
    const result = await generateDemoCooperative({ db: core.database(), clock, events: core.events }, actor, { members, seed, fromMs, toMs, onProgress });
    const seconds = (performance.now() - started) / 1000;
    const digest = readingsDigest(core.database());
    process.stdout.write(
      [
        `members ${result.village?.members ?? 0}, sites ${result.village?.sites ?? 0}, meters ${result.meters} (${result.generationMeters} generation; ${result.ownGeneratorsAdded} members' own generators added), ${result.p2pAgreements} P2P sales, ${result.hostedLeases} hosted leases and ${result.leasesToOwn} leases-to-own active, ${result.preferences} source preferences`,
        `signed batches ${result.batches}, readings ${result.readings} in ${seconds.toFixed(1)} s (${Math.round(result.readings / seconds)} readings/s overall;` +
          ` signing ${(result.signMs / 1000).toFixed(1)} s, verified ingest ${(result.ingestMs / 1000).toFixed(1)} s = ${Math.round(result.readings / (result.ingestMs / 1000))} readings/s)`,
        `energy flows: ${result.intervalsComputed} site intervals computed in ${(result.recomputeMs / 1000).toFixed(1)} s`,
        `readings digest ${digest}`,
        `sign in with ${ADMIN.username} / ${ADMIN.password}: npm run serve -- --data-dir ${dataDir}`,
      ].join('\n') + '\n',
    );
    return 0;
  } finally {
    await core.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof UsageError) process.stderr.write(`\n${USAGE}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
