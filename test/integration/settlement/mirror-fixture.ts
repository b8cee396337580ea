// A period to mirror, written straight into SQLite: a site, members with chain accounts (own-wallet
// addresses derived from a seed, so no keystore work), and statement lines whose nets are credits
// for some members and charges for others. Shared by the mirror's integration test, the kill -9
// trials and the benchmark.
import type { Database } from 'better-sqlite3';
import { encodeAddress } from '@polkadot/util-crypto';
import { blake2AsU8a } from '@polkadot/util-crypto';
import type { SettlementMirrorInput, StatementLineRecord } from '../../../src-main/core/settlement/mirror/index.js';
import { netCreditMovements } from '../../../src-main/core/settlement/mirror/index.js';

/** A stable SS58 address per member number (no secret exists for it: it only ever receives). */
export const memberAddress = (seed: string, memberId: number): string => encodeAddress(blake2AsU8a(`coop-test-member:${seed}:${memberId}`, 256), 42);

export function insertMembersWithAccounts(db: Database, count: number, seed: string): { siteId: number; memberIds: number[]; addresses: string[] } {
  const at = new Date().toISOString();
  if (!db.prepare('SELECT 1 FROM cooperative').get()) db.prepare(`INSERT INTO cooperative (id, name, currency, timezone, locale, created_at) VALUES (1, 'Coop', 'KES', 'Africa/Nairobi', 'en', ?)`).run(at);
  const siteId = Number(db.prepare('INSERT INTO sites (name, created_at) VALUES (?, ?)').run(`Site ${seed}`, at).lastInsertRowid);
  const memberIds: number[] = [];
  const addresses: string[] = [];
  const member = db.prepare(`INSERT INTO members (member_no, full_name, site_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', ?, ?)`);
  const account = db.prepare(`INSERT INTO member_chain_accounts (member_id, kind, address, created_at, updated_at) VALUES (?, 'external', ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const id = Number(member.run(`${seed}-${i}`, `Member ${i}`, siteId, at, at).lastInsertRowid);
      const address = memberAddress(seed, id);
      account.run(id, address, at, at);
      memberIds.push(id);
      addresses.push(address);
    }
  })();
  return { siteId, memberIds, addresses };
}

/**
 * Lines of one period: every member is charged for energy; two members in three earn a rent share
 * or a P2P sale larger than their charge, so about two thirds net to a credit.
 */
export function periodLines(periodId: number, memberIds: readonly number[], firstLineId = periodId * 1_000_000): StatementLineRecord[] {
  const lines: StatementLineRecord[] = [];
  let lineId = firstLineId;
  for (const [i, memberId] of memberIds.entries()) {
    const energyWh = 20_000 + ((i * 7919) % 60_000);
    lines.push({ lineId: lineId++, periodId, memberId, code: 'energy', counterparty: 'cooperative-energy', currency: 'KES', amount: -Math.round(energyWh * 0.25), quantityWh: energyWh, sources: `tariff:1;intervals:${periodId}` });
    if (i % 3 !== 2) {
      const soldWh = 30_000 + ((i * 104_729) % 90_000);
      lines.push({ lineId: lineId++, periodId, memberId, code: 'p2p-sale', counterparty: `member:${memberIds[(i + 1) % memberIds.length]}`, currency: 'KES', amount: Math.round(soldWh * 0.3), quantityWh: soldWh, sources: `agreement:${i + 1}@1;intervals:${periodId}` });
    }
  }
  return lines;
}

export function mirrorInput(periodId: number, memberIds: readonly number[]): SettlementMirrorInput {
  const lines = periodLines(periodId, memberIds);
  return { periodId, lines, movements: netCreditMovements(lines) };
}
