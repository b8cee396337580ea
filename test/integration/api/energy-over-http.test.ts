// The energy API over the real HTTP/WS carrier on a real SQLite file: a small site (a solar host and
// two neighbours) with readings written by the direct fixture, recompute with progress events,
// series, KPIs, Sankey, member days, audit, allocation keys (bad CSV cells, bad sums, overlap, the
// past) and source preferences.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { startHttpCarrier, type RunningHttpCarrier } from '../../../src-main/carriers/http/http-carrier.js';
import type { EventMessage } from '../../../src-main/contract/index.js';
import { ADMIN, COOP, HttpApiClient } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { insertEquipment, insertMeter, insertReadings } from '../../support/energy-fixture.js';

const temp = makeTempDir();
const NOW = new Date('2026-04-01T00:00:00Z');
let core: Core;
let carrier: RunningHttpCarrier;
let api: HttpApiClient;
let socket: WebSocket;
const received: EventMessage[] = [];
let siteId = 0;
const ids: number[] = [];
const DAY = Date.parse('2026-03-02T00:00:00Z');

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, log: () => {}, clock: { now: () => NOW } });
  carrier = await startHttpCarrier({ dispatch: core.dispatch, events: core.events, staticDir: null, port: 0 });
  api = new HttpApiClient(carrier.url);
  api.token = (await api.ok('setup.initialize', { cooperative: { ...COOP, timezone: 'UTC' }, admin: ADMIN })).token;
  siteId = (await api.ok('sites.create', { name: 'Mto Mill', village: 'Mto Wa Mbu' })).id;
  for (const [no, name] of [['M-0001', 'Amina Solar'], ['M-0002', 'Baraka'], ['M-0003', 'Chiku']] as const) {
    ids.push((await api.ok('members.create', { memberNo: no, fullName: name, siteId, roles: ['consumer'], phone: '', joinedOn: '2025-02-03', preferredEnergy: [] })).id);
  }
  // Meters and readings straight into SQLite (provisioning and signed ingest have their own tests).
  const db = core.database();
  const [a, b, c] = ids as [number, number, number];
  const solar = insertEquipment(db, siteId, 'solar', a);
  const aConn = insertMeter(db, a, null);
  const aGen = insertMeter(db, a, String(solar));
  const bConn = insertMeter(db, b, null);
  const cConn = insertMeter(db, c, null);
  const rows: [number, number, number, number][] = [];
  for (let q = 0; q < 96; q++) rows.push([aGen, DAY + q * 900_000, 0, 100], [aConn, DAY + q * 900_000, 0, 60], [bConn, DAY + q * 900_000, 50, 0], [cConn, DAY + q * 900_000, 30, 0]);
  insertReadings(db, rows);
  socket = new WebSocket(`${carrier.url.replace('http', 'ws')}api/events?token=${api.token}`);
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as EventMessage));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
});
afterAll(async () => {
  socket?.close();
  await carrier.close();
  await core.close();
  temp.remove();
});

