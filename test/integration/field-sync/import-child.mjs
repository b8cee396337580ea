// Child process for the kill -9 test: imports one field report into an office database, using the
// built core (out/tsc) so it starts fast; prints IMPORTING before and DONE after. Killed at random.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [root, dataDir, reportPath] = process.argv.slice(2);
const mod = (p) => import(join(root, 'out', 'tsc', 'src-main', 'core', p));
const { openDatabase } = await mod('db/connection.js');
const { AuditRepo } = await mod('audit/audit-repo.js');
const { TrustStoreRepo } = await mod('meters/trust-store-repo.js');
const { noopEvidenceAnchorSink } = await mod('meters/anchor-sink.js');
const { buildFieldSync } = await mod('field-sync/index.js');

const db = openDatabase({ file: join(dataDir, 'coop.sqlite') });
const now = () => new Date().toISOString();
const audit = new AuditRepo(db, now);
const sync = buildFieldSync({ db, audit, trust: new TrustStoreRepo(db, audit, now), anchors: noopEvidenceAnchorSink, dataDir, now });
process.stdout.write('IMPORTING\n');
const result = await sync.reports.importReport(readFileSync(reportPath), null);
process.stdout.write(`DONE ${JSON.stringify(result.added)}\n`);
db.close();
