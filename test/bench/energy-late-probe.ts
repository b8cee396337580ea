import { join } from 'node:path';
import { openDatabase } from '../../src-main/core/db/connection.js';
import { loadSiteInputs } from '../../src-main/core/energy/site-inputs.js';
import { recomputeSite } from '../../src-main/core/energy/recompute.js';
import { makeTempDir } from '../support/temp-dir.js';
import { seedVillage } from '../support/energy-fixture.js';
const temp = makeTempDir('probe-');
const db = openDatabase({ file: join(temp.path, 'c.sqlite') });
const FROM = Date.parse('2026-03-01T00:00:00Z');
const f = seedVillage(db, { members: 200, days: 30, fromMs: FROM });
const day = FROM + 29 * 86_400_000;
recomputeSite(db, f.siteId, FROM, FROM + 30 * 86_400_000, FROM + 31 * 86_400_000);
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  loadSiteInputs(db, f.siteId, day, day + 86_400_000, day + 2 * 86_400_000);
  console.log('load', performance.now() - t);
  t = performance.now();
  recomputeSite(db, f.siteId, day, day + 86_400_000, day + 2 * 86_400_000);
  console.log('recompute (unchanged)', performance.now() - t);
}
db.close(); temp.remove();