describe('allocation keys: bad input writes nothing', () => {
  it('checks a CSV table cell by cell', async () => {
    const csv = ['interval_start,M-0002,M-0003,M-9999', '2026-03-02T00:00:00Z,0.5,0.4,0', '2026-03-02T00:15:00Z,-0.2,1.2,0', '2026-03-02T00:20:00Z,0.5,0.5,0'].join('\n');
    const preview = await api.ok('energy.keys.previewCsv', { siteId, csv });
    expect(preview.ok).toBe(false);
    expect(preview.issues.map((i) => [i.code, i.params])).toEqual([
      ['unknown_member', { memberNo: 'M-9999' }],
      ['row_sum', { interval: '2026-03-02T00:00:00Z', sum: 0.9, expected: 1, tolerance: 0.00001 }],
      ['negative', { cell: '-0.2' }],
      ['above_one', { cell: '1.2' }],
      ['not_interval_start', { cell: '2026-03-02T00:20:00Z' }],
    ]);
    expect(preview.issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [1, 'M-9999', 'No member has the number M-9999'],
      [2, '', 'The coefficients of 2026-03-02T00:00:00Z sum to 0.9, not 1 (within 0.00001)'],
      [3, 'M-0002', '-0.2 is negative: a coefficient is between 0 and 1'],
      [3, 'M-0003', '1.2 is above 1: a coefficient is between 0 and 1'],
      [4, 'interval_start', '2026-03-02T00:20:00Z is not the start of a 15-minute interval (:00, :15, :30, :45)'],
    ]);
    const refused = await api.call('energy.keys.create', { siteId, validFrom: '2026-04-02T00:00:00Z', definition: { mode: 'custom_table', csv } });
    expect(refused.ok || refused.error.code).toBe('IMPORT_REJECTED');
    // The same 5, plus the two rows that lie before the version would start.
    expect(!refused.ok && refused.error.issues?.length).toBe(7);
    expect(!refused.ok && refused.error.details).toEqual({ reason: 'key_table_rejected', params: { count: 7 } });
    const badSum = await api.call('energy.keys.create', { siteId, validFrom: '2026-04-02T00:00:00Z', definition: { mode: 'fixed', coefficients: [{ memberId: ids[1]!, coefficient: 0.7 }, { memberId: ids[2]!, coefficient: 0.2 }], unused: 'export' } });
    expect(!badSum.ok && [badSum.error.code, badSum.error.issues?.[0]?.message]).toEqual(['VALIDATION', 'The coefficients sum to 0.9, not 1 (within 0.00001)']);
    const negative = await api.call('energy.keys.create', { siteId, validFrom: '2026-04-02T00:00:00Z', definition: { mode: 'fixed', coefficients: [{ memberId: ids[1]!, coefficient: -0.5 }], unused: 'export' } });
    expect(!negative.ok && negative.error.code).toBe('VALIDATION');
    expect(await api.ok('energy.keys.list', { siteId })).toEqual([]);
  });

  it('refuses a version overlapping another', async () => {
    const fixed = { mode: 'fixed' as const, coefficients: [{ memberId: ids[1]!, coefficient: 1 }, { memberId: ids[2]!, coefficient: 0 }], unused: 'export' as const };
    const v1 = await api.ok('energy.keys.create', { siteId, validFrom: '2026-03-02T12:00:00Z', definition: fixed });
    expect([v1.version, v1.mode, v1.coefficients.map((c) => c.ppm)]).toEqual([1, 'fixed', [1_000_000, 0]]);
    const overlap = await api.call('energy.keys.create', { siteId, validFrom: '2026-03-02T06:00:00Z', definition: { mode: 'pro_rata' } });
    expect(!overlap.ok && [overlap.error.code, overlap.error.message]).toEqual(['CONFLICT', 'This key would overlap version 1, which starts 2026-03-02T12:00:00.000Z: a new version must start after the last one.']);
    expect(!overlap.ok && overlap.error.details).toEqual({ reason: 'key_overlaps_version', params: { version: 1, validFrom: '2026-03-02T12:00:00.000Z' } });
    expect((await api.ok('energy.keys.list', { siteId })).length).toBe(1);
  });
});

