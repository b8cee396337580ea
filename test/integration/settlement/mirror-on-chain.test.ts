// The chain mirror of a posted period on the real node: the Merkle root of its statement lines is
// anchored (an inclusion proof of a line verifies against the block's events), every member's net
// credit arrives as an Assets transfer exactly once, in ceil(N / 383) batchAll extrinsics, and the
// mirror state goes pending → done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainRuntime, type ChainRuntime } from '../../../src-main/core/chain/index.js';
import type { ChainSetup } from '../../../src-main/core/chain/bootstrap.js';
import { assetBalance } from '../../../substrate-bindings/src/index.js';
import { encodeStatementLine, enqueueSettlementMirrorInput, MIRROR_BATCH_CALLS, settlementMirrorState, statementLineKey } from '../../../src-main/core/settlement/mirror/index.js';
import { PASSPHRASE, tempEnv, type TempEnv } from '../chain/helpers.js';
import { insertMembersWithAccounts, mirrorInput } from './mirror-fixture.js';

let env: TempEnv;
let chain: ChainRuntime;
let setup: ChainSetup;

beforeAll(async () => {
  env = tempEnv('settlement-mirror');
  chain = createChainRuntime({ dataDir: env.dataDir, db: env.db, outbox: { reconcileIntervalMs: 2_000 } });
  await chain.start();
  await chain.keystore.initialize(PASSPHRASE);
  setup = await chain.bootstrap({ currency: 'KES' });
});

afterAll(async () => {
  await chain?.stop();
  env?.cleanup();
});

describe('settlement chain mirror on the real node', { timeout: 300_000 }, () => {
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

    // The anchor: a line's inclusion proof verifies against the chain; a changed line does not.
    const anchorId = state.anchor!.anchorId;
    const line = input.lines[123]!;
    const proof = chain.anchors.proof(anchorId, statementLineKey(line));
    expect(await chain.anchors.verify(proof, encodeStatementLine(line))).toEqual({ valid: true, reason: null });
    expect((await chain.anchors.verify(proof, encodeStatementLine({ ...line, amount: line.amount + 1 }))).valid).toBe(false);

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
