// The mirror without a chain: the canonical leaf, the plan's invariants on random inputs, and what
// enqueueing writes (and does not write) in a real SQLite database.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeAddress } from '@polkadot/util-crypto';
import { openDatabase } from '../../db/connection.js';
import { leafHash } from '../../chain/anchors/merkle.js';
import {
  encodeStatementLine,
  encodeMemberStatement,
  enqueueSettlementMirrorInput,
  memberStatementHash,
  memberStatementRecords,
  netCreditMovements,
  planSettlementMirror,
  settlementMirrorState,
  statementLineLeaf,
  type StatementLineRecord,
} from './index.js';

const address = (i: number): string => encodeAddress(new Uint8Array(32).fill(i % 250 + 1).map((b, j) => (j === 0 ? i & 0xff : j === 1 ? i >> 8 : b)), 42);
const line = (over: Partial<StatementLineRecord> = {}): StatementLineRecord => ({
  lineId: 7, periodId: 3, memberId: 12, code: 'energy', counterparty: 'cooperative-energy', currency: 'KES', amount: -1234, quantityWh: 5600, sources: 'tariff:2;intervals:2026-03-01/2026-04-01', ...over,
});

describe('statement line leaf', () => {
  it('is the leaf of a fixed, positional JSON text', () => {
    const text = '["coop-statement-line",1,3,7,12,"energy","cooperative-energy","KES",-1234,5600,"tariff:2;intervals:2026-03-01/2026-04-01"]';
    expect(encodeStatementLine(line())).toBe(text);
    expect(statementLineLeaf(line())).toBe(leafHash(text));
    expect(statementLineLeaf(line({ amount: -1235 }))).not.toBe(statementLineLeaf(line()));
  });
  it('refuses a line that cannot be encoded one way only', () => {
    expect(() => encodeStatementLine(line({ amount: 12.5 }))).toThrow(/amount must be a whole number/);
    expect(() => encodeStatementLine(line({ code: 3 as unknown as string }))).toThrow(/code must be a text/);
  });
});

describe('member statement leaf', () => {
  it('is the leaf of a fixed, positional JSON text of the member\'s lines in line order', () => {
    const a = line({ lineId: 9, code: 'fixed_fee', counterparty: 'cooperative-fees', amount: -500, quantityWh: 0, sources: 'tariff:2' });
    const text = '["coop-member-statement",1,3,12,"KES",[[7,"energy","cooperative-energy",-1234,5600,"tariff:2;intervals:2026-03-01/2026-04-01"],[9,"fixed_fee","cooperative-fees",-500,0,"tariff:2"]]]';
    expect(encodeMemberStatement(3, 12, [a, line()])).toBe(text);
    expect(memberStatementHash(3, 12, [line(), a])).toBe(leafHash(text));
    expect(memberStatementHash(3, 12, [line({ amount: -1235 }), a])).not.toBe(leafHash(text));
  });
  it('refuses lines of another member, period or currency, and an empty statement', () => {
    expect(() => encodeMemberStatement(3, 13, [line()])).toThrow(/not a line of member 13 in period 3/);
    expect(() => encodeMemberStatement(4, 12, [line()])).toThrow(/not a line of member 12 in period 4/);
    expect(() => encodeMemberStatement(3, 12, [line(), line({ lineId: 8, currency: 'EUR' })])).toThrow(/in EUR, not KES/);
    expect(() => encodeMemberStatement(3, 12, [])).toThrow(/no line/);
  });
  it('gives one record per member, keyed member:<id>, by member id', () => {
    const records = memberStatementRecords(3, [line({ memberId: 5, lineId: 1 }), line({ memberId: 2, lineId: 2 }), line({ memberId: 5, lineId: 3 })]);
    expect(records.map((r) => r.key)).toEqual(['member:2', 'member:5']);
    expect(records[1]!.data).toBe(encodeMemberStatement(3, 5, [line({ memberId: 5, lineId: 1 }), line({ memberId: 5, lineId: 3 })]));
  });
});

describe('mirror plan', () => {
  it('credits each member with a positive net exactly once, in chunks that fit the batch', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ memberId: fc.integer({ min: 1, max: 3000 }), amount: fc.integer({ min: -50_000, max: 50_000 }) }), { selector: (m) => m.memberId, maxLength: 900 }),
        fc.integer({ min: 2, max: 60 }),
        fc.func(fc.boolean()),
        (movements, batchCalls, hasAccount) => {
          const accounts = new Map(movements.filter((m) => hasAccount(m.memberId)).map((m) => [m.memberId, address(m.memberId)]));
          const plan = planSettlementMirror({ periodId: 1, lines: [], movements }, accounts, batchCalls);
          const sent = plan.chunks.flatMap((c) => c.transfers);
          const credited = movements.filter((m) => m.amount > 0);
          expect(sent.map((t) => t.memberId).sort((a, b) => a - b)).toEqual(credited.filter((m) => accounts.has(m.memberId)).map((m) => m.memberId).sort((a, b) => a - b));
          expect([...plan.withoutAccount].sort((a, b) => a - b)).toEqual(credited.filter((m) => !accounts.has(m.memberId)).map((m) => m.memberId).sort((a, b) => a - b));
          expect(plan.chunks.length).toBe(Math.ceil(sent.length / (batchCalls - 1)));
          for (const chunk of plan.chunks) {
            expect(chunk.transfers.length + 1).toBeLessThanOrEqual(batchCalls);
            expect(chunk.total).toBe(chunk.transfers.reduce((s, t) => s + t.amount, 0));
          }
          for (const t of sent) expect(t.amount).toBe(movements.find((m) => m.memberId === t.memberId)?.amount);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('nets lines per member', () => {
    expect(netCreditMovements([line({ memberId: 2, amount: 500 }), line({ lineId: 8, memberId: 1, amount: -20 }), line({ lineId: 9, memberId: 2, amount: -120 })])).toEqual([
      { memberId: 1, amount: -20 },
      { memberId: 2, amount: 380 },
    ]);
  });
  it('refuses lines of another period and a member moved twice', () => {
    expect(() => planSettlementMirror({ periodId: 4, lines: [line()], movements: [] }, new Map())).toThrow(/belongs to period 3, not 4/);
    expect(() => planSettlementMirror({ periodId: 3, lines: [], movements: [{ memberId: 1, amount: 1 }, { memberId: 1, amount: 2 }] }, new Map())).toThrow(/two net movements/);
  });
});

