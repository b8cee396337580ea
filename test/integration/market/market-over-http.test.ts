// The market slice over the real HTTP carrier against a real temporary SQLite file: equipment,
// listings → match → draft → propose → both parties sign (LocalOnlyRegistrar) → active → proof pack
// → terminate (audited) → ratings; a P2P sale with four parties; tariffs with their refusals.
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpCarrier, type RunningHttpCarrier } from '../../../src-main/carriers/http/http-carrier.js';
import type { ApiResponse, ChannelName, InputOf } from '../../../src-main/contract/index.js';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { CooperativeRepo } from '../../../src-main/core/cooperative/cooperative-repo.js';
import { buildMarketServices } from '../../../src-main/core/marketplace/market-services.js';
import { ADMIN, COOP, HttpApiClient } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';

let now = new Date('2026-03-02T08:00:00Z');
const clock = { now: () => new Date(now) };
const temp = makeTempDir();
let core: Core;
let carrier: RunningHttpCarrier;
let api: HttpApiClient;
let technician: HttpApiClient;
const ids = { site: 0, owner: 0, host: 0, buyer: 0, grid: 0, gov: 0, equipment: 0, ownerListing: 0, hostListing: 0, agreement: 0, plan: 0 };

const codeOf = (r: ApiResponse<unknown>) => (r.ok ? 'OK' : r.error.code);
const messageOf = (r: ApiResponse<unknown>) => (r.ok ? '' : r.error.message);
const auditActions = async (entity: string, id: number) => (await api.ok('audit.list', { entity, entityId: String(id) })).map((a) => a.action);

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, clock, log: () => {} });
  carrier = await startHttpCarrier({ dispatch: core.dispatch, events: core.events, staticDir: null, port: 0 });
  api = new HttpApiClient(carrier.url);
  technician = new HttpApiClient(carrier.url);
  api.token = (await api.ok('setup.initialize', { cooperative: COOP, admin: ADMIN })).token;
  await api.ok('operators.create', { username: 'tech', displayName: 'Field Tech', role: 'technician', password: 'tech-password-1' });
  technician.token = (await technician.ok('session.login', { username: 'tech', password: 'tech-password-1' })).token;
  ids.site = (await api.ok('sites.create', { name: 'Mto Mill' })).id;
  const member = async (memberNo: string, fullName: string, roles: InputOf<'members.create'>['roles'], gps: [number, number] | null) =>
    (await api.ok('members.create', { memberNo, fullName, siteId: ids.site, roles, joinedOn: '2025-01-01', gpsLat: gps?.[0] ?? null, gpsLon: gps?.[1] ?? null })).id;
  ids.owner = await member('M-0001', 'Otieno Ochieng', ['owner', 'prosumer'], [-3.36, 35.8]);
  ids.host = await member('M-0002', 'Wanjiru Kamau', ['consumer'], [-3.365, 35.8]);
  ids.buyer = await member('M-0003', 'Achieng Odhiambo', ['consumer'], null);
  ids.grid = await member('M-0004', 'Mto Grid Ltd', ['third_party'], null);
  ids.gov = await member('M-0005', 'County Revenue', ['government'], null);
});
afterAll(async () => {
  await carrier.close();
  await core.close();
  temp.remove();
});

describe('equipment', () => {
  it('registers equipment, refuses inconsistent records, and lets a technician read but not write', async () => {
    const solar = await api.ok('equipment.create', { kind: 'solar', ratedPowerW: 3_000, make: 'SunCo', model: 'SC-3', serial: 'SC3-0001', ownerMemberId: ids.owner, siteId: ids.site, commissionedOn: '2026-02-01', meterRefs: ['MTR-17'] });
    ids.equipment = solar.id;
    expect(solar).toMatchObject({ status: 'listed', ownerName: 'Otieno Ochieng', hostMemberId: null, meterRefs: ['MTR-17'], chain: { state: 'unregistered', itemId: null } });
    const battery = await api.call('equipment.create', { kind: 'battery', ratedPowerW: 2_000, ownerMemberId: ids.owner, siteId: ids.site });
    expect(codeOf(battery)).toBe('VALIDATION');
    expect(messageOf(battery)).toMatch(/storageWh: A battery needs its storage capacity in Wh/);
    expect(codeOf(await api.call('equipment.create', { kind: 'solar', ratedPowerW: 1, make: 'sunco', serial: 'sc3-0001', ownerMemberId: ids.owner, siteId: ids.site }))).toBe('CONFLICT');
    expect(codeOf(await api.call('equipment.create', { kind: 'solar', ratedPowerW: -5, ownerMemberId: ids.owner, siteId: ids.site }))).toBe('VALIDATION');
    expect((await technician.ok('equipment.list', { kind: 'solar' })).rows.map((e) => e.serial)).toEqual(['SC3-0001']);
    expect(codeOf(await technician.call('equipment.create', { kind: 'wind', ratedPowerW: 500, ownerMemberId: ids.owner, siteId: ids.site }))).toBe('FORBIDDEN');
    expect(codeOf(await technician.call('agreements.list', {}))).toBe('FORBIDDEN');
  });
});

