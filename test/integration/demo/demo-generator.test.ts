// The demo generator through the real path on real SQLite files: the same seed and period give the
// same readings (digest) in two fresh cooperatives, another seed gives others; every stored batch
// re-verifies (signature with the meter's attested key, hash chain, binding) and the readings are
// exactly the batches' records; progress reaches every phase; the CLI prints its usage and refuses
// bad input with exit code 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import type { OperatorPublic } from '../../../src-main/contract/session.js';
import { demoClock, generateDemoCooperative, type DemoGeneratorProgress, type DemoGeneratorResult } from '../../../src-main/core/demo/demo-generator.js';
import { localDaysSpan, wizardDemoSpan } from '../../../src-main/core/demo/demo-span.js';
import { localParts } from '../../../src-main/core/tariffs/local-time.js';
import { readingsDigest } from '../../../src-main/core/demo/demo-energy-feed.js';
import { publicKeyFromSec1 } from '../../../src-main/core/attestation/es256.js';
import { toHex } from '../../../src-main/core/attestation/trust-store.js';
import { decodeBatch, GENESIS_PREV_HASH, verifyBatchSignature } from '../../../src-main/core/meters/signed-batch.js';
import { ADMIN, COOP } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { until } from '../../support/until.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const temp = makeTempDir('coop-demo-gen-');
// One local day in the cooperative's time zone (COOP: Africa/Nairobi, UTC+3): 96 intervals per meter.
const { fromMs: FROM, toMs: TO } = localDaysSpan('2026-11-01', '2026-11-02', COOP.timezone);
const cores: Core[] = [];

async function generate(name: string, seed: number): Promise<{ core: Core; result: DemoGeneratorResult; progress: DemoGeneratorProgress[] }> {
  const clock = demoClock(FROM);
  const core = createCore({ dataDir: join(temp.path, name), clock, chain: { mode: 'off' }, log: () => {} });
  cores.push(core);
  const setup = await core.dispatch('setup.initialize', { cooperative: COOP, admin: ADMIN }, null);
  if (!setup.ok) throw new Error(setup.error.message);
  const actor = (setup.value as { operator: OperatorPublic }).operator;
  const progress: DemoGeneratorProgress[] = [];
  const result = await generateDemoCooperative({ db: core.database(), clock, events: core.events }, actor, { members: 60, seed, fromMs: FROM, toMs: TO, onProgress: (p) => progress.push(p) });
  return { core, result, progress };
}

let first: Awaited<ReturnType<typeof generate>>;
beforeAll(async () => {
  first = await generate('a', 7);
}, 120_000);
afterAll(async () => {
  await Promise.allSettled(cores.map((c) => c.close()));
  temp.remove();
});