describe('enqueue and state (SQLite, no chain)', () => {
  const setupDb = () => {
    const db = openDatabase({ file: ':memory:' });
    const setup = { genesisHash: '0x00', treasury: address(1001), issuer: address(1002), energyCredit: { assetId: 1000, name: 'Energy credit', symbol: 'KESC', decimals: 2 }, greenToken: { assetId: 1001, name: 'G', symbol: 'G', decimals: 0 }, collections: { equipment: 1000, agreements: 1001 } };
    db.prepare(`INSERT INTO chain_state (key, value, updated_at) VALUES ('setup', ?, ?)`).run(JSON.stringify(setup), new Date().toISOString());
    const at = new Date().toISOString();
    db.prepare(`INSERT INTO sites (name, created_at) VALUES ('S', ?)`).run(at);
    for (let m = 1; m <= 5; m += 1) {
      db.prepare(`INSERT INTO members (id, member_no, full_name, site_id, joined_on, created_at, updated_at) VALUES (?, ?, 'M', 1, '2026-01-01', ?, ?)`).run(m, `M${m}`, at, at);
      // Member 5 has a console key that was never funded: it cannot receive an asset yet.
      db.prepare(`INSERT INTO member_chain_accounts (member_id, kind, address, pin_hash, funded_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(m, m === 4 ? 'external' : 'console', address(m), m === 4 ? null : 'hash', m === 5 || m === 4 ? null : at, at, at);
    }
    return { db, setup };
  };
  const input = {
    periodId: 3,
    lines: [line({ lineId: 1, memberId: 1, amount: 900 }), line({ lineId: 2, memberId: 2, amount: -300 }), line({ lineId: 3, memberId: 4, amount: 50 }), line({ lineId: 4, memberId: 5, amount: 70 })],
    movements: [{ memberId: 1, amount: 900 }, { memberId: 2, amount: -300 }, { memberId: 4, amount: 50 }, { memberId: 5, amount: 70 }],
  };

  it('records one anchor and one credit chunk once, and the state reads pending', () => {
    const { db, setup } = setupDb();
    expect(settlementMirrorState(db, 3).status).toBe('not-queued');
    const first = enqueueSettlementMirrorInput(db, input);
    expect(first).toMatchObject({ queued: true, created: true, chunks: 1, transfers: 2, withoutAccount: [5] });
    expect(enqueueSettlementMirrorInput(db, input)).toMatchObject({ queued: true, created: false, chunks: 1, transfers: 2 });
    const rows = db.prepare('SELECT reference, signer, intent_json FROM chain_outbox ORDER BY id').all() as { reference: string; signer: string; intent_json: string }[];
    expect(rows.map((r) => [r.reference, r.signer])).toEqual([
      ['settlement-mirror:3:anchor', setup.treasury],
      ['settlement-mirror:3:credits:0', setup.issuer],
    ]);
    expect(JSON.parse(rows[1]!.intent_json)).toEqual({
      kind: 'batchAll',
      calls: [
        { kind: 'assetMint', assetId: 1000, to: setup.issuer, amount: '950' },
        { kind: 'assetTransfer', assetId: 1000, to: address(1), amount: '900' },
        { kind: 'assetTransfer', assetId: 1000, to: address(4), amount: '50' },
      ],
    });
    const state = settlementMirrorState(db, 3);
    expect(state).toMatchObject({ status: 'pending', anchor: { leafCount: 4, status: 'pending' }, credits: { chunks: 1, chunksFinalized: 0, transfers: 2, amount: 950 }, errors: [] });
    db.close();
  });

  it('writes nothing when the caller’s transaction fails, and nothing before the chain is set up', () => {
    const { db } = setupDb();
    expect(() =>
      db.transaction(() => {
        enqueueSettlementMirrorInput(db, input);
        throw new Error('posting failed after the mirror was recorded');
      })(),
    ).toThrow(/posting failed/);
    expect(db.prepare('SELECT count(*) AS n FROM chain_outbox').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM chain_anchors').get()).toEqual({ n: 0 });
    db.prepare(`DELETE FROM chain_state WHERE key = 'setup'`).run();
    expect(enqueueSettlementMirrorInput(db, input)).toEqual({ queued: false, reason: 'chain-not-set-up' });
    expect(db.prepare('SELECT count(*) AS n FROM chain_outbox').get()).toEqual({ n: 0 });
    db.close();
  });
});
