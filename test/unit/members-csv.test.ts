import { describe, expect, it } from 'vitest';
import { membersToCsv, parseMembersCsv, CSV_COLUMNS, MAX_IMPORT_ROWS } from '../../src-main/core/members/members-csv.js';
import { readFileSync } from 'node:fs';
import { IMPORT_CELL_ISSUE_CODES, IMPORT_FILE_ISSUE_CODES, type Member } from '../../src-main/contract/members.js';

const SITES: Record<string, number> = { 'kianjege ridge': 1, 'mto mill': 2 };
const siteId = (name: string) => SITES[name.toLowerCase()] ?? null;
const parse = (text: string) => parseMembersCsv(text, siteId, '2026-11-21');
const HEADER = 'member_no,full_name,site,roles,phone,email,village,gps_lat,gps_lon,premises_m2,preferred_energy,notes,joined_on';

describe('members CSV parsing', () => {
  it('maps every column onto the member fields', () => {
    const { rows } = parse(`${HEADER}\nM-1,Wanjiru Kamau,Kianjege Ridge,consumer;prosumer,+254 700 111 222,w@example.org,Kianjege,-0.49,37.1,120,solar;wind,Has a cow,2025-03-01\n`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.issues).toEqual([]);
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

  it('reports each bad cell once, with its line, column, code and an English sentence', () => {
    const text = [
      'member_no,full_name,site,roles',
      'M-1,Good Person,Mto Mill,consumer',
      'M-2,,Nowhere,landlord',
      'M-1,Twin Number,Mto Mill,owner',
    ].join('\n');
    const { rows, fileIssues } = parse(text);
    expect(fileIssues).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows[0]!.issues).toEqual([]);
    expect(rows[1]!.issues.map((i) => [i.line, i.column, i.code, i.params])).toEqual([
      [3, 'full_name', 'required', {}],
      [3, 'site', 'unknown_site', { value: 'Nowhere' }],
      [3, 'roles', 'invalid_choice', { value: 'landlord', allowed: 'consumer, prosumer, owner, third_party, government' }],
    ]);
    expect(rows[1]!.issues[2]!.message).toBe('Line 3, column roles: "landlord" is not an allowed value; use one of consumer, prosumer, owner, third_party, government.');
    expect(rows[2]!.issues).toMatchObject([{ line: 4, column: 'member_no', code: 'duplicate_in_file', params: { value: 'M-1', otherLine: 2 } }]);
    expect(rows[1]!.fields).toBeNull();
  });

  it('turns every kind of bad cell into its own code, one per cell, without raw validator text', () => {
    const row = (cells: string) => parse(`${HEADER}\n${cells}\n`).rows[0]!.issues;
    // An empty member number breaks two rules (required, format): only the first is reported.
    expect(row(',A,Mto Mill,consumer,,,,,,,,,')).toMatchObject([{ column: 'member_no', code: 'required' }]);
    expect(row('M 1,A,Mto Mill,consumer,,,,,,,,,')).toMatchObject([{ column: 'member_no', code: 'bad_format', params: { value: 'M 1', example: 'K-101' } }]);
    expect(row('M-1,A,,consumer,,,,,,,,,')).toMatchObject([{ column: 'site', code: 'required' }]);
    expect(row('M-1,A,Mto Mill,,,,,,,,,,')).toMatchObject([{ column: 'roles', code: 'required' }]);
    expect(row('M-1,A,Mto Mill,owner;owner,,,,,,,,,')).toMatchObject([{ column: 'roles', code: 'listed_twice', params: { value: 'owner' } }]);
    expect(row('M-1,A,Mto Mill,consumer,call me,,,,,,,,')).toMatchObject([{ column: 'phone', code: 'bad_format', params: { value: 'call me' } }]);
    expect(row('M-1,A,Mto Mill,consumer,,not-an-email,,,,,,,')).toMatchObject([{ column: 'email', code: 'bad_format', params: { value: 'not-an-email', example: 'name@example.org' } }]);
    expect(row('M-1,A,Mto Mill,consumer,,,,95,-200,,,,')).toMatchObject([
      { column: 'gps_lat', code: 'out_of_range', params: { value: '95', min: -90, max: 90 } },
      { column: 'gps_lon', code: 'out_of_range', params: { value: '-200', min: -180, max: 180 } },
    ]);
    expect(row('M-1,A,Mto Mill,consumer,,,,,,big,,,')).toMatchObject([{ column: 'premises_m2', code: 'not_a_number', params: { value: 'big', example: '120' } }]);
    expect(row('M-1,A,Mto Mill,consumer,,,,,,12.5,,,')).toMatchObject([{ column: 'premises_m2', code: 'not_whole_number', params: { value: '12.5' } }]);
    expect(row('M-1,A,Mto Mill,consumer,,,,,,-3,,,')).toMatchObject([{ column: 'premises_m2', code: 'out_of_range', params: { min: 0, max: 1_000_000 } }]);
    expect(row('M-1,A,Mto Mill,consumer,,,,,,,sun,,')).toMatchObject([{ column: 'preferred_energy', code: 'invalid_choice', params: { value: 'sun', allowed: 'solar, wind, hydro, biogas, battery' } }]);
    expect(row('M-1,A,Mto Mill,consumer,,,,,,,,,15/03/2025')).toMatchObject([{ column: 'joined_on', code: 'bad_format', params: { value: '15/03/2025', example: '2025-03-15' } }]);
    // The contract's shared text and date rules, said as import issues (no invisible value echoed). A
    // vertical tab is what some spreadsheets write for a line break inside a cell.
    expect(row('M-1,"A\u000bB",Mto Mill,consumer,,,,,,,,,')).toMatchObject([{ column: 'full_name', code: 'control_character', params: {} }]);
    expect(row('M-1,A,Mto Mill,consumer,,,,,,,,"a\u007fb",')).toMatchObject([{ column: 'notes', code: 'control_character' }]);
    expect(row('M-1,A,Mto Mill,consumer,,,,,,,,,2025-02-30')).toMatchObject([{ column: 'joined_on', code: 'bad_format', params: { value: '2025-02-30' } }]);
    expect(row('M-1,A,Mto Mill,consumer,,,,,,,,,2250-01-01')).toMatchObject([{ column: 'joined_on', code: 'out_of_range', params: { value: '2250-01-01', min: 1900, max: 2199 } }]);
    const all = parse(`${HEADER}\n,A,Atlantis,wizard,x,y,,abc,999,1.5,sun,,bad\n`).rows[0]!.issues;
    expect(all.map((i) => i.column)).toEqual(['member_no', 'site', 'roles', 'phone', 'email', 'gps_lat', 'gps_lon', 'premises_m2', 'preferred_energy', 'joined_on']);
    for (const one of all) expect(one.message).not.toMatch(/Invalid|expected|received|<=|>=|Required/);
  });

  it('accepts semicolon-separated files as written by French spreadsheets', () => {
    const { rows } = parse('member_no;full_name;site;roles;gps_lat\nM-9;Jean Dupont;Mto Mill;"consumer|owner";-0,51\n');
    expect(rows[0]!.issues).toEqual([]);
    expect(rows[0]!.fields).toMatchObject({ roles: ['consumer', 'owner'], gpsLat: -0.51 });
  });

  it('refuses a file whose header is wrong, naming the columns on line 1', () => {
    expect(parse('member,name\nM-1,X').fileIssues).toMatchObject([
      { line: 1, column: null, code: 'missing_columns', params: { columns: 'member_no, full_name, site, roles' } },
      { line: 1, code: 'unknown_columns', params: { columns: 'member, name', expected: CSV_COLUMNS.join(', ') } },
    ]);
    expect(parse('member_no,full_name,site,roles,shoe_size\nM-1,A,Mto Mill,consumer\n')).toMatchObject({ rows: [], fileIssues: [{ code: 'unknown_columns', params: { columns: 'shoe_size' } }] });
    expect(parse('member_no,full_name\n').fileIssues).toMatchObject([{ code: 'missing_columns', params: { columns: 'site, roles' } }]);
  });

  it('says on which line a quote is never closed, or misplaced, instead of the parser\'s own text', () => {
    const unclosed = parse(`${HEADER}\nM-1,A,Mto Mill,consumer,,,,,,,,,\nM-2,A,Mto Mill,consumer,,,,,,,,,\nM-3,A,Mto Mill,consumer,,,,,,,,,\nM-4,"Unclosed,Mto Mill,consumer\nM-5,B,Mto Mill,consumer\n`);
    expect(unclosed).toMatchObject({ rows: [], fileIssues: [{ line: 5, column: null, code: 'quote_not_closed', params: {} }] });
    expect(unclosed.fileIssues[0]!.message).toBe('Line 5: a quote (") opens a cell but is never closed; close it or remove it.');
    expect(parse(`${HEADER}\nM-1,"A"B,Mto Mill,consumer\n`).fileIssues).toMatchObject([{ line: 2, code: 'bad_quote' }]);
  });

  it('refuses files that are not CSV, empty, header-only or too long', () => {
    const zip = String.fromCharCode(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00) + '"x"y,\n';
    expect(parse(zip).fileIssues).toMatchObject([{ line: 1, code: 'not_csv' }]);
    expect(parse('\n\n').fileIssues).toMatchObject([{ line: 1, code: 'no_header' }]);
    expect(parse(`${HEADER}\n`).fileIssues).toMatchObject([{ line: 1, code: 'no_rows' }]);
    const many = `member_no,full_name,site,roles\n${'M-1,A,Mto Mill,consumer\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(parse(many)).toMatchObject({ rows: [], fileIssues: [{ code: 'too_many_rows', params: { count: MAX_IMPORT_ROWS + 1, max: MAX_IMPORT_ROWS } }] });
  });

  it('rejects oversized cells through the contract limits', () => {
    const { rows } = parse(`member_no,full_name,site,roles\nM-1,${'x'.repeat(121)},Mto Mill,consumer\n`);
    expect(rows[0]!.issues).toMatchObject([{ line: 2, column: 'full_name', code: 'too_long', params: { length: 121, max: 120 } }]);
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
    expect(back.issues).toEqual([]);
    expect(back.fields).toMatchObject({ fullName: '=HYPERLINK("x")', phone: '+254 711 000 000', roles: ['owner', 'prosumer'], notes: 'line one, "quoted"', gpsLat: -0.5 });
  });

  it('has a translated sentence for every issue code in English and French', () => {
    const codes = [...IMPORT_CELL_ISSUE_CODES, ...IMPORT_FILE_ISSUE_CODES].sort();
    for (const locale of ['en', 'fr']) {
      const members = JSON.parse(readFileSync(new URL(`../../src-renderer/src/i18n/${locale}/members.json`, import.meta.url), 'utf8')) as { import: { issues: Record<string, string> } };
      expect(Object.keys(members.import.issues).sort(), locale).toEqual(codes);
    }
  });
});
