// Numbers the console refuses in the core, not only in a form: a negative price, a negative power,
// a latitude beyond the pole. Each answer is a VALIDATION error whose issues carry the code and
// values the renderer says in the operator's language, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { startHttpCarrier, type RunningHttpCarrier } from '../../../src-main/carriers/http/http-carrier.js';
import { ADMIN, COOP, HttpApiClient } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';

const temp = makeTempDir();
let core: Core;
let carrier: RunningHttpCarrier;
let api: HttpApiClient;
let siteId = 0;
let memberId = 0;
let planId = 0;

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, log: () => {} });
  carrier = await startHttpCarrier({ dispatch: core.dispatch, events: core.events, staticDir: null, port: 0 });
  api = new HttpApiClient(carrier.url);
  api.token = (await api.ok('setup.initialize', { cooperative: COOP, admin: ADMIN })).token;
  siteId = (await api.ok('sites.create', { name: 'Soko Square' })).id;
  memberId = (await api.ok('members.create', { memberNo: 'K-1', fullName: 'Amina Otieno', siteId, roles: ['owner'], joinedOn: '2025-01-01' })).id;
  planId = (await api.ok('tariffs.plans.create', { siteId, name: 'Village standard' })).id;
});
afterAll(async () => {
  await carrier.close();
  await core.close();
  temp.remove();
});

const versions = async () => (await api.ok('tariffs.plans.get', { id: planId })).versions.length;

describe('numbers refused by the core over HTTP', () => {
  it('refuses a negative tariff rate (a free tariff is never saved) and names the field', async () => {
    const response = await api.call('tariffs.versions.create', { planId, validFrom: '2027-01-01T00:00:00Z', definition: { energy: { mode: 'flat', rateMilliPerKwh: -5_000_000 } } });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('VALIDATION');
    expect(response.error.issues).toEqual([
      { path: 'definition.energy.rateMilliPerKwh', message: 'A rate cannot be negative', code: 'too_small', params: { minimum: 0, inclusive: true, origin: 'number' } },
    ]);
    expect(await versions()).toBe(0);
  });

  it('refuses a negative fixed fee and grid fee in the same answer', async () => {
    const response = await api.call('tariffs.versions.create', { planId, validFrom: '2027-01-01T00:00:00Z', definition: { energy: { mode: 'flat', rateMilliPerKwh: 2_000_000 }, fixedMonthlyMinor: -100, gridFeeMilliPerKwh: -1 } });
    expect(response.ok ? [] : response.error.issues?.map((i) => [i.path, i.code])).toEqual([
      ['definition.fixedMonthlyMinor', 'too_small'],
      ['definition.gridFeeMilliPerKwh', 'too_small'],
    ]);
    expect(await versions()).toBe(0);
  });

  it('refuses a negative rated power and a latitude beyond the pole', async () => {
    const equipment = await api.call('equipment.create', { kind: 'solar', ratedPowerW: -3000, ownerMemberId: memberId, hostMemberId: null, siteId, make: '', model: '', serial: '', commissionedOn: null, status: 'listed', meterRefs: null, notes: '' });
    expect(equipment.ok ? null : equipment.error.issues?.[0]).toMatchObject({ path: 'ratedPowerW', code: 'too_small', params: { minimum: 1 } });
    const member = await api.call('members.update', { id: memberId, changes: { gpsLat: 123.5 } });
    expect(member.ok ? null : member.error.issues?.[0]).toMatchObject({ path: 'changes.gpsLat', code: 'too_big', params: { maximum: 90 } });
    expect((await api.ok('members.get', { id: memberId })).member.gpsLat).toBeNull();
  });

  it('hands a rule\'s reason and values, and says a missing value is missing', async () => {
    const windows = [
      { label: 'Peak', weekdays: [0], startHour: 18, endHour: 22, rateMilliPerKwh: 3_000_000 },
      { label: 'Late', weekdays: [0], startHour: 21, endHour: 23, rateMilliPerKwh: 2_000_000 },
    ];
    const overlap = await api.call('tariffs.preview', { source: { definition: { energy: { mode: 'time_of_use', baseRateMilliPerKwh: 1_000_000, windows } } } });
    expect(overlap.ok ? null : overlap.error.issues?.[0]).toMatchObject({ code: 'custom', reason: 'windowsOverlap', params: { first: 'Peak', second: 'Late', weekday: 0, hour: 21 } });
    const missing = await api.call('tariffs.versions.create', { planId, validFrom: '2027-01-01T00:00:00Z', definition: { energy: { mode: 'flat' } as never } });
    expect(missing.ok ? null : missing.error.issues?.[0]).toMatchObject({ path: 'definition.energy.rateMilliPerKwh', code: 'invalid_type', params: { expected: 'number', missing: true } });
  });
});
