// Statements against the real chain node (one node for the file): a period posted by the settlement
// service is mirrored (one Merkle leaf per member statement); each member's statement verifies in the
// console; its PDF alone verifies with `npm run verify-statement` (exit 0); a statement altered by one
// digit, by one Merkle sibling or with a wrong anchor is refused with the reason (exit 1); a bad
// file or an unreachable node is exit 2. All statements of the period come as a zip with progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { createChainRuntime, type ChainRuntime } from '../../../src-main/core/chain/index.js';
import { enqueueSettlementMirror, settlementMirrorState } from '../../../src-main/core/settlement/mirror/index.js';
import { SettlementService } from '../../../src-main/core/settlement/settlement-service.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { renderStatementPdf, statementOfPdf, StatementsService, tokensFromLedger, type StatementsProgress } from '../../../src-main/core/statements/index.js';
import type { StatementDocument } from '../../../src-main/contract/statements.js';
import { seedNovember, seedSite, type SettledSite } from '../settlement/settlement-fixture.js';
import { PASSPHRASE, tempEnv, type TempEnv } from '../chain/helpers.js';
import { runProcess } from '../../support/run-process.js';

const ROOT = resolve(import.meta.dirname, '../../..');
// The CLI runs from the build (as npm test leaves it; `npm run verify-statement` runs the same code through tsx).
const CLI = join(ROOT, 'out/tsc/src-main/tools/verify-statement-cli.js');
const NOW = new Date('2026-12-07T08:00:00.000Z');

let env: TempEnv;
let chain: ChainRuntime;
let site: SettledSite;
let periodId: number;
let endpoint: string;
const progress: StatementsProgress[] = [];
let statements: StatementsService;

beforeAll(async () => {
  env = tempEnv('statements');
  chain = createChainRuntime({ dataDir: env.dataDir, db: env.db, outbox: { reconcileIntervalMs: 2_000 }, nodeStartTimeoutMs: 180_000 });
  await chain.start();
  await chain.keystore.initialize(PASSPHRASE);
  await chain.bootstrap({ currency: 'KES' });
  site = seedSite(env.db);
  seedNovember(env.db, site);
  const service = new SettlementService({ db: env.db, audit: new AuditRepo(env.db, () => NOW.toISOString()), now: () => NOW, onPosted: (db, id) => void enqueueSettlementMirror(db, id) });
  const draft = await service.run(site.actor, site.siteId, '2026-11-01', '2026-11-30');
  service.approve(site.actor, draft.id);
  service.post(site.actor, draft.id);
  periodId = draft.id;
  chain.outbox.kick();
  await chain.outbox.drain(120_000);
  expect(settlementMirrorState(env.db, periodId).anchor?.status).toBe('finalized');
  endpoint = chain.connection.status.endpoint as string;
  statements = new StatementsService({ db: env.db, chainApi: () => chain.connection.api, tokens: tokensFromLedger, progress: (p) => progress.push(p) });
}, 300_000);

afterAll(async () => {
  await chain?.stop();
  env?.cleanup();
});

const cli = (...args: string[]) => runProcess(process.execPath, [CLI, ...args], ROOT);
const writePdf = async (name: string, doc: StatementDocument): Promise<string> => {
  const file = join(env.dataDir, name);
  writeFileSync(file, await renderStatementPdf(doc));
  return file;
};

