// Statements benchmark (`npm run bench -- statements`):
// 1. Print all statements of a month of the demo village (2,000 members, settled and posted by the
//    settlement service, chain off) as PDFs, the way the period's zip is made: statements per second
//    and pages per second against a raw pdfkit baseline of the same number of near-blank pages.
//    With the chain off the periods have no anchor, so each statement gets the Merkle path of its
//    real leaf among the period's statements and a placeholder block (the QR code is drawn at its
//    real size; only the block number is made up).
// 2. Verify one statement against a real node: a 2,000-member period anchored through the outbox
//    (one leaf per member statement), the statement built from its lines, verifyStatement timed
//    (hash, Merkle path, block hash and events from the node). Target: < 2 s.
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { createCore } from '../../src-main/core/app/core.js';
import type { OperatorPublic } from '../../src-main/contract/session.js';
import type { StatementAnchor } from '../../src-main/contract/statements.js';
import { demoClock, generateDemoCooperative } from '../../src-main/core/demo/demo-generator.js';
import { openDatabase } from '../../src-main/core/db/connection.js';
import { AuditRepo } from '../../src-main/core/audit/audit-repo.js';
import { SettlementService } from '../../src-main/core/settlement/settlement-service.js';
import { leafHash, merkleProof, merkleRoot } from '../../src-main/core/chain/anchors/merkle.js';
import { createChainRuntime } from '../../src-main/core/chain/index.js';
import { memberStatementKey, memberStatementRecords } from '../../src-main/core/settlement/mirror/index.js';
import { buildStatement, loadPeriodContext, nodeChainLookup, renderStatementPdf, statementInput, verifyStatement } from '../../src-main/core/statements/index.js';
import { periodLines } from '../integration/settlement/mirror-fixture.js';
import { makeTempDir } from '../support/temp-dir.js';
import { measured, saveBenchRecords, type BenchRecord } from './report.js';

const MEMBERS = Number(process.env['STATEMENTS_BENCH_MEMBERS'] ?? 2_000);
const FROM = Date.parse('2026-10-31T21:00:00Z'); // 1 November 2026, 00:00 in Nairobi
const TO = FROM + 30 * 86_400_000;
const pagesOf = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

function blankPages(pages: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 42, compress: true, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let i = 0; i < pages; i++) doc.addPage().font('Helvetica').fontSize(10).text(`Page ${i + 1}`);
    doc.end();
  });
}