describe('from listings to an active hosted lease', () => {
  it('lists an owner and a host and suggests the pair with an explained score', async () => {
    ids.ownerListing = (await api.ok('listings.create', { side: 'owner', memberId: ids.owner, title: '3 kW solar to place', offer: 'equipment', equipmentId: ids.equipment, kind: 'solar', capacityW: 3_000, expectedRateMilliPerKwh: 2_500_000 })).id;
    const hostListing = await api.ok('listings.create', { side: 'host', memberId: ids.host, title: 'Tin roof, 40 m²', premisesM2: 40, orientation: 'north', preferredKinds: ['solar'], expectedConsumptionWhPerMonth: 300_000 });
    ids.hostListing = hostListing.id;
    expect(hostListing).toMatchObject({ side: 'host', siteName: 'Mto Mill', status: 'open' });
    expect(codeOf(await api.call('listings.update', { id: ids.hostListing, changes: { capacityW: 5 } }))).toBe('VALIDATION');

    const [best] = await api.ok('matching.suggest', {});
    expect(best).toMatchObject({ ownerListingId: ids.ownerListing, hostListingId: ids.hostListing, ownerName: 'Otieno Ochieng', hostName: 'Wanjiru Kamau' });
    expect(best!.factors.map((f) => f.factor)).toEqual(['kind', 'capacity', 'location', 'rating']);
    expect(best!.score).toBe(best!.factors.reduce((s, f) => s + f.points, 0));
    expect(best!.factors.find((f) => f.factor === 'location')!.reason).toBe('0.6 km apart');
  });

  it('drafts an agreement from the match and revises it as a new version', async () => {
    const draft = await api.ok('matching.draftAgreement', { ownerListingId: ids.ownerListing, hostListingId: ids.hostListing });
    ids.agreement = draft.id;
    expect(draft).toMatchObject({ kind: 'hosted_lease', status: 'draft', version: 1, termsHash: null, equipmentId: ids.equipment, ownerListingId: ids.ownerListing });
    expect(draft.parties.map((p) => [p.role, p.memberName])).toEqual([['owner', 'Otieno Ochieng'], ['host', 'Wanjiru Kamau']]);
    expect(draft.terms).toMatchObject({ energyRateMilliPerKwh: 2_500_000, termYears: 10 });
    if (draft.terms.kind !== 'hosted_lease') throw new Error('expected a hosted lease');
    const revised = await api.ok('agreements.updateTerms', { id: draft.id, terms: { ...draft.terms, termYears: 12, rentShareBps: 1_500, startsOn: '2026-04-01' } });
    expect(revised).toMatchObject({ version: 2, endsOn: '2038-04-01' });
    expect((await api.ok('agreements.get', { id: draft.id })).versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses illegal steps with a clear error and changes nothing', async () => {
    const activate = await api.call('agreements.transition', { id: ids.agreement, action: 'activate' });
    expect(codeOf(activate)).toBe('ILLEGAL_TRANSITION');
    expect(messageOf(activate)).toMatch(/draft cannot be activated\. From draft it can be: proposed, terminated/);
    expect(codeOf(await api.call('agreements.sign', { id: ids.agreement, memberId: ids.owner }))).toBe('ILLEGAL_TRANSITION');
    expect((await api.ok('agreements.get', { id: ids.agreement })).agreement.status).toBe('draft');
  });

  it('proposes: freezes the terms PDF whose SHA-256 is the terms hash, reproducibly, and registers locally (not on chain)', async () => {
    const proposed = await api.ok('agreements.transition', { id: ids.agreement, action: 'propose' });
    expect(proposed.status).toBe('proposed');
    expect(proposed.termsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(proposed.registration).toMatchObject({ registrar: 'local-only', state: 'local_only', blockHash: null });
    const doc = await api.ok('agreements.termsDocument', { id: ids.agreement });
    const pdf = Buffer.from(doc.base64, 'base64');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(proposed.termsHash);
    // Rendering again from the stored data (another service instance, later) gives the same bytes.
    now = new Date(now.getTime() + 60_000);
    const db = core.database();
    const fresh = buildMarketServices({ db, clock, audit: new AuditRepo(db, () => now.toISOString()), cooperative: new CooperativeRepo(db) });
    expect((await fresh.agreements.documents.render(proposed, proposed.version)).sha256).toBe(proposed.termsHash);
    expect(codeOf(await api.call('agreements.updateTerms', { id: ids.agreement, terms: proposed.terms }))).toBe('ILLEGAL_TRANSITION');
  });

  it('records each party once; a second signature by the same party is refused', async () => {
    const afterOwner = await api.ok('agreements.sign', { id: ids.agreement, memberId: ids.owner, passphrase: 'not used by the local registrar' });
    expect(afterOwner.agreement.status).toBe('proposed');
    expect(afterOwner.awaiting).toEqual([ids.host]);
    expect(afterOwner.signatures).toMatchObject([{ memberId: ids.owner, state: 'local_only', registrar: 'local-only', version: 2 }]);
    const twice = await api.call('agreements.sign', { id: ids.agreement, memberId: ids.owner });
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(messageOf(twice)).toMatch(/Otieno Ochieng has already signed version 2/);
    expect(codeOf(await api.call('agreements.sign', { id: ids.agreement, memberId: ids.buyer }))).toBe('VALIDATION');
    expect((await api.ok('agreements.get', { id: ids.agreement })).signatures).toHaveLength(1);

    const afterHost = await api.ok('agreements.sign', { id: ids.agreement, memberId: ids.host });
    expect(afterHost.agreement.status).toBe('signed');
    expect(afterHost.awaiting).toEqual([]);
    expect(afterHost.allowedActions).toEqual(['activate', 'terminate']);
  });

  it('activates: the equipment is leased to the host and the listings are matched', async () => {
    const active = await api.ok('agreements.transition', { id: ids.agreement, action: 'activate' });
    expect(active).toMatchObject({ status: 'active', activatedAt: now.toISOString() });
    expect((await api.ok('equipment.get', { id: ids.equipment })).equipment).toMatchObject({ status: 'leased', hostMemberId: ids.host, hostName: 'Wanjiru Kamau' });
    expect((await api.ok('listings.get', { id: ids.ownerListing })).status).toBe('matched');
    expect(await auditActions('agreement', ids.agreement)).toEqual(['activate', 'all_signed', 'signature', 'sign_requested', 'signature', 'sign_requested', 'registration', 'propose', 'revise', 'create']);
  });

  it('exports a proof pack: PDF, checkable hash, registration fields (null until on chain), signatories', async () => {
    const pack = await api.ok('agreements.proofPack', { id: ids.agreement });
    const files = unzipSync(Buffer.from(pack.base64, 'base64'));
    const [hash, pdfName] = strFromU8(files['terms.sha256']!).trim().split('  ') as [string, string];
    expect(createHash('sha256').update(files[pdfName]!).digest('hex')).toBe(hash);
    const registration = JSON.parse(strFromU8(files['registration.json']!));
    expect(registration).toMatchObject({ agreementId: ids.agreement, termsHash: hash, onChain: false, extrinsicHash: null, blockNumber: null, state: 'local_only' });
    const signatories = JSON.parse(strFromU8(files['signatories.json']!)) as { memberNo: string; signature: { state: string } }[];
    expect(signatories.map((s) => [s.memberNo, s.signature.state])).toEqual([['M-0001', 'local_only'], ['M-0002', 'local_only']]);
  });

  it('terminates only with a reason, audits it, and returns the equipment to its owner', async () => {
    expect(codeOf(await api.call('agreements.transition', { id: ids.agreement, action: 'terminate' }))).toBe('VALIDATION');
    const ratingTooEarly = await api.call('ratings.create', { agreementId: ids.agreement, raterMemberId: ids.owner, rateeMemberId: ids.host, stars: 4 });
    expect(messageOf(ratingTooEarly)).toMatch(/at least 30 days; it has run 0 day/);
    const ended = await api.ok('agreements.transition', { id: ids.agreement, action: 'terminate', reason: 'Roof collapsed in the storm' });
    expect(ended).toMatchObject({ status: 'terminated', endReason: 'Roof collapsed in the storm' });
    const [latest] = await api.ok('audit.list', { entity: 'agreement', entityId: String(ids.agreement) });
    expect(latest).toMatchObject({ action: 'terminate', operator: ADMIN.displayName, summary: 'active → terminated: Roof collapsed in the storm' });
    expect((await api.ok('equipment.get', { id: ids.equipment })).equipment).toMatchObject({ status: 'listed', hostMemberId: null });
    expect(codeOf(await api.call('agreements.transition', { id: ids.agreement, action: 'activate' }))).toBe('ILLEGAL_TRANSITION');
  });

  it('lets each party rate the other once after the agreement ran; the profile shows the average', async () => {
    await api.ok('ratings.create', { agreementId: ids.agreement, raterMemberId: ids.owner, rateeMemberId: ids.host, stars: 4, comment: 'Kept the panels clean' });
    expect(codeOf(await api.call('ratings.create', { agreementId: ids.agreement, raterMemberId: ids.owner, rateeMemberId: ids.host, stars: 5 }))).toBe('CONFLICT');
    expect(codeOf(await api.call('ratings.create', { agreementId: ids.agreement, raterMemberId: ids.buyer, rateeMemberId: ids.host, stars: 1 }))).toBe('VALIDATION');
    expect(codeOf(await api.call('ratings.create', { agreementId: ids.agreement, raterMemberId: ids.host, rateeMemberId: ids.owner, stars: 6 }))).toBe('VALIDATION');
    const profile = await api.ok('ratings.profile', { memberId: ids.host });
    expect(profile).toMatchObject({ rating: { averageCentiStars: 400, count: 1 }, agreementCount: 1 });
    expect(profile.ratings[0]).toMatchObject({ raterName: 'Otieno Ochieng', comment: 'Kept the panels clean' });
  });
});

describe('tariffs', () => {
  const flat = { energy: { mode: 'flat' as const, rateMilliPerKwh: 2_500_000 }, fixedMonthlyMinor: 20_000 };

  it('refuses overlapping windows, negative and absurd rates, naming the field', async () => {
    ids.plan = (await api.ok('tariffs.plans.create', { siteId: ids.site, name: 'Households' })).id;
    const validFrom = '2026-04-01T00:00:00Z';
    const overlap = await api.call('tariffs.versions.create', {
      planId: ids.plan, validFrom,
      definition: { energy: { mode: 'time_of_use', baseRateMilliPerKwh: 2_000_000, windows: [
        { label: 'Morning', weekdays: [0, 1, 2, 3, 4], startHour: 6, endHour: 10, rateMilliPerKwh: 3_000_000 },
        { label: 'Late morning', weekdays: [4], startHour: 9, endHour: 12, rateMilliPerKwh: 2_800_000 },
      ] } },
    });
    expect(codeOf(overlap)).toBe('VALIDATION');
    expect(overlap.ok ? [] : overlap.error.issues).toEqual([{ path: 'definition.energy.windows', message: 'Windows "Morning" and "Late morning" overlap on Fri at 9:00', code: 'custom', reason: 'windowsOverlap', params: { first: 'Morning', second: 'Late morning', weekday: 4, hour: 9 } }]);
    const negative = await api.call('tariffs.versions.create', { planId: ids.plan, validFrom, definition: { energy: { mode: 'flat', rateMilliPerKwh: -1 } } });
    expect(negative.ok ? [] : negative.error.issues).toMatchObject([{ path: 'definition.energy.rateMilliPerKwh', message: 'A rate cannot be negative', code: 'too_small' }]);
    expect(messageOf(await api.call('tariffs.versions.create', { planId: ids.plan, validFrom, definition: { energy: { mode: 'flat', rateMilliPerKwh: 5e12 } } }))).toMatch(/absurdly high/);
    expect((await api.ok('tariffs.plans.get', { id: ids.plan })).versions).toEqual([]);
  });

  it('adds versions without rewriting the past and never edits one in force', async () => {
    const past = await api.call('tariffs.versions.create', { planId: ids.plan, validFrom: '2026-01-01T00:00:00Z', definition: flat });
    expect(codeOf(past)).toBe('CONFLICT');
    expect(messageOf(past)).toMatch(/in the past; a new version never rewrites past periods/);
    expect(codeOf(await api.call('tariffs.versions.create', { planId: ids.plan, validFrom: '2026-01-01T00:00:00Z', definition: flat, allowPast: true }))).toBe('VALIDATION');
    const first = await api.ok('tariffs.versions.create', { planId: ids.plan, validFrom: '2026-01-01T00:00:00Z', definition: flat, allowPast: true, reason: 'Tariff agreed at the January assembly, entered late' });
    expect(first).toMatchObject({ version: 1, state: 'in_force', validFrom: '2026-01-01T00:00:00.000Z' });
    const next = await api.ok('tariffs.versions.create', { planId: ids.plan, validFrom: '2026-05-01T00:00:00Z', definition: { ...flat, fixedMonthlyMinor: 25_000 } });
    expect(next).toMatchObject({ version: 2, state: 'scheduled' });
    expect((await api.ok('tariffs.versions.update', { id: next.id, notes: 'Approved by the board' })).notes).toBe('Approved by the board');
    const edit = await api.call('tariffs.versions.update', { id: first.id, definition: { ...flat, fixedMonthlyMinor: 1 } });
    expect(codeOf(edit)).toBe('CONFLICT');
    expect(messageOf(edit)).toMatch(/in force since 2026-01-01T00:00:00.000Z; it can never be changed/);
    expect((await api.ok('tariffs.inForce', { planId: ids.plan, at: '2026-04-30T23:59:59Z' }))?.version).toBe(1);
    expect((await api.ok('tariffs.inForce', { planId: ids.plan, at: '2026-05-01T00:00:00Z' }))?.version).toBe(2);
    expect((await api.ok('tariffs.plans.list', { siteId: ids.site }))[0]).toMatchObject({ versionCount: 2, inForceVersionId: first.id });
  });

  it('previews prices per hour and the bill of a sample day profile', async () => {
    const preview = await api.ok('tariffs.preview', { source: { definition: flat }, span: 'day', sample: { month: '2026-04', hourlyWh: Array(24).fill(500) } });
    expect(preview.hours).toHaveLength(24);
    // 30 days × 24 h × 500 Wh = 360 kWh × 2,500 minor = 900,000; fixed fee 20,000
    expect(preview.sampleBill).toMatchObject({ energyWh: 360_000, totalMinor: 920_000 });
    expect(preview.sampleBill!.lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(920_000);
  });
});

describe('a P2P sale with a grid fee and tax', () => {
  it('needs all four parties to sign before it is signed', async () => {
    const terms: InputOf<'agreements.create'>['terms'] = {
      kind: 'p2p_sale', sellerMemberId: ids.owner, buyers: { mode: 'members', memberIds: [ids.buyer] },
      priceRule: { mode: 'tariff', tariffPlanId: ids.plan, discountBps: 1_000 },
      gridFee: { operatorMemberId: ids.grid, rateMilliPerKwh: 300_000 }, tax: { governmentMemberId: ids.gov, rateBps: 1_600 },
      startsOn: '2026-04-01', termMonths: 12,
    };
    const selfSale = await api.call('agreements.create', { title: 'Self', terms: { ...terms, buyers: { mode: 'members', memberIds: [ids.owner] } } });
    expect(messageOf(selfSale)).toMatch(/cannot be both seller and buyer/);
    const sale = await api.ok('agreements.create', { title: 'Surplus to Achieng', terms });
    await api.ok('agreements.transition', { id: sale.id, action: 'propose' });
    const signers = [ids.owner, ids.buyer, ids.grid, ids.gov];
    const statuses: string[] = [];
    for (const memberId of signers) statuses.push((await api.ok('agreements.sign', { id: sale.id, memberId })).agreement.status);
    expect(statuses).toEqual(['proposed', 'proposed', 'proposed', 'signed']);
  });
});

describe('bad input over the wire', () => {
  it('refuses unknown enum values and wrong shapes before any handler runs', async () => {
    const calls: [ChannelName, unknown][] = [
      ['equipment.create', { kind: 'nuclear', ratedPowerW: 1, ownerMemberId: ids.owner, siteId: ids.site }],
      ['agreements.transition', { id: ids.agreement, action: 'explode' }],
      ['listings.create', { side: 'middleman', memberId: ids.owner, title: 'x' }],
    ];
    for (const [channel, input] of calls) expect(codeOf((await api.raw(channel, JSON.stringify(input))).json)).toBe('VALIDATION');
  });
});
