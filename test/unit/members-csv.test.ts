import { describe, expect, it } from 'vitest';
import { membersToCsv, parseMembersCsv, CSV_COLUMNS } from '../../src-main/core/members/members-csv.js';
import { CoreError } from '../../src-main/core/api/core-error.js';
import type { Member } from '../../src-main/contract/members.js';

const SITES: Record<string, number> = { 'kianjege ridge': 1, 'mto mill': 2 };
const siteId = (name: string) => SITES[name.toLowerCase()] ?? null;
const parse = (text: string) => parseMembersCsv(text, siteId, '2026-11-21');
const HEADER = 'member_no,full_name,site,roles,phone,email,village,gps_lat,gps_lon,premises_m2,preferred_energy,notes,joined_on';

describe('members CSV parsing', () => {
  it('maps every column onto the member fields', () => {
    const { rows } = parse(`${HEADER}\nM-1,Wanjiru Kamau,Kianjege Ridge,consumer;prosumer,+254 700 111 222,w@example.org,Kianjege,-0.49,37.1,120,solar;wind,Has a cow,2025-03-01\n`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.errors).toEqual([]);
    expect(rows[0]!.fields).toMatchObject({
      memberNo: 'M-1',
      fullName: 'Wanjiru Kamau',
      siteId: 1,
      roles: ['consumer', 'prosumer'],
      gpsLat: -0.49,
      gpsLon: 37.1,
      premisesM2: 120,
      preferredEnergy: ['solar', 'wind'],
      joinedOn: '2025-03-01',
    });
  });

  it('reports each bad cell with its line and column, and leaves good rows valid', () => {
    const text = [
      'member_no,full_name,site,roles',
      'M-1,Good Person,Mto Mill,consumer',
      'M-2,,Nowhere,landlord',
      'M-1,Twin Number,Mto Mill,owner',
    ].join('\n');
    const { rows } = parse(text);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows[0]!.errors).toEqual([]);
    expect(rows[1]!.errors.join(' | ')).toMatch(/site: no site named "Nowhere"/);
    expect(rows[1]!.errors.join(' | ')).toMatch(/full_name: Required/);
    expect(rows[1]!.errors.join(' | ')).toMatch(/roles/);
    expect(rows[2]!.errors).toEqual(['member_no M-1 is also on line 2']);
  });

  it('accepts semicolon-separated files as written by French spreadsheets', () => {
    const { rows } = parse('member_no;full_name;site;roles;gps_lat\nM-9;Jean Dupont;Mto Mill;"consumer|owner";-0,51\n');
    expect(rows[0]!.errors).toEqual([]);
    expect(rows[0]!.fields).toMatchObject({ roles: ['consumer', 'owner'], gpsLat: -0.51 });
  });

  it('refuses a file whose header is wrong, naming the columns', () => {
    expect(() => parse('member,name\nM-1,X')).toThrow(CoreError);
    expect(() => parse('member_no,full_name,site,roles,shoe_size\n')).toThrow(/unknown column\(s\): shoe_size/);
    expect(() => parse('member_no,full_name\n')).toThrow(/missing column\(s\): site, roles/);
  });

  it('refuses text that is not CSV (unclosed quote) with a readable reason', () => {
    expect(() => parse(`${HEADER}\nM-1,"Unclosed,Mto Mill,consumer\n`)).toThrow(/not readable as CSV/);
  });

  it('rejects oversized cells through the contract limits', () => {
    const { rows } = parse(`member_no,full_name,site,roles\nM-1,${'x'.repeat(121)},Mto Mill,consumer\n`);
    expect(rows[0]!.errors).toEqual(['full_name: At most 120 characters']);
  });

  it('round-trips an export, guarding cells a spreadsheet would run as formulas', () => {
    const member: Member = {
      id: 1, memberNo: 'M-7', fullName: '=HYPERLINK("x")', siteId: 2, siteName: 'Mto Mill', roles: ['owner', 'prosumer'],
      phone: '+254 711 000 000', email: '', village: 'Mto', gpsLat: -0.5, gpsLon: 37.12, premisesM2: 80,
      preferredEnergy: ['hydro'], notes: 'line one, "quoted"', active: true, deactivatedReason: '', joinedOn: '2024-01-02',
      createdAt: '', updatedAt: '',
    };
    const csv = membersToCsv([member]);
    expect(csv.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const back = parse(csv).rows[0]!;
    expect(back.errors).toEqual([]);
    expect(back.fields).toMatchObject({ fullName: '=HYPERLINK("x")', phone: '+254 711 000 000', roles: ['owner', 'prosumer'], notes: 'line one, "quoted"', gpsLat: -0.5 });
  });
});
