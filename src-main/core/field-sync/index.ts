// Field sync, composed: one enrolment, packs, reports and conflicts over the console's database,
// with the sync key store in `<data folder>/field-sync/keys`.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { EvidenceAnchorSink } from '../meters/anchor-sink.js';
import type { TrustStoreRepo } from '../meters/trust-store-repo.js';
import { FieldSyncConflicts } from './conflicts.js';
import { FieldSyncEnrolment } from './enrolment.js';
import { FieldPacks } from './field-packs.js';
import { FieldReports } from './field-reports.js';
import { SyncKeyStore } from './sync-keys.js';
import { FieldLanSync } from './lan-sync.js';

export interface FieldSync {
  readonly enrolment: FieldSyncEnrolment;
  readonly packs: FieldPacks;
  readonly reports: FieldReports;
  readonly conflicts: FieldSyncConflicts;
  /** Pairing and syncs over the LAN (the same packs and reports). */
  readonly lan: FieldLanSync;
}

export function buildFieldSync(deps: { db: Database; audit: AuditRepo; trust: TrustStoreRepo; anchors: EvidenceAnchorSink; dataDir: string; now: () => string }): FieldSync {
  const keys = new SyncKeyStore(join(deps.dataDir, 'field-sync', 'keys'));
  const enrolment = new FieldSyncEnrolment({ db: deps.db, audit: deps.audit, keys, now: deps.now });
  const packs = new FieldPacks({ ...deps, keys, enrolment });
  const reports = new FieldReports({ ...deps, keys, enrolment });
  return {
    enrolment,
    packs,
    reports,
    conflicts: new FieldSyncConflicts(deps),
    lan: new FieldLanSync({ db: deps.db, audit: deps.audit, keys, enrolment, packs, reports, now: deps.now }),
  };
}

export { FieldSyncRefusal, type FieldSyncRefusalCode } from './sync-errors.js';