const temp = makeTempDir('coop-statements-bench-');
const records: BenchRecord[] = [];
try {
  // --- 1. all statements of a month as PDFs ---
  const clock = demoClock(FROM);
  const core = createCore({ dataDir: temp.path, clock, chain: { mode: 'off' }, log: () => {} });
  const setup = await core.dispatch('setup.initialize', { cooperative: { name: 'Bench', currency: 'KES', timezone: 'Africa/Nairobi', locale: 'en' }, admin: { username: 'admin', displayName: 'Bench', password: 'bench-admin-password' } }, null);
  if (!setup.ok) throw new Error(setup.error.message);
  const actor = (setup.value as { operator: OperatorPublic }).operator;
  await generateDemoCooperative({ db: core.database(), clock, events: core.events }, actor, { members: MEMBERS, seed: 1, fromMs: FROM, toMs: TO });
  await core.close();
  console.log(`demo village of ${MEMBERS} members generated`);
  const db = openDatabase({ file: join(temp.path, 'coop-console.sqlite') });
  const service = new SettlementService({ db, audit: new AuditRepo(db, () => new Date().toISOString()), now: () => new Date(TO + 86_400_000) });
  const sites = (db.prepare(`SELECT id FROM sites ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
  const periods: number[] = [];
  for (const siteId of sites) {
    const p = await service.run(actor, siteId, '2026-11-01', '2026-11-30');
    service.approve(actor, p.id);
    service.post(actor, p.id);
    periods.push(p.id);
  }
  console.log(`${periods.length} site-periods settled and posted`);
  let statements = 0;
  let pages = 0;
  let bytes = 0;
  const t = performance.now();
  for (const periodId of periods) {
    const ctx = loadPeriodContext(db, periodId);
    const memberIds = [...ctx.linesByMember.keys()].sort((a, b) => a - b);
    const records = memberStatementRecords(periodId, [...ctx.linesByMember.values()].flat());
    const leaves = records.map((r) => leafHash(r.data));
    const root = merkleRoot(leaves);
    for (const [i, memberId] of memberIds.entries()) {
      const input = statementInput(db, ctx, memberId);
      const anchor: StatementAnchor = { subject: `settlement-${periodId}`, root, leafIndex: i, leafCount: leaves.length, steps: merkleProof(leaves, i), sender: '5Placeholder', blockNumber: 1_000_000, blockHash: `0x${'00'.repeat(32)}`, extrinsicIndex: 2 };
      const pdf = await renderStatementPdf(buildStatement({ ...input, anchor }));
      statements += 1;
      pages += pagesOf(pdf);
      bytes += pdf.length;
    }
  }
  const printMs = performance.now() - t;
  db.close();
  const tb = performance.now();
  const blank = await blankPages(pages);
  const blankMs = performance.now() - tb;
  console.log(`print: ${statements} statements, ${pages} pages, ${(bytes / 1_048_576).toFixed(1)} MB in ${(printMs / 1000).toFixed(1)} s; raw pdfkit ${pagesOf(blank)} pages in ${(blankMs / 1000).toFixed(1)} s`);
  records.push(
    measured(`statements.print.month (${statements} statements)`, printMs / 1000, 's', { target: 'none' }),
    measured('statements.print.pages-per-second', (pages * 1000) / printMs, 'pages/s', { baseline: (pages * 1000) / blankMs, digits: 1 }),
    measured('statements.print.statements-per-second', (statements * 1000) / printMs, 'statements/s', { digits: 1 }),
  );

  // --- 2. verify one statement against the node ---
  const chainDir = join(temp.path, 'chain-bench');
  const chainDb = openDatabase({ file: join(temp.path, 'chain-bench.sqlite') });
  const chain = createChainRuntime({ dataDir: chainDir, db: chainDb, outbox: { reconcileIntervalMs: 2_000 }, nodeStartTimeoutMs: 300_000 });
  try {
    await chain.start();
    await chain.keystore.initialize('benchmark passphrase');
    const chainSetup = await chain.bootstrap({ currency: 'KES' });
    const memberIds = Array.from({ length: MEMBERS }, (_, i) => i + 1);
    const lines = periodLines(9, memberIds);
    const anchor = chain.anchors.anchor({ subject: 'settlement-9', records: memberStatementRecords(9, lines), signer: chainSetup.treasury });
    chain.outbox.kick();
    await chain.outbox.drain(240_000);
    const memberId = memberIds[1234 % MEMBERS] as number;
    const proof = chain.anchors.proof(anchor.id, memberStatementKey(memberId));
    const doc = buildStatement({
      locale: 'en', cooperativeName: 'Bench', period: { id: 9, from: '2026-11-01', to: '2026-11-30', siteName: 'Bench', postedAt: null },
      member: { id: memberId, memberNo: `M-${memberId}`, fullName: 'Bench member' }, currency: 'KES', lines: lines.filter((l) => l.memberId === memberId), days: [], mainOnlyBillMinor: 0,
      tokens: { available: false, earned: 0, bonus: 0, awards: [] }, payments: [], broughtForwardMinor: 0, otherMinor: 0,
      anchor: { subject: proof.subject, root: proof.root, leafIndex: proof.leafIndex, leafCount: proof.leafCount, steps: proof.steps, sender: proof.sender, blockNumber: proof.blockNumber, blockHash: proof.blockHash, extrinsicIndex: proof.extrinsicIndex },
    });
    const lookup = nodeChainLookup(chain.connection.api);
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const tv = performance.now();
      const result = await verifyStatement(doc, lookup);
      timings.push(performance.now() - tv);
      if (!result.verified) throw new Error(`the bench statement did not verify: ${result.reason ?? ''}`);
    }
    const worst = Math.max(...timings);
    console.log(`verify: ${MEMBERS}-leaf anchor, path of ${proof.steps.length} steps; ${timings.map((x) => x.toFixed(0)).join(', ')} ms`);
    records.push(measured(`statements.verify.one (${MEMBERS}-member period, worst of 5)`, worst / 1000, 's', { target: '< 2 s', pass: worst < 2_000 }));
  } finally {
    await chain.stop();
    chainDb.close();
  }
} finally {
  saveBenchRecords(records);
  temp.remove();
}
