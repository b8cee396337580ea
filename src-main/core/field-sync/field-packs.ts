// Office → field packs: the office writes one for a laptop, the laptop imports it.
// Export: items read in one snapshot, sealed (signed with the office's sync key, encrypted with the
// pack passphrase), the office's pack counter and the laptop's "last pack" written with an audit row.
// Import: the whole pack is verified before anything is written, then applied in ONE transaction
// together with the new last-pack sequence, so a kill -9 leaves either the old copy or the new one.
// The same pack again is a no-op (repeat); an older one is refused as stale.
import type { Database } from 'better-sqlite3';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { TrustStoreRepo } from '../meters/trust-store-repo.js';
import { openBundle, sealBundleAsync } from './bundle.js';
import type { FieldSyncEnrolment } from './enrolment.js';
import { applyPackItems, buildPackItems, type PackSummary } from './pack-contents.js';
import { FieldSyncRefusal } from './sync-errors.js';
import type { SyncKeyStore } from './sync-keys.js';

export interface FieldPacksDeps {
  readonly db: Database;
  readonly audit: AuditRepo;
  readonly trust: TrustStoreRepo;
  readonly keys: SyncKeyStore;
  readonly enrolment: FieldSyncEnrolment;
  readonly now: () => string;
}

export interface PackExportInput {
  readonly consoleId: string;
  readonly passphrase: string;
  readonly keyPassphrase: string;
  readonly operatorUsernames: readonly string[];
}

export interface PackImportResult {
  readonly sequence: number;
  readonly repeat: boolean;
  readonly summary: PackSummary;
}

export class FieldPacks {
  constructor(private readonly deps: FieldPacksDeps) {}

  /** Office: writes the pack for one enrolled, not revoked laptop. */
  async exportPack(input: PackExportInput, operatorId: number | null): Promise<{ file: Uint8Array; sequence: number; summary: PackSummary }> {
    const { db, enrolment } = this.deps;
    const office = enrolment.identity();
    if (!office || office.role !== 'office') throw new FieldSyncRefusal('NOT_ENROLLED', 'This console is not set up as the office for field sync yet.');
    const target = enrolment.fieldConsole(input.consoleId);
    if (!target) throw new FieldSyncRefusal('NOT_ENROLLED', `No field console "${input.consoleId}" is enrolled here.`);
    if (target.revokedAt !== null) throw new FieldSyncRefusal('BUNDLE_SENDER_REVOKED', `Field console "${target.label}" was revoked on ${target.revokedAt}; no pack is made for it.`);
    const { items: packItems, summary } = db.transaction(() => buildPackItems(db, this.deps.trust, input.operatorUsernames))();
    // The last report of this laptop booked here: edits it carried may now be overwritten there.
    const items = [...packItems, { type: 'acknowledged', key: 'acknowledged', content: { reportSequence: target.lastReportSequence } }];
    const sequence = office.lastPackSequence + 1;
    const createdAt = this.deps.now();
    const file = await sealBundleAsync(
      { kind: 'pack', cooperativeId: office.cooperativeSyncId, senderId: office.consoleId, sequence, createdAt, items, passphrase: input.passphrase },
      (message) => this.deps.keys.sign(office.keyAddress, input.keyPassphrase, message),
    );
    db.transaction(() => {
      // MAX keeps the counter monotonic if two exports raced while the key was being unlocked.
      db.prepare('UPDATE field_sync_identity SET last_pack_sequence = MAX(last_pack_sequence, ?) WHERE id = 1').run(sequence);
      db.prepare('UPDATE field_consoles SET last_pack_sequence = ?, last_pack_at = ? WHERE console_id = ?').run(sequence, createdAt, input.consoleId);
      this.deps.audit.record({ operatorId, action: 'field-sync.pack-export', entity: 'field_console', entityId: input.consoleId, summary: `Field pack ${sequence} for "${target.label}"`, summaryCode: 'fieldSync.packExported', summaryParams: { sequence, label: target.label }, after: summary });
    })();
    return { file, sequence, summary };
  }

  /** Field: verifies and applies a pack from this laptop's office. */
  importPack(file: Uint8Array, passphrase: string, operatorId: number | null): PackImportResult {
    const { db, enrolment } = this.deps;
    const me = enrolment.identity();
    if (!me || me.role !== 'field') throw new FieldSyncRefusal('NOT_ENROLLED', 'This laptop is not enrolled by an office yet: import the enrolment file the office made for it.');
    const opened = openBundle(file, {
      expectedKind: 'pack', cooperativeId: me.cooperativeSyncId, passphrase,
      resolveSender: (id) => enrolment.packSender(id),
      lastSequence: () => me.lastPackSequence,
    });
    const types = new Set(opened.items.map((i) => i.type));
    const summaryOf = (): PackSummary => ({
      sites: count(opened.items, 'site'), members: count(opened.items, 'member'), equipment: count(opened.items, 'equipment'),
      operators: count(opened.items, 'operator'), openWork: count(opened.items, 'open-work'), trustAnchors: 0,
    });
    if (opened.repeat) return { sequence: opened.sequence, repeat: true, summary: summaryOf() };
    if (!types.has('trust-store')) throw new FieldSyncRefusal('BUNDLE_DAMAGED', 'This pack carries no trust store; it was not made by an office console. Nothing was imported.');
    const summary = db.transaction(() => {
      // Re-read inside the transaction: another import may have finished meanwhile.
      const current = db.prepare('SELECT last_pack_sequence AS last FROM field_sync_identity WHERE id = 1').get() as { last: number };
      if (current.last >= opened.sequence) return null;
      const applied = applyPackItems(db, this.deps.trust, opened.items, opened.sequence, this.deps.now());
      db.prepare('UPDATE field_sync_identity SET last_pack_sequence = ? WHERE id = 1').run(opened.sequence);
      this.deps.audit.record({ operatorId, action: 'field-sync.pack-import', entity: 'field_sync_identity', entityId: me.consoleId, summary: `Imported field pack ${opened.sequence} from "${me.office?.label ?? 'office'}"`, summaryCode: 'fieldSync.packImported', summaryParams: { sequence: opened.sequence, label: me.office?.label ?? '' }, after: applied });
      return applied;
    })();
    return summary === null ? { sequence: opened.sequence, repeat: true, summary: summaryOf() } : { sequence: opened.sequence, repeat: false, summary };
  }
}

function count(items: readonly { type: string }[], type: string): number {
  return items.filter((i) => i.type === type).length;
}
