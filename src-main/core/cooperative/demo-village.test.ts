import { describe, expect, it } from 'vitest';
import { MemberFields } from '../../contract/members.js';
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
});
