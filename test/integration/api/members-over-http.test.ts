// The API over the real HTTP/WS carrier against a real temporary SQLite file: the members slice
// from setup to export, and the push events a renderer would receive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { startHttpCarrier, type RunningHttpCarrier } from '../../../src-main/carriers/http/http-carrier.js';
import type { EventMessage } from '../../../src-main/contract/index.js';
import { ADMIN, COOP, HttpApiClient } from '../../support/api-client.js';
import { makeTempDir } from '../../support/temp-dir.js';

const temp = makeTempDir();
let core: Core;
let carrier: RunningHttpCarrier;
let api: HttpApiClient;
let siteId = 0;
const received: EventMessage[] = [];
let socket: WebSocket;

beforeAll(async () => {
  core = createCore({ dataDir: temp.path, log: () => {} });
  carrier = await startHttpCarrier({ dispatch: core.dispatch, events: core.events, staticDir: null, port: 0 });
  api = new HttpApiClient(carrier.url);
});
afterAll(async () => {
  socket?.close();
  await carrier.close();
  await core.close();
  temp.remove();
});

const HEADER = 'member_no,full_name,site,roles,phone,joined_on';

describe('members over the HTTP/WS carrier', () => {
  it('runs first-run setup and signs the admin in', async () => {
    expect((await api.ok('setup.status', {})).needsSetup).toBe(true);
    const session = await api.ok('setup.initialize', { cooperative: COOP, admin: ADMIN });
    expect(session.operator).toEqual({ id: 1, username: 'admin', displayName: ADMIN.displayName, role: 'admin' });
    api.token = session.token;
    expect((await api.ok('setup.status', {})).cooperative?.name).toBe(COOP.name);
  });

  it('opens the event stream only with a valid session', async () => {
    const refused = new WebSocket(`${carrier.url.replace('http', 'ws')}api/events?token=nope`);
    const refusal = await new Promise<string>((resolve) => {
      refused.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      refused.on('open', () => resolve('opened'));
      refused.on('error', () => resolve('error'));
    });
    expect(refusal).toBe('401');
    socket = new WebSocket(`${carrier.url.replace('http', 'ws')}api/events?token=${api.token}`);
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as EventMessage));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
  });

  it('creates, finds, edits and deactivates a member, with history', async () => {
    siteId = (await api.ok('sites.create', { name: 'Mto Mill', village: 'Mto Wa Mbu' })).id;
    const created = await api.ok('members.create', { memberNo: 'M-0001', fullName: 'Wanjiru Kamau', siteId, roles: ['prosumer', 'consumer'], phone: '+254 700 000 001', joinedOn: '2025-02-03', preferredEnergy: ['solar'] });
    expect(created).toMatchObject({ siteName: 'Mto Mill', roles: ['consumer', 'prosumer'], active: true });
    await api.ok('members.create', { memberNo: 'M-0002', fullName: 'Otieno Ochieng', siteId, roles: ['owner'], joinedOn: '2025-04-05' });
    const duplicate = await api.call('members.create', { memberNo: 'm-0001', fullName: 'Someone Else', siteId, roles: ['consumer'], joinedOn: '2025-04-05' });
    expect(duplicate.ok ? 'OK' : duplicate.error.code).toBe('CONFLICT');

    expect((await api.ok('members.list', { search: 'wanj' })).rows.map((m) => m.memberNo)).toEqual(['M-0001']);
    expect((await api.ok('members.list', { role: 'owner' })).rows.map((m) => m.memberNo)).toEqual(['M-0002']);
    expect((await api.ok('members.list', { sort: 'fullName', order: 'desc' })).rows.map((m) => m.fullName)).toEqual(['Wanjiru Kamau', 'Otieno Ochieng']);
    expect((await api.ok('members.list', { search: '100%_' })).total).toBe(0);

    const edited = await api.ok('members.update', { id: created.id, changes: { village: 'Upper Mto', premisesM2: 140 } });
    expect(edited).toMatchObject({ village: 'Upper Mto', premisesM2: 140, fullName: 'Wanjiru Kamau' });
    const noReason = await api.call('members.setActive', { id: created.id, active: false });
    expect(noReason.ok ? 'OK' : noReason.error.code).toBe('VALIDATION');
    await api.ok('members.setActive', { id: created.id, active: false, reason: 'Moved to the city' });
    expect((await api.ok('members.list', {})).total).toBe(1);
    expect((await api.ok('members.list', { status: 'inactive' })).rows[0]).toMatchObject({ memberNo: 'M-0001', deactivatedReason: 'Moved to the city' });

    const detail = await api.ok('members.get', { id: created.id });
    expect(detail.history.map((h) => h.action)).toEqual(['deactivate', 'update', 'create']);
    expect(detail.history[0]!.operator).toBe(ADMIN.displayName);
    expect(detail.history[1]!.summary).toBe('Changed village, premisesM2');
  });

  it('refuses an import with a bad row as a whole, then imports the fixed file', async () => {
    const before = (await api.ok('members.list', { status: 'all' })).total;
    const bad = `${HEADER}\nM-0100,Achieng Odhiambo,Mto Mill,consumer,,2025-06-01\nM-0101,Kamau Njoroge,Atlantis,consumer,,2025-06-02\nM-0102,Njeri Maina,Mto Mill,prosumer,+254 711 222 333,2025-06-03\n`;
    const preview = await api.ok('members.importPreview', { csv: bad });
    expect(preview).toMatchObject({ validCount: 2, invalidCount: 1 });
    expect(preview.fileIssues).toEqual([]);
    expect(preview.rows.find((r) => r.issues.length)).toMatchObject({ line: 3, memberNo: 'M-0101', issues: [{ line: 3, column: 'site', code: 'unknown_site', params: { value: 'Atlantis' } }] });
    const refused = await api.call('members.importCommit', { csv: bad });
    expect(refused.ok ? 'OK' : refused.error.code).toBe('IMPORT_REJECTED');
    expect(refused.ok ? '' : refused.error.message).toMatch(/Line 3, column site: there is no site named "Atlantis".*Nothing was imported/);
    expect((await api.ok('members.list', { status: 'all' })).total).toBe(before);

    const fixed = bad.replace('Atlantis', 'Mto Mill');
    expect(await api.ok('members.importCommit', { csv: fixed })).toEqual({ created: 3, skipped: 0 });
    expect((await api.ok('members.list', { status: 'all' })).total).toBe(before + 3);
    const imported = (await api.ok('members.list', { search: 'M-0102' })).rows[0]!;
    expect((await api.ok('members.get', { id: imported.id })).history.map((h) => h.summary)).toEqual(['Imported from CSV line 4']);
    // Importing the same file again: every row is now a duplicate; valid-only imports nothing.
    const again = await api.ok('members.importPreview', { csv: fixed });
    expect(again.rows.map((r) => r.issues.map((i) => `${i.line}:${i.column}:${i.code}`))).toEqual([['2:member_no:already_registered'], ['3:member_no:already_registered'], ['4:member_no:already_registered']]);
    expect(await api.ok('members.importCommit', { csv: fixed, mode: 'valid-only' })).toEqual({ created: 0, skipped: 3 });
  });

  it('reports a file it cannot read as a coded file issue, and refuses to import it', async () => {
    const before = (await api.ok('members.list', { status: 'all' })).total;
    const unclosed = `${HEADER}\nM-0300,"Unclosed,Mto Mill,consumer,,2025-06-01\nM-0301,Other,Mto Mill,consumer,,2025-06-01\n`;
    const preview = await api.ok('members.importPreview', { csv: unclosed });
    expect(preview).toMatchObject({ rows: [], validCount: 0, invalidCount: 0, fileIssues: [{ line: 2, column: null, code: 'quote_not_closed' }] });
    for (const mode of ['all-or-nothing', 'valid-only'] as const) {
      const refused = await api.call('members.importCommit', { csv: unclosed, mode });
      expect(refused.ok ? 'OK' : refused.error.code).toBe('IMPORT_REJECTED');
      expect(refused.ok ? '' : refused.error.message).toBe('Line 2: a quote (") opens a cell but is never closed; close it or remove it. Nothing was imported.');
    }
    expect((await api.ok('members.list', { status: 'all' })).total).toBe(before);
  });

  it('imports only the valid rows when asked explicitly', async () => {
    const mixed = `${HEADER}\nM-0200,Good Row,Mto Mill,consumer,,2025-07-01\nM-0201,Bad Row,Mto Mill,wizard,,2025-07-01\n`;
    expect(await api.ok('members.importCommit', { csv: mixed, mode: 'valid-only' })).toEqual({ created: 1, skipped: 1 });
  });

  it('exports the filtered members as CSV that the import accepts back', async () => {
    const exported = await api.ok('members.exportCsv', { status: 'all' });
    expect(exported.fileName).toMatch(/^members-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(exported.count).toBe(6);
    expect(exported.csv.split('\n')[1]).toMatch(/^M-0001,Wanjiru Kamau,Mto Mill,consumer;prosumer,/);
    const preview = await api.ok('members.importPreview', { csv: exported.csv });
    // Read back cleanly: the only problem on each of the 6 rows is that the member exists already.
    expect(preview.fileIssues).toEqual([]);
    expect(preview.rows.map((r) => r.issues.map((i) => i.code))).toEqual(Array.from({ length: 6 }, () => ['already_registered']));
  });

  it('pushed members.changed and import progress to the event stream', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reasons = received.filter((m) => m.event === 'members.changed').map((m) => (m.payload as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(['site', 'create', 'update', 'deactivate', 'import']));
    expect(received.some((m) => m.event === 'job.progress')).toBe(true);
  });

  it('serves the dashboard figures from the same data', async () => {
    const summary = await api.ok('dashboard.summary', {});
    expect(summary.totals).toEqual({ members: 6, activeMembers: 5, sites: 1, prosumers: 1 });
    expect(summary.growth.at(-1)!.total).toBe(6);
    expect(summary.byRole.find((r) => r.role === 'consumer')!.count).toBe(3);
  });

  it('lists 2,000 members in one page for the virtualized table', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `B-${i},Bulk Member ${i},Mto Mill,consumer,,2026-01-01`).join('\n');
    expect((await api.ok('members.importCommit', { csv: `${HEADER}\n${rows}\n` })).created).toBe(2000);
    const page = await api.ok('members.list', { limit: 5000 });
    expect(page.rows).toHaveLength(page.total);
    expect(page.total).toBe(2005);
  });
});
