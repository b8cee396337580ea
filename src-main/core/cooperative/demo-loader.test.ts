// The demo loader against a real (in-memory) database: everything goes through the services, the
// market areas are not empty, tariffs are in force today, agreements stay drafts, and it is fast.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EquipmentListQuery } from '../../contract/equipment.js';
import { ListingListQuery } from '../../contract/market.js';
import { JOB_PROGRESS_CODES, type ApiEvents } from '../../contract/events.js';
import type { OperatorPublic } from '../../contract/session.js';
import { EventBus } from '../api/event-bus.js';
import { AuditRepo } from '../audit/audit-repo.js';
import { AuthService } from '../auth/auth-service.js';
import { SessionStore } from '../auth/sessions.js';
import { openDatabase, type Database } from '../db/connection.js';
import { buildMarketServices, type MarketServices } from '../marketplace/market-services.js';
import { MembersRepo } from '../members/members-repo.js';
import { SitesRepo } from '../members/sites-repo.js';
import type { Clock } from '../platform/clock.js';
import { CooperativeRepo } from './cooperative-repo.js';
import { loadDemoVillage, localMonthStart } from './demo-loader.js';

const clock: Clock = { now: () => new Date('2026-11-21T12:00:00Z') };

describe('loading the demo village', () => {
  let db: Database;
  let admin: OperatorPublic;
  let market: MarketServices;
  let progress: ApiEvents['job.progress'][];
  let load: () => ReturnType<typeof loadDemoVillage>;

  beforeEach(async () => {
    db = openDatabase({ file: ':memory:' });
    const audit = new AuditRepo(db, () => clock.now().toISOString());
    const cooperative = new CooperativeRepo(db);
    const auth = new AuthService({ db, clock, sessions: new SessionStore(db, clock), audit, cooperative });
    admin = (await auth.initialize({ cooperative: { name: 'Demo', currency: 'KES', timezone: 'Africa/Nairobi', locale: 'en' }, admin: { username: 'admin', displayName: 'Admin', password: 'correct horse battery' } })).operator;
    market = buildMarketServices({ db, clock, audit, cooperative });
    const events = new EventBus();
    progress = [];
    events.subscribe((message) => {
      if (message.event === 'job.progress') progress.push(message.payload as ApiEvents['job.progress']);
    });
    load = () => loadDemoVillage({ db, clock, audit, events, members: new MembersRepo(db), sites: new SitesRepo(db), market }, admin);
  });
  afterEach(() => db.close());

  it('fills equipment, listings, in-force tariffs and draft agreements, all referring to demo members and sites', () => {
    const started = performance.now();
    expect(load()).toEqual({ sites: 3, members: 60 });
    expect(performance.now() - started).toBeLessThan(1000);

    const equipment = market.equipment.list(EquipmentListQuery.parse({})).rows;
    expect(equipment.length).toBeGreaterThanOrEqual(6);
    expect(new Set(equipment.map((e) => e.kind))).toEqual(new Set(['solar', 'wind', 'hydro', 'biogas', 'battery']));
    expect(new Set(equipment.map((e) => e.siteId)).size).toBe(3);
    const roleOf = db.prepare(`SELECT group_concat(role) AS roles, m.site_id AS siteId FROM members m JOIN member_roles r ON r.member_id = m.id WHERE m.id = ? GROUP BY m.id`);
    for (const item of equipment) {
      const owner = roleOf.get(item.ownerMemberId) as { roles: string; siteId: number };
      expect(owner.roles).toMatch(/owner|prosumer/);
      expect(owner.siteId).toBe(item.siteId);
      expect(item.make).not.toBe('');
      expect(item.serial).not.toBe('');
    }
    expect(new Set(equipment.map((e) => e.serial)).size).toBe(equipment.length);

    const listings = market.marketplace.list(ListingListQuery.parse({})).rows;
    expect(new Set(listings.map((l) => l.side))).toEqual(new Set(['owner', 'host']));

    const plans = market.tariffs.listPlans(null);
    expect(new Set(plans.map((p) => p.siteId)).size).toBe(3);
    expect(plans).toHaveLength(3);
    for (const plan of plans) expect(plan.inForceVersionId).not.toBeNull();
    const modes = plans.map((p) => market.tariffs.inForce(p.id, clock.now().toISOString())?.definition.energy.mode);
    expect(modes.sort()).toEqual(['flat', 'flat', 'time_of_use']);
    // KES prices: tens of shillings per kWh, not a euro price mislabelled.
    const flat = market.tariffs.inForce(plans[0]!.id, clock.now().toISOString())!.definition.energy;
    expect(flat.mode === 'flat' && flat.rateMilliPerKwh).toBeGreaterThan(1_000_000);

    const agreements = db.prepare('SELECT status FROM agreements').all() as { status: string }[];
    expect(agreements.length).toBeGreaterThanOrEqual(1);
    for (const a of agreements) expect(a.status).toBe('draft');
    expect(db.prepare('SELECT count(*) AS n FROM chain_outbox').get()).toEqual({ n: 0 });

    const audited = db.prepare(`SELECT entity, count(*) AS n FROM audit_log GROUP BY entity`).all() as { entity: string; n: number }[];
    const byEntity = Object.fromEntries(audited.map((row) => [row.entity, row.n]));
    expect(byEntity.equipment).toBe(equipment.length);
    expect(byEntity.listing).toBe(listings.length);
    expect(byEntity.agreement).toBe(agreements.length);
  });

  it('sends a translatable code with every progress step and ends at the total', () => {
    load();
    expect(progress.length).toBeGreaterThan(4);
    for (const step of progress) {
      expect(JOB_PROGRESS_CODES).toContain(step.code);
      expect(step.label).not.toBe('');
    }
    const last = progress.at(-1)!;
    expect(last.code).toBe('demo.ready');
    expect(last.done).toBe(last.total);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('writes nothing when any part fails (one transaction)', () => {
    db.prepare(`INSERT INTO sites (name, village, description, created_at) VALUES ('Mto Mill', 'x', '', '2026-01-01T00:00:00.000Z')`).run();
    const siteId = (db.prepare(`SELECT id FROM sites WHERE name = 'Mto Mill'`).get() as { id: number }).id;
    // A plan with the demo's name already at that site makes the tariff step refuse, after members and equipment were written.
    db.prepare(`INSERT INTO tariff_plans (site_id, name, description, created_at) VALUES (?, 'Mill time-of-use', '', '2026-01-01T00:00:00.000Z')`).run(siteId);
    expect(() => load()).toThrow(/already has a tariff plan/);
    expect(db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM equipment').get()).toEqual({ n: 0 });
  });

  it('refuses a second load', () => {
    load();
    expect(() => load()).toThrow(/no members yet/);
  });
});

describe('the start of the local month', () => {
  it('is local midnight on the 1st in the cooperative time zone', () => {
    expect(localMonthStart(new Date('2026-11-21T12:00:00Z'), 'Africa/Nairobi')).toBe('2026-10-31T21:00:00.000Z');
    expect(localMonthStart(new Date('2026-11-21T12:00:00Z'), 'UTC')).toBe('2026-11-01T00:00:00.000Z');
    expect(localMonthStart(new Date('2026-11-21T12:00:00Z'), 'America/Guatemala')).toBe('2026-11-01T06:00:00.000Z');
    // Just after local midnight on the 1st in Nairobi it is still the 31st in UTC.
    expect(localMonthStart(new Date('2026-11-30T22:30:00Z'), 'Africa/Nairobi')).toBe('2026-11-30T21:00:00.000Z');
  });
});
