// The settlement area as the app builds it: the service (runs, lifecycle) and its read models.
import type { Database } from 'better-sqlite3';
import type { EventBus } from '../api/event-bus.js';
import type { AuditRepo } from '../audit/audit-repo.js';
import { SettlementService } from './settlement-service.js';
import { SettlementViews } from './settlement-views.js';
import { enqueueSettlementMirror } from './mirror/index.js';

export interface Settlements {
  readonly service: SettlementService;
  readonly views: SettlementViews;
}

export function buildSettlements(deps: { db: Database; audit: AuditRepo; events: EventBus; now: () => Date; onPosted?: (db: Database, periodId: number) => void }): Settlements {
  const service = new SettlementService({ db: deps.db, audit: deps.audit, now: deps.now, progress: (p) => deps.events.emit('settlements.progress', p), ...(deps.onPosted ? { onPosted: deps.onPosted } : {}) });
  return { service, views: new SettlementViews(deps.db, service) };
}

/**
 * What posting a period does besides its journal entries, inside the posting's transaction (the
 * service's onPosted): the provisional prepaid drawdowns of its days are reversed (the period's
 * exact lines replace them), members' credit paid ahead is applied to the new lines, and its chain mirror (anchor of every statement line, credits in
 * chunked batchAll) is recorded in the outbox — on chain exactly once, or not posted at all — and
 * so are the green tokens' award and mint.
 * The app wires it with billing; the kill -9 trials post through the same hook.
 */
export function settlementPostingHook(deps: {
  readonly releaseDrawdowns: (periodId: number) => unknown;
  /** Credit paid ahead pays the lines just posted (core/payments/README.md). */
  readonly applyCredit?: () => unknown;
  /** Green tokens: the period's award and its mint through the outbox (core/tokens). */
  readonly awardTokens?: (db: Database, periodId: number) => unknown;
}): (db: Database, periodId: number) => void {
  return (db, periodId) => {
    deps.releaseDrawdowns(periodId);
    deps.applyCredit?.();
    enqueueSettlementMirror(db, periodId);
    deps.awardTokens?.(db, periodId);
  };
}

export { SettlementService } from './settlement-service.js';
export { SettlementViews, reportCsv } from './settlement-views.js';

/** End (ISO UTC, exclusive) of the last approved or posted period of a site: tariffs may not start before it. */
export function settledUntil(db: Database, siteId: number): string | null {
  const row = db.prepare(`SELECT MAX(end_interval) AS until FROM settlement_periods WHERE site_id = ? AND status IN ('approved', 'posted')`).get(siteId) as { until: string | null };
  return row.until;
}