describe('statements verified against the chain', { timeout: 300_000 }, () => {
  it('every member statement of the posted period verifies in the console, with its figures from the posting', async () => {
    const list = statements.ofPeriod(periodId);
    expect(list.map((s) => s.memberNo)).toEqual(['M-1', 'M-2', 'M-3']);
    expect(list.every((s) => s.anchored)).toBe(true);
    for (const s of list) {
      const doc = statements.get(periodId, s.memberId);
      expect(doc.money.netMinor).toBe(s.netMinor);
      expect(doc.anchor?.leafCount).toBe(3);
      const result = await statements.verify(periodId, s.memberId);
      expect(result).toMatchObject({ verified: true, failure: null, reason: null });
    }
    // Amina: 1 kWh from the main supply + 0.5 kWh from the pool (solar), at 20 KES/kWh.
    const amina = statements.get(periodId, site.a);
    expect(amina.energy).toMatchObject({ mainWh: 1_000, communityWh: 500, selfWh: 0, consumedWh: 1_500 });
    expect(amina.energy.communityBySource.solar).toBe(500);
    expect(amina.selfSufficiencyBp).toBe(3_333);
    // The main-supply-only bill rates the same 1.5 kWh at the same tariff (20 minor units per kWh → 30
    // minor units) + the 3,000 fixed fee = 3,030. Pool energy is sold at the site tariff, so Amina saved nothing.
    expect(amina.savings).toEqual({ mainOnlyBillMinor: 3_030, actualCostMinor: 3_030, savingsMinor: 0 });
    expect(amina.money.netMinor).toBe(-3_030);
    // Baraka (host) used 2 kWh of his own solar: the main-supply-only bill of it is 40 + 3,000.
    expect(statements.get(periodId, site.host).savings.mainOnlyBillMinor).toBe(3_040);
    expect(amina.money.carriedMinor).toBe(amina.money.netMinor);
  });

  it('verify-statement: the PDF alone verifies (exit 0); altered digit, Merkle sibling, anchor → exit 1 with the reason; bad file, unreachable node → exit 2', async () => {
    const doc = statements.get(periodId, site.host);
    const anchor = doc.anchor!;
    const good = await writePdf('good.pdf', doc);
    const firstLine = doc.lines[0]!;
    const digit = await writePdf('digit.pdf', { ...doc, lines: [{ ...firstLine, amountMinor: firstLine.amountMinor + 1 }, ...doc.lines.slice(1)] });
    const flipped = anchor.steps[0]!.hash.replace(/.$/, (c) => (c === '0' ? '1' : '0')) as `0x${string}`;
    const sibling = await writePdf('sibling.pdf', { ...doc, anchor: { ...anchor, steps: [{ ...anchor.steps[0]!, hash: flipped }, ...anchor.steps.slice(1)] } });
    const wrongAnchor = await writePdf('anchor.pdf', { ...doc, anchor: { ...anchor, extrinsicIndex: anchor.extrinsicIndex + 1 } });
    const notPdf = join(env.dataDir, 'not.pdf');
    writeFileSync(notPdf, 'hello');

    const runs = [
      [good, '--endpoint', endpoint],
      [digit, '--endpoint', endpoint],
      [sibling, '--endpoint', endpoint],
      [wrongAnchor, '--endpoint', endpoint, '--json'],
      [notPdf, '--endpoint', endpoint],
      [good, '--endpoint', 'ws://127.0.0.1:1', '--timeout', '3'],
      [],
    ];
    // Two at a time: more at once only thrashes a small machine.
    const results: Awaited<ReturnType<typeof cli>>[] = [];
    const lane = async (from: number): Promise<void> => {
      for (let i = from; i < runs.length; i += 2) results[i] = await cli(...runs[i]!);
    };
    await Promise.all([lane(0), lane(1)]);
    const [ok, changed, path, block, bad, down, usage] = results;
    expect(ok!.code, ok!.err).toBe(0);
    expect(ok!.out).toMatch(/^VERIFIED: statement of member M-2/);
    expect(changed!.code).toBe(1);
    expect(changed!.out).toMatch(/NOT VERIFIED \(hash-mismatch\).*\n.*a line was changed/);
    expect(path!.code).toBe(1);
    expect(path!.out).toMatch(/NOT VERIFIED \(merkle-path\)/);
    expect(block!.code).toBe(1);
    expect(JSON.parse(block!.out)).toMatchObject({ verified: false, failure: 'wrong-anchor' });
    expect(bad!.code).toBe(2);
    expect(bad!.err).toMatch(/not a PDF/);
    expect(down!.code).toBe(2);
    expect(down!.err).toMatch(/cannot be reached/);
    expect(usage!.code).toBe(2);
  });

  it('in the console: an altered total, a root that is not in the block and a wrong block are refused with the reason', async () => {
    const doc = statements.get(periodId, site.owner);
    const anchor = doc.anchor!;
    expect(await statements.verifyDocument({ ...doc, money: { ...doc.money, carriedMinor: doc.money.carriedMinor + 10 } })).toMatchObject({ verified: false, failure: 'figures-mismatch' });
    // A single-leaf path is not possible here (3 members): move the leaf under a forged root with a consistent path.
    const forgedRoot = `0x${'11'.repeat(32)}` as const;
    const forged = await statements.verifyDocument({ ...doc, anchor: { ...anchor, steps: [], root: doc.hash === forgedRoot ? forgedRoot : doc.hash } });
    expect(forged).toMatchObject({ verified: false, failure: 'root-not-in-block' });
    expect(await statements.verifyDocument({ ...doc, anchor: { ...anchor, blockNumber: anchor.blockNumber - 1 } })).toMatchObject({ verified: false, failure: 'wrong-anchor' });
  });

  it('all statements of the period as one zip, with progress', async () => {
    progress.length = 0;
    const zip = await statements.periodZip(periodId, 'fr');
    expect(zip.count).toBe(3);
    const files = unzipSync(Buffer.from(zip.base64, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['statement-2026-11-M-1.pdf', 'statement-2026-11-M-2.pdf', 'statement-2026-11-M-3.pdf']);
    expect(statementOfPdf(Buffer.from(files['statement-2026-11-M-1.pdf']!)).locale).toBe('fr');
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3]);
  });
});