describe('recompute and the views', () => {
  it('refuses a month that has not begun, and starts none', async () => {
    const future = await api.call('energy.recompute.start', { siteId, month: '2026-05' });
    expect(!future.ok && [future.error.code, future.error.details]).toEqual(['CONFLICT', { reason: 'month_in_future', params: { month: '2026-05' } }]);
    expect((await api.ok('energy.recompute.state', { siteId })).status).toBe('idle');
  });

  it('recomputes the month with progress events', async () => {
    const started = await api.ok('energy.recompute.start', { siteId, month: '2026-03' });
    expect(started.status).toBe('running');
    let state = started;
    for (let i = 0; i < 200 && state.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = await api.ok('energy.recompute.state', { siteId });
    }
    // The first run computes every past interval of the month (most of them empty or estimated).
    expect([state.status, state.intervalsTotal, state.intervalsRecomputed]).toEqual(['succeeded', 31 * 96, 31 * 96]);
    const again = await api.ok('energy.recompute.start', { siteId, month: '2026-03' });
    await core.dispatch('energy.recompute.state', { siteId }, api.token);
    for (let i = 0; i < 200 && (await api.ok('energy.recompute.state', { siteId })).status === 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(again.jobId).not.toBe(started.jobId);
    expect((await api.ok('energy.recompute.state', { siteId })).intervalsRecomputed).toBe(0);
    expect(received.some((m) => m.event === 'energy.recompute' && (m.payload as { status: string }).status === 'succeeded')).toBe(true);
    expect(received.some((m) => m.event === 'energy.changed')).toBe(true);
  });

  it('gives series, KPIs, Sankey and member days that add up', async () => {
    // Morning (pro rata, before the key): B 38 + C 22 per interval; afternoon (fixed key B=1):
    // B gets 50, C 0, and the unused 10 of A's 60 go to the main supply.
    const series = await api.ok('energy.series', { siteId, from: '2026-03-02', to: '2026-03-02', bucket: 'day' });
    expect(series.generationBySource.solar).toEqual([9600]);
    expect([series.selfConsumedWh[0], series.sharedWh[0], series.mainExportWh[0], series.consumptionWh[0]]).toEqual([3840, 48 * 60 + 48 * 50, 48 * 10, 96 * (40 + 50 + 30)]);
    expect(series.mainImportWh[0]).toBe(series.consumptionWh[0]! - series.selfConsumedWh[0]! - series.sharedWh[0]!);
    const kpis = await api.ok('energy.kpis', { siteId, from: '2026-03-02', to: '2026-03-02' });
    expect(kpis.selfConsumptionBp).toBe(Math.round(((3840 + 5280) * 10_000) / 9600));
    const flows = await api.ok('energy.flows', { siteId, from: '2026-03-02', to: '2026-03-02', maxMembers: 12 });
    const link = (from: string, to: string) => flows.links.find((l) => l.from === from && l.to === to)?.wh;
    expect([link('source:solar', 'self'), link('source:solar', 'community'), link('community', 'main_out'), link('community', `member:${ids[1]}`)]).toEqual([3840, 5760, 480, 48 * 38 + 48 * 50]);
    const member = await api.ok('energy.member', { memberId: ids[2]!, from: '2026-03-02', to: '2026-03-02' });
    expect([member.days.length, member.total.poolReceivedBySource.solar, member.total.mainImportWh]).toEqual([1, 48 * 22, 96 * 30 - 48 * 22]);
    // 03-03 has no readings: estimated from 03-02 (one day earlier) and marked as such everywhere.
    const estimatedDay = await api.ok('energy.member', { memberId: ids[1]!, from: '2026-03-03', to: '2026-03-03' });
    expect([estimatedDay.total.mainImportWh + estimatedDay.total.poolReceivedBySource.solar, estimatedDay.total.estimatedWh]).toEqual([96 * 50, 96 * 50]);
    const estimatedFlows = await api.ok('energy.flows', { siteId, from: '2026-03-03', to: '2026-03-03', maxMembers: 12 });
    const intoMembers = estimatedFlows.links.filter((l) => l.to.startsWith('member:'));
    expect(intoMembers.length).toBeGreaterThan(0);
    expect(intoMembers.every((l) => l.estimatedWh === l.wh)).toBe(true);
    const audit = await api.ok('energy.audit', { siteId, from: '2026-03-01', to: '2026-03-31' });
    expect([audit.ok, audit.intervalsChecked]).toEqual([true, 31 * 96]);
  });

  it('gives every bucket of the period, empty ones as gaps, and counts only ended intervals as missing', async () => {
    // Flows exist for March (recomputed above); February was never computed; now is 2026-04-01T00:00Z.
    const days = await api.ok('energy.series', { siteId, from: '2026-02-27', to: '2026-03-02', bucket: 'day' });
    expect(days.starts).toEqual(['2026-02-27T00:00:00.000Z', '2026-02-28T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z']);
    expect(days.computedPerBucket).toEqual([0, 0, 96, 96]);
    expect(days.consumptionWh.slice(0, 2)).toEqual([0, 0]);
    expect([days.intervalsComputed, days.intervalsMissing]).toEqual([192, 192]);
    // Days still to come are not missing data.
    const future = await api.ok('energy.series', { siteId, from: '2026-03-31', to: '2026-04-03', bucket: 'day' });
    expect([future.starts.length, future.computedPerBucket, future.intervalsMissing]).toEqual([4, [96, 0, 0, 0], 0]);
    const weeks = await api.ok('energy.series', { siteId, from: '2026-02-25', to: '2026-03-15', bucket: 'week' });
    expect(weeks.starts).toEqual(['2026-02-25T00:00:00.000Z', '2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z']);
    expect(weeks.computedPerBucket).toEqual([96, 7 * 96, 7 * 96]);
    const months = await api.ok('energy.series', { siteId, from: '2026-02-15', to: '2026-04-10', bucket: 'month' });
    expect(months.starts).toEqual(['2026-02-15T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(months.computedPerBucket).toEqual([0, 31 * 96, 0]);
    expect(months.intervalsMissing).toBe(14 * 96);
    const intervals = await api.ok('energy.series', { siteId, from: '2026-04-01', to: '2026-04-01', bucket: 'interval' });
    expect([intervals.starts.length, intervals.starts[95], intervals.intervalsMissing]).toEqual([96, '2026-04-01T23:45:00.000Z', 0]);
  });

  it('previews a key over the last week and refuses a key that would rewrite computed flows', async () => {
    const preview = await api.ok('energy.keys.previewAllocation', { siteId, definition: { mode: 'pro_rata' }, weekEnding: '2026-03-02' });
    expect(preview.poolWh).toBe(96 * 60);
    expect(preview.rows.find((r) => r.memberId === ids[2])?.proposedWh).toBe(96 * 22);
    const past = await api.call('energy.keys.create', { siteId, validFrom: '2026-03-20T00:00:00Z', definition: { mode: 'pro_rata' } });
    expect(!past.ok && past.error.code).toBe('CONFLICT');
    expect(!past.ok && past.error.details).toEqual({ reason: 'key_rewrites_flows', params: { computedUntil: '2026-03-31T23:45:00.000Z', startFrom: '2026-04-01T00:00:00.000Z' } });
  });

  it('stores a source preference from the next interval on', async () => {
    const pref = await api.ok('energy.preferences.set', { memberId: ids[1]!, order: ['wind', 'solar'] });
    expect([pref.order, pref.validFrom]).toEqual([['wind', 'solar'], '2026-04-01T00:15:00.000Z']);
    const bad = await api.call('energy.preferences.set', { memberId: ids[1]!, order: ['wind', 'wind'] });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
  });
});