describe('demo generator', () => {
  it('creates attested, provisioned meters for every member and generator, with a day of readings each', () => {
    const db = first.core.database();
    const { result } = first;
    expect(result.village?.members).toBe(60);
    expect(result.meters).toBe(60 + result.generationMeters);
    expect(result.generationMeters).toBeGreaterThan(10);
    expect(result.readings).toBe(result.meters * 96);
    expect((db.prepare(`SELECT count(*) AS n FROM meter_readings`).get() as { n: number }).n).toBe(result.readings);
    const statuses = db.prepare(`SELECT status, count(*) AS n FROM meters GROUP BY status`).all();
    expect(statuses).toEqual([{ status: 'provisioned', n: result.meters }]);
    // Every meter passed every attestation check, recorded like a technician's provisioning.
    expect((db.prepare(`SELECT count(*) AS n FROM meter_attestations WHERE verdict = 'passed'`).get() as { n: number }).n).toBe(result.meters);
    // Generation meters name existing equipment of the kinds the demo profiles cover.
    const kinds = db.prepare(`SELECT DISTINCT e.kind FROM meters m JOIN equipment e ON 'EQ-' || e.id = m.equipment_ref ORDER BY e.kind`).all().map((r) => (r as { kind: string }).kind);
    expect(kinds).toEqual(['biogas', 'hydro', 'solar', 'wind']);
    // Households with and without equipment.
    const hosts = (db.prepare(`SELECT count(DISTINCT member_id) AS n FROM meters WHERE equipment_ref IS NOT NULL`).get() as { n: number }).n;
    expect(hosts).toBeGreaterThan(5);
    expect(hosts).toBeLessThan(60);
    expect((db.prepare(`SELECT count(*) AS n FROM meter_gaps`).get() as { n: number }).n).toBe(0);
  });

  it('fills the first local day from its local midnight: every meter\'s 96 readings fall on 1 November in Nairobi', () => {
    const db = first.core.database();
    const span = db.prepare(`SELECT min(interval_start) AS first, max(interval_start) AS last FROM meter_readings`).get() as { first: string; last: string };
    expect(span).toEqual({ first: '2026-10-31T21:00:00.000Z', last: '2026-11-01T20:45:00.000Z' });
    expect(localParts(Date.parse(span.first), COOP.timezone)).toMatchObject({ date: '2026-11-01', hour: 0, minute: 0 });
    expect(localParts(Date.parse(span.last), COOP.timezone)).toMatchObject({ date: '2026-11-01', hour: 23, minute: 45 });
    // The day's flows are whole too: 96 site intervals per site, all on the local day.
    const perSite = db.prepare(`SELECT site_id, count(*) AS n, min(interval_start) AS first FROM energy_site_intervals WHERE consumption_wh > 0 GROUP BY site_id`).all() as Array<{ n: number; first: string }>;
    expect(perSite).toHaveLength(3);
    for (const site of perSite) expect(site).toMatchObject({ n: 96, first: '2026-10-31T21:00:00.000Z' });
  });

  it('stores batches that re-verify: signature by the attested key, hash chain, binding; readings equal their records', () => {
    const db = first.core.database();
    const meters = db.prepare(`SELECT id, public_key, instance_id_hex, provisioning_id FROM meters`).all() as Array<{ id: number; public_key: Buffer; instance_id_hex: string; provisioning_id: string }>;
    const batchesOf = db.prepare(`SELECT seq, raw, sha256, prev_sha256 FROM meter_batches WHERE meter_id = ? ORDER BY seq`);
    const readingsOf = db.prepare(`SELECT interval_start, import_wh, export_wh FROM meter_readings WHERE meter_id = ? ORDER BY interval_start`).raw();
    for (const meter of meters) {
      const key = publicKeyFromSec1(meter.public_key);
      let prev = toHex(GENESIS_PREV_HASH);
      const records: Array<[string, number, number]> = [];
      for (const row of batchesOf.all(meter.id) as Array<{ seq: number; raw: Buffer; sha256: string; prev_sha256: string }>) {
        const batch = decodeBatch(new Uint8Array(row.raw));
        expect(verifyBatchSignature(batch, key)).toBe(true);
        expect(toHex(batch.body.instanceId)).toBe(meter.instance_id_hex);
        expect(batch.body.provisioningId).toBe(meter.provisioning_id);
        expect(toHex(batch.body.prev)).toBe(prev);
        expect(toHex(batch.sha256)).toBe(row.sha256);
        prev = row.sha256;
        for (const [start, imp, exp] of batch.body.records) records.push([new Date(start * 1000).toISOString(), imp, exp]);
      }
      expect(readingsOf.all(meter.id)).toEqual(records);
    }
  });

  it('has every agreement kind active over the period: hosted leases, leases-to-own with an instalment due, P2P sales below the tariff', () => {
    const db = first.core.database();
    const { result } = first;
    expect(result.hostedLeases).toBe(3);
    expect(result.leasesToOwn).toBe(2);
    const active = db.prepare(`SELECT a.kind, a.activated_at, v.terms_json FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.current_version WHERE a.status = 'active'`).all() as Array<{ kind: string; activated_at: string; terms_json: string }>;
    const byKind = (kind: string) => active.filter((a) => a.kind === kind).map((a) => JSON.parse(a.terms_json) as Record<string, unknown>);
    expect(byKind('hosted_lease')).toHaveLength(3);
    expect(byKind('lease_to_own')).toHaveLength(2);
    expect(byKind('p2p_sale')).toHaveLength(result.p2pAgreements);
    // In force from the period's first interval.
    for (const a of active) expect(Date.parse(a.activated_at)).toBeLessThanOrEqual(FROM);
    // A lease-to-own's first instalment falls due inside the period (on its first day).
    for (const terms of byKind('lease_to_own')) expect(terms.startsOn).toBe('2026-10-01');
    // Each leased kit has a generation meter at its host's, so the host's use of it is measured.
    const leasedMetered = db.prepare(`SELECT count(*) AS n FROM equipment e JOIN meters m ON m.equipment_ref = 'EQ-' || e.id AND m.member_id = e.host_member_id WHERE e.status = 'leased'`).get() as { n: number };
    expect(leasedMetered.n).toBe(5);
    // COOP is KES: the ridge's flat tariff is 31.00 KES/kWh; a neighbour sale costs a little less, not 0.18.
    const ridgeRate = (db.prepare(`SELECT json_extract(definition_json, '$.energy.rateMilliPerKwh') AS r FROM tariff_versions ORDER BY id LIMIT 1`).get() as { r: number }).r;
    for (const terms of byKind('p2p_sale')) {
      const rate = (terms.priceRule as { rateMilliPerKwh: number }).rateMilliPerKwh;
      expect(rate).toBeLessThan(ridgeRate);
      expect(rate).toBeGreaterThan(ridgeRate / 2);
    }
  });

  it('reports progress through every phase up to its total', () => {
    for (const phase of ['village', 'equipment', 'agreements', 'meters', 'readings', 'flows'] as const) {
      const last = first.progress.filter((p) => p.phase === phase).at(-1);
      expect(last, phase).toBeDefined();
      expect(last!.done).toBe(last!.total);
    }
  });

  it('gives the same readings for the same seed, and others for another seed', async () => {
    const again = await generate('b', 7);
    expect(readingsDigest(again.core.database())).toBe(readingsDigest(first.core.database()));
    const other = await generate('c', 8);
    expect(readingsDigest(other.core.database())).not.toBe(readingsDigest(first.core.database()));
  }, 120_000);

  it('gives the first-run wizard\'s demo village its meters, readings from the 1st of last month to today and its flows (in the background), with progress', async () => {
    const core = createCore({ dataDir: join(temp.path, 'wizard'), chain: { mode: 'off' }, log: () => {} });
    cores.push(core);
    const span = wizardDemoSpan(new Date(), COOP.timezone);
    const codes: string[] = [];
    core.events.subscribe((m) => {
      const p = m.payload as { job?: string; code?: string; done: number; total: number };
      if (m.event === 'job.progress' && p.job === 'demo.energy' && p.code && p.done === p.total) codes.push(p.code);
    });
    const setup = await core.dispatch('setup.initialize', { cooperative: COOP, admin: ADMIN }, null);
    if (!setup.ok) throw new Error(setup.error.message);
    const loaded = await core.dispatch('setup.loadDemo', {}, (setup.value as { token: string }).token);
    expect(loaded.ok, JSON.stringify(loaded)).toBe(true);
    const db = core.database();
    // Generators, sales and the key are there when the wizard returns; meters, readings and flows follow.
    expect((db.prepare(`SELECT count(*) AS n FROM agreements WHERE status = 'active'`).get() as { n: number }).n).toBeGreaterThan(0);
    await until('the demo energy feed to finish', async () => codes.includes('demo.flows'), 150_000);
    const meters = (db.prepare(`SELECT count(*) AS n FROM meters WHERE status = 'provisioned'`).get() as { n: number }).n;
    expect(meters).toBeGreaterThan(60);
    expect((db.prepare(`SELECT count(*) AS n FROM meter_readings`).get() as { n: number }).n).toBe(meters * ((span.toMs - span.fromMs) / 86_400_000) * 96);
    expect((db.prepare(`SELECT count(DISTINCT site_id) AS n FROM energy_site_intervals`).get() as { n: number }).n).toBe(3);
    expect((db.prepare(`SELECT count(*) AS n FROM agreements WHERE status = 'active'`).get() as { n: number }).n).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['demo.generators', 'demo.sales', 'demo.meters', 'demo.readings', 'demo.flows']));
    // From local midnight of the 1st of last month (Nairobi) to local midnight today.
    const readings = db.prepare(`SELECT min(interval_start) AS first, max(interval_start) AS last FROM meter_readings`).get() as { first: string; last: string };
    expect([Date.parse(readings.first), Date.parse(readings.last) + 900_000]).toEqual([span.fromMs, span.toMs]);
    expect(localParts(span.fromMs, COOP.timezone)).toMatchObject({ hour: 0, minute: 0 });
  }, 180_000);

  it('prints its usage with --help (exit 0) and refuses bad input with exit 2, writing nothing', () => {
    const run = (args: string[]) => spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src-main/tools/demo-cli.ts'), ...args], { encoding: 'utf8', env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` } });
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('npm run demo -- --data-dir DIR');
    const dir = join(temp.path, 'refused');
    const bad = run(['--data-dir', dir, '--members', '12']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--members must be a whole number from 60');
    expect(spawnSync('ls', [dir]).status).not.toBe(0);
  }, 120_000);
});
