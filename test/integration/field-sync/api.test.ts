// The field-sync channels through the dispatcher of a real core (SQLite file in a temp data folder):
// roles, the identity view, and a refused file reported as IMPORT_REJECTED with its sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/app/core.js';
import { initializeCooperative, type InitializedCooperative } from '../../support/core-setup.js';
import { makeTempDir } from '../../support/temp-dir.js';

describe('field sync over the API', () => {
  const temp = makeTempDir('coop-field-api-');
  let core: Core;
  let coop: InitializedCooperative;
  beforeAll(async () => {
    core = createCore({ dataDir: temp.path, log: () => {} });
    coop = await initializeCooperative(core);
  });
  afterAll(async () => {
    await core.close();
    temp.remove();
  });

  it('tells a console that is not set up yet, and refuses a report before the office is set up', async () => {
    expect(await core.dispatch('fieldSync.identity', {}, coop.token)).toEqual({ ok: true, value: { role: null, consoleId: null, label: null, office: null, lastPackSequence: 0, lastReportSequence: 0, openWork: 0 } });
    const refused = await core.dispatch('fieldSync.report.import', { fileBase64: Buffer.from('hello').toString('base64') }, coop.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('sets up the office, then refuses a damaged report as a whole with a sentence', async () => {
    const setUp = await core.dispatch('fieldSync.office.setUp', { label: 'Office', keyPassphrase: 'office sync passphrase' }, coop.token);
    expect(setUp).toMatchObject({ ok: true, value: { role: 'office', consoleId: 'office' } });
    const refused = await core.dispatch('fieldSync.report.import', { fileBase64: Buffer.from('not a sync file at all').toString('base64') }, coop.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'IMPORT_REJECTED', message: expect.stringContaining('not a complete sync file') } });
    expect(await core.dispatch('fieldSync.consoles.list', {}, coop.token)).toEqual({ ok: true, value: [] });
    const weak = await core.dispatch('fieldSync.consoles.enrol', { label: 'Laptop', enrolmentPassphrase: 'short' }, coop.token);
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
