// The chain mirror of a posted period on the real node (a period posted by the settlement service,
// then a larger one written directly): the Merkle root of its member statements (all of a member's lines per leaf) is
// anchored (an inclusion proof of a line verifies against the block's events), every member's net
// credit arrives as an Assets transfer exactly once, in ceil(N / 383) batchAll extrinsics, and the
// mirror state goes pending → done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainRuntime, type ChainRuntime } from '../../../src-main/core/chain/index.js';
import type { ChainSetup } from '../../../src-main/core/chain/bootstrap.js';
import { assetBalance } from '../../../substrate-bindings/src/index.js';
import {
  encodeMemberStatement,
  enqueueSettlementMirror,
  enqueueSettlementMirrorInput,
  MIRROR_BATCH_CALLS,
  readSettlementMirrorInput,
  settlementMirrorState,
  memberStatementKey,
  memberStatementRecords,
} from '../../../src-main/core/settlement/mirror/index.js';
import { SettlementService } from '../../../src-main/core/settlement/settlement-service.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { seedNovember, seedSite } from './settlement-fixture.js';
import { PASSPHRASE, tempEnv, type TempEnv } from '../chain/helpers.js';
import { insertMembersWithAccounts, memberAddress, mirrorInput } from './mirror-fixture.js';

const NOW = new Date('2026-12-07T08:00:00.000Z');

let env: TempEnv;
let chain: ChainRuntime;
let setup: ChainSetup;

beforeAll(async () => {
  env = tempEnv('settlement-mirror');
  chain = createChainRuntime({ dataDir: env.dataDir, db: env.db, outbox: { reconcileIntervalMs: 2_000 }, nodeStartTimeoutMs: 180_000 });
  await chain.start();
  await chain.keystore.initialize(PASSPHRASE);
  setup = await chain.bootstrap({ currency: 'KES' });
}, 300_000);

afterAll(async () => {
  await chain?.stop();
  env?.cleanup();
});

