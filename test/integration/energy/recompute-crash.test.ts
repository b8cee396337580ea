// kill -9 in the middle of a recompute: what was written is whole days that pass the audit, and
// running again completes the rest (and a third run changes nothing).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/connection.js';
import { auditSiteFlows } from '../../../src-main/core/energy/energy-audit.js';
import { recomputeSite } from '../../../src-main/core/energy/recompute.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { seedVillage } from '../../support/energy-fixture.js';

const FROM = Date.parse('2026-03-01T00:00:00Z');
const DAYS = 8;
const TO = FROM + DAYS * 86_400_000;

it('a recompute killed with SIGKILL leaves whole, consistent days; the next run finishes the job', async () => {
  const dir = makeTempDir('coop-energy-crash-');
  const file = join(dir.path, 'coop.sqlite');
  try {
    let db = openDatabase({ file });
    const { siteId } = seedVillage(db, { members: 60, days: DAYS, fromMs: FROM });
    db.close();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'recompute-child.ts'), file, String(siteId), String(FROM), String(TO)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/done (\d+)/.test(out) && Number([...out.matchAll(/done (\d+)/g)].at(-1)?.[1]) >= 2 * 96) {
          child.kill('SIGKILL');
          resolve();
        }
        if (out.includes('finished')) reject(new Error('the child finished before it could be killed'));
      });
      child.on('exit', () => resolve());
    });
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
    db = openDatabase({ file });
    const written = (db.prepare(`SELECT count(*) AS n FROM energy_site_intervals WHERE site_id = ?`).get(siteId) as { n: number }).n;
    expect(written % 96).toBe(0); // whole days only
    expect(written).toBeGreaterThanOrEqual(2 * 96);
    expect(written).toBeLessThan(DAYS * 96);
    expect(auditSiteFlows(db, siteId, '2026-03-01', '2026-03-08').ok).toBe(true);
    const rest = recomputeSite(db, siteId, FROM, TO, TO);
    expect(rest.intervalsRecomputed).toBe(DAYS * 96 - written);
    expect(recomputeSite(db, siteId, FROM, TO, TO).intervalsRecomputed).toBe(0);
    expect(auditSiteFlows(db, siteId, '2026-03-01', '2026-03-08')).toMatchObject({ ok: true, intervalsChecked: DAYS * 96 });
    db.close();
  } finally {
    dir.remove();
  }
});
