// The journal's integrity check: Σ debits = Σ credits overall and per entry (each with ≥ 2 lines),
// and every cached balance equals the sum of its account's lines. Sums are taken as BigInt so a
// huge journal cannot overflow into a false "ok".
import type { Database } from 'better-sqlite3';
import { accountRefOf } from './journal-repo.js';
import type { AccountKind, JournalIntegrityReport } from './types.js';

const LISTED = 50;

export function checkJournalIntegrity(db: Database, now: () => Date = () => new Date()): JournalIntegrityReport {
  const read = db.transaction(() => {
    const totals = db
      .prepare(`SELECT COUNT(*) AS lines, IFNULL(SUM(debit), 0) AS debits, IFNULL(SUM(credit), 0) AS credits FROM journal_lines`)
      .safeIntegers(true)
      .get() as { lines: bigint; debits: bigint; credits: bigint };
    const entryCount = (db.prepare(`SELECT COUNT(*) AS n FROM journal_entries`).get() as { n: number }).n;
    const accountCount = (db.prepare(`SELECT COUNT(*) AS n FROM journal_accounts`).get() as { n: number }).n;
    const unbalanced = db
      .prepare(
        `SELECT e.id AS entryId, IFNULL(SUM(l.debit), 0) AS debits, IFNULL(SUM(l.credit), 0) AS credits, COUNT(l.id) AS lineCount
         FROM journal_entries e LEFT JOIN journal_lines l ON l.entry_id = e.id
         GROUP BY e.id HAVING IFNULL(SUM(l.debit), 0) <> IFNULL(SUM(l.credit), 0) OR COUNT(l.id) < 2
         ORDER BY e.id LIMIT ${LISTED}`,
      )
      .all() as JournalIntegrityReport['unbalancedEntries'];
    // Accounts with lines but no cached row, cached rows without lines, and cached ≠ derived.
    const mismatches = db
      .prepare(
        `WITH derived AS (
           SELECT account_id, SUM(debit) AS debits, SUM(credit) AS credits, COUNT(*) AS lines FROM journal_lines GROUP BY account_id)
         SELECT a.id AS accountId, a.kind, a.member_id,
                IFNULL(b.debit_total, 0) AS cachedDebits, IFNULL(b.credit_total, 0) AS cachedCredits,
                IFNULL(d.debits, 0) AS derivedDebits, IFNULL(d.credits, 0) AS derivedCredits
         FROM journal_accounts a
         LEFT JOIN journal_balances b ON b.account_id = a.id
         LEFT JOIN derived d ON d.account_id = a.id
         WHERE IFNULL(b.debit_total, 0) <> IFNULL(d.debits, 0) OR IFNULL(b.credit_total, 0) <> IFNULL(d.credits, 0)
            OR IFNULL(b.line_count, 0) <> IFNULL(d.lines, 0)
         ORDER BY a.id LIMIT ${LISTED}`,
      )
      .all() as {
      accountId: number;
      kind: AccountKind;
      member_id: number | null;
      cachedDebits: number;
      cachedCredits: number;
      derivedDebits: number;
      derivedCredits: number;
    }[];
    const orphanBalances = (db
      .prepare(`SELECT COUNT(*) AS n FROM journal_balances b WHERE NOT EXISTS (SELECT 1 FROM journal_accounts a WHERE a.id = b.account_id)`)
      .get() as { n: number }).n;
    return { totals, entryCount, accountCount, unbalanced, mismatches, orphanBalances };
  });
  const { totals, entryCount, accountCount, unbalanced, mismatches, orphanBalances } = read.deferred();
  const balanceMismatches = mismatches.map(({ kind, member_id, ...rest }) => ({ ...rest, account: accountRefOf({ kind, member_id }) }));
  return {
    ok: totals.debits === totals.credits && unbalanced.length === 0 && balanceMismatches.length === 0 && orphanBalances === 0,
    checkedAt: now().toISOString(),
    entryCount,
    lineCount: Number(totals.lines),
    accountCount,
    totalDebits: Number(totals.debits),
    totalCredits: Number(totals.credits),
    unbalancedEntries: unbalanced,
    balanceMismatches,
  };
}