describe('settlement chain mirror on the real node', { timeout: 300_000 }, () => {
  it('a period posted by the settlement service goes on chain through its onPosted hook', async () => {
    const site = seedSite(env.db);
    seedNovember(env.db, site);
    // Without the fixed fee the owner nets a credit: lease energy +100, rent share −20, surplus +6 = +86.
    env.db.prepare(`UPDATE tariff_versions SET definition_json = json_set(definition_json, '$.fixedMonthlyMinor', 0) WHERE plan_id = ?`).run(site.planId);
    const addresses = [site.a, site.host, site.owner].map((id) => memberAddress('posting', id));
    const insertAccount = env.db.prepare(`INSERT INTO member_chain_accounts (member_id, kind, address, created_at, updated_at) VALUES (?, 'external', ?, ?, ?)`);
    [site.a, site.host, site.owner].forEach((id, i) => insertAccount.run(id, addresses[i], NOW.toISOString(), NOW.toISOString()));
    await chain.fundAccounts(addresses, 10n ** 12n);

    const service = new SettlementService({ db: env.db, audit: new AuditRepo(env.db, () => NOW.toISOString()), now: () => NOW, onPosted: (db, periodId) => enqueueSettlementMirror(db, periodId) });
    const draft = await service.run(site.actor, site.siteId, '2026-11-01', '2026-11-30');
    expect(settlementMirrorState(env.db, draft.id).status).toBe('not-queued');
    expect(() => enqueueSettlementMirror(env.db, draft.id)).toThrow(/only a posted period goes on chain/);
    service.approve(site.actor, draft.id);
    service.post(site.actor, draft.id);
    expect(settlementMirrorState(env.db, draft.id)).toMatchObject({ status: 'pending', credits: { chunks: 1, transfers: 1, amount: 86 } });

    chain.outbox.kick();
    await chain.outbox.drain(120_000);
    const state = settlementMirrorState(env.db, draft.id);
    expect(state).toMatchObject({ status: 'done', errors: [], credits: { chunks: 1, chunksFinalized: 1, transfers: 1, amount: 86 } });
    const input = readSettlementMirrorInput(env.db, draft.id);
    // One leaf per member's statement (all their lines): each verifies against the chain.
    const records = memberStatementRecords(draft.id, input.lines);
    expect(state.anchor?.leafCount).toBe(new Set(input.lines.map((l) => l.memberId)).size);
    for (const record of records) {
      const proof = chain.anchors.proof(state.anchor!.anchorId, record.key);
      expect(await chain.anchors.verify(proof, record.data)).toEqual({ valid: true, reason: null });
    }
    const api = chain.connection.api;
    expect(await Promise.all(addresses.map((a) => assetBalance(api, setup.energyCredit.assetId, a)))).toEqual([0n, 0n, 86n]);
  });

  it('anchors the lines, credits each member once in chunked batchAll, state pending → done', async () => {
    // 800 members: about 460 net credits, so two chunks of ≤ 383 transfers (+ the chunk's mint).
    const { memberIds, addresses } = insertMembersWithAccounts(env.db, 800, 'onchain');
    await chain.fundAccounts(addresses, 10n ** 12n); // an account must exist on chain to hold an asset
    const input = mirrorInput(41, memberIds);
    const credited = input.movements.filter((m) => m.amount > 0);
    expect(credited.length).toBeGreaterThan(MIRROR_BATCH_CALLS);

    // What a posting does: its journal writes and the mirror's rows in one transaction.
    const result = env.db.transaction(() => enqueueSettlementMirrorInput(env.db, input))();
    expect(result).toMatchObject({ queued: true, created: true, chunks: Math.ceil(credited.length / (MIRROR_BATCH_CALLS - 1)), transfers: credited.length });
    expect(settlementMirrorState(env.db, 41).status).toBe('pending');

    chain.outbox.kick();
    await chain.outbox.drain(240_000);
    const state = settlementMirrorState(env.db, 41);
    expect(state).toMatchObject({ status: 'done', errors: [], credits: { chunks: 2, chunksFinalized: 2, transfers: credited.length, amount: credited.reduce((s, m) => s + m.amount, 0) } });

    // The anchor: a member statement's inclusion proof verifies against the chain; a changed line does not.
    const anchorId = state.anchor!.anchorId;
    const memberId = input.lines[123]!.memberId;
    const lines = input.lines.filter((l) => l.memberId === memberId);
    const proof = chain.anchors.proof(anchorId, memberStatementKey(memberId));
    expect(await chain.anchors.verify(proof, encodeMemberStatement(41, memberId, lines))).toEqual({ valid: true, reason: null });
    const changed = lines.map((l, i) => (i === 0 ? { ...l, amount: l.amount + 1 } : l));
    expect((await chain.anchors.verify(proof, encodeMemberStatement(41, memberId, changed))).valid).toBe(false);

    // Balances on chain: every credited member holds exactly their credit (twice would double it),
    // charged members hold nothing, and the issuer's mint-then-transfer leaves it where it was.
    const api = chain.connection.api;
    const asset = setup.energyCredit.assetId;
    const byMember = new Map(memberIds.map((id, i) => [id, addresses[i]!]));
    for (const m of input.movements) {
      expect(await assetBalance(api, asset, byMember.get(m.memberId)!)).toBe(m.amount > 0 ? BigInt(m.amount) : 0n);
    }
    expect(await assetBalance(api, asset, setup.issuer)).toBe(0n);

    // Enqueueing again (a re-run of the posting hook) records nothing new and sends nothing.
    const rowsBefore = chain.outbox.repository.counts();
    expect(enqueueSettlementMirrorInput(env.db, input)).toMatchObject({ queued: true, created: false });
    expect(chain.outbox.repository.counts()).toEqual(rowsBefore);
  });
});
