import { describe, expect, it } from 'vitest';
import { MemberFields } from '../../contract/members.js';
import { demoMarket, euroToCurrency } from './demo-market.js';
import { DEMO_SITES, demoMembers } from './demo-village.js';

const today = new Date('2026-11-21T12:00:00Z');

describe('demo village', () => {
  const members = demoMembers(today);

  it('is the same village on every machine', () => {
    expect(demoMembers(today)).toEqual(members);
  });

  it('has 60 distinct members that pass the same validation as typed-in ones', () => {
    expect(members).toHaveLength(60);
    expect(new Set(members.map((m) => m.fields.fullName)).size).toBe(60);
    expect(new Set(members.map((m) => m.fields.memberNo)).size).toBe(60);
    for (const m of members) expect(MemberFields.safeParse({ ...m.fields, siteId: 1 }).success).toBe(true);
  });

  it('spreads members over every site and role, joined over the last 30 months', () => {
    expect(new Set(members.map((m) => m.siteIndex))).toEqual(new Set(DEMO_SITES.map((_, i) => i)));
    const roles = new Set(members.flatMap((m) => m.fields.roles));
    expect(roles).toEqual(new Set(['consumer', 'prosumer', 'owner', 'third_party', 'government']));
    const joined = members.map((m) => m.fields.joinedOn).sort();
    expect(joined[0]! >= '2024-05-01').toBe(true);
    expect(joined.at(-1)! <= '2026-11-21').toBe(true);
    expect(new Set(joined.map((d) => d.slice(0, 7))).size).toBeGreaterThan(12);
  });

  describe('its equipment, listings, tariffs and agreements', () => {
    const market = demoMarket(members, today);
    const member = (index: number) => {
      const found = members[index];
      if (!found) throw new Error(`No demo member ${index}`);
      return found;
    };

    it('are the same on every machine', () => {
      expect(demoMarket(demoMembers(today), today)).toEqual(market);
    });

    it('has equipment of several kinds, owned by owners or prosumers at the equipment site', () => {
      expect(market.equipment.length).toBeGreaterThanOrEqual(6);
      expect(new Set(market.equipment.map((e) => e.kind))).toEqual(new Set(['solar', 'wind', 'hydro', 'biogas', 'battery']));
      expect(new Set(market.equipment.map((e) => e.siteIndex))).toEqual(new Set(DEMO_SITES.map((_, i) => i)));
      expect(new Set(market.equipment.map((e) => e.serial)).size).toBe(market.equipment.length);
      for (const item of market.equipment) {
        const owner = member(item.ownerIndex);
        expect(owner.siteIndex).toBe(item.siteIndex);
        expect(owner.fields.roles.some((r) => r === 'owner' || r === 'prosumer')).toBe(true);
        expect(item.storageWh !== null).toBe(item.kind === 'battery');
      }
    });

    it('lists, tariffs and drafts only refer to demo members, sites and equipment', () => {
      const keys = new Set(market.equipment.map((e) => e.key));
      expect(new Set(market.listings.map((l) => l.side))).toEqual(new Set(['owner', 'host']));
      for (const listing of market.listings) {
        member(listing.memberIndex);
        if (listing.side === 'owner' && listing.offer === 'equipment') {
          expect(keys.has(listing.equipmentKey)).toBe(true);
          expect(market.equipment.find((e) => e.key === listing.equipmentKey)?.ownerIndex).toBe(listing.memberIndex);
        }
      }
      expect(market.tariffs.map((t) => t.siteIndex).sort()).toEqual(DEMO_SITES.map((_, i) => i));
      expect(market.tariffs.map((t) => t.definition.energy.mode)).toContain('time_of_use');
      expect(market.agreements.length).toBeGreaterThanOrEqual(1);
      for (const agreement of market.agreements) {
        if (agreement.kind === 'hosted_lease') {
          expect(market.equipment.find((e) => e.key === agreement.equipmentKey)?.ownerIndex).toBe(agreement.ownerIndex);
          expect(member(agreement.hostIndex).siteIndex).toBe(member(agreement.ownerIndex).siteIndex);
          expect(agreement.hostIndex).not.toBe(agreement.ownerIndex);
        } else {
          expect(member(agreement.sellerIndex).siteIndex).toBe(agreement.tariffSiteIndex);
        }
      }
    });

    it('converts euro prices to the cooperative currency with its own minor units', () => {
      expect(euroToCurrency(22_000, 'EUR')).toBe(22_000);
      expect(euroToCurrency(22_000, 'KES')).toBe(3_100_000); // 30.80 KES/kWh, two significant digits
      expect(euroToCurrency(22_000, 'XOF')).toBe(140_000); // no minor unit: 144 francs/kWh → 140
    });
  });
});
