// Enrolment and revocation of field consoles.
// Office: sets up its own sync identity once (cooperative sync id + its signing key), then enrols
// laptops: each gets a console id and a fresh Ed25519 key, handed over in an enrolment file whose
// key is encrypted with an enrolment passphrase. The office keeps only the public key, so a
// revoked laptop's key cannot be reissued or misused from the office.
// Field: accepts one enrolment file: installs its key in its own sync key store and remembers the
// office's identity and public key (the only key its packs are accepted from).
// Every change is written with its audit row in one transaction.
import { randomUUID } from 'node:crypto';
import { hexToU8a } from '@polkadot/util';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { FieldConsoleView } from '../../contract/field-sync.js';
import type { SenderStatus } from './bundle.js';
import { FieldSyncRefusal } from './sync-errors.js';
import { newEncryptedSyncKey, type SyncKeyStore } from './sync-keys.js';

export const ENROLMENT_FORMAT = 'coop-field-enrolment';

const enrolmentFileSchema = z.object({
  format: z.literal(ENROLMENT_FORMAT),
  version: z.literal(1),
  cooperativeSyncId: z.string().min(8).max(64),
  cooperativeName: z.string().min(1).max(120),
  office: z.object({ consoleId: z.string().min(1).max(64), label: z.string().min(1).max(120), publicKeyHex: z.string().regex(/^[0-9a-f]{64}$/) }),
  console: z.object({ consoleId: z.string().min(1).max(64), label: z.string().min(1).max(120) }),
  key: z.unknown(),
});

export interface SyncIdentity {
  readonly role: 'office' | 'field';
  readonly cooperativeSyncId: string;
  readonly consoleId: string;
  readonly label: string;
  readonly keyAddress: string;
  readonly publicKeyHex: string;
  readonly office: { readonly consoleId: string; readonly label: string; readonly publicKeyHex: string } | null;
  readonly lastPackSequence: number;
  readonly lastReportSequence: number;
}

/** The contract's view plus the public key, which stays in the core. */
export type FieldConsoleRecord = Omit<FieldConsoleView, 'openConflicts'> & { readonly publicKeyHex: string };

export interface EnrolmentDeps {
  readonly db: Database;
  readonly audit: AuditRepo;
  readonly keys: SyncKeyStore;
  readonly now: () => string;
}

export class FieldSyncEnrolment {
  constructor(private readonly deps: EnrolmentDeps) {}

  identity(): SyncIdentity | null {
    const row = this.deps.db.prepare('SELECT * FROM field_sync_identity WHERE id = 1').get() as IdentityRow | undefined;
    return row ? identityFrom(row) : null;
  }

  /** Office: creates this console's sync identity and signing key (once). */
  async setUpOffice(input: { label: string; keyPassphrase: string }, operatorId: number | null): Promise<SyncIdentity> {
    if (this.identity()) throw new FieldSyncRefusal('ENROLMENT_INVALID', 'This console is already set up for field sync.');
    const key = await this.deps.keys.create(`${input.label} (office sync key)`, input.keyPassphrase);
    const cooperativeSyncId = randomUUID();
    this.deps.db.transaction(() => {
      this.deps.db.prepare(
        `INSERT INTO field_sync_identity (id, role, cooperative_sync_id, console_id, label, key_address, public_key_hex, created_at)
         VALUES (1, 'office', ?, 'office', ?, ?, ?, ?)`,
      ).run(cooperativeSyncId, input.label, key.address, key.publicKeyHex, this.deps.now());
      this.deps.audit.record({ operatorId, action: 'field-sync.office-set-up', entity: 'field_sync_identity', entityId: 'office', summary: `Set up field sync as office "${input.label}"`, summaryCode: 'fieldSync.officeSetUp', summaryParams: { label: input.label }, after: { cooperativeSyncId, publicKeyHex: key.publicKeyHex } });
    })();
    return this.#requireIdentity('office');
  }

  /** Office: enrols a new field console; returns the enrolment file to carry to the laptop. */
  async enrol(input: { label: string; enrolmentPassphrase: string; cooperativeName: string }, operatorId: number | null): Promise<{ consoleId: string; file: Uint8Array }> {
    const office = this.#requireIdentity('office');
    const label = input.label.trim();
    if (label.length === 0 || label.length > 120) throw new FieldSyncRefusal('ENROLMENT_INVALID', 'Give the laptop a name of 1 to 120 characters (for example "Laptop Awa").');
    if (input.enrolmentPassphrase.length < 10) throw new FieldSyncRefusal('ENROLMENT_INVALID', 'The enrolment passphrase needs at least 10 characters.');
    const consoleId = `field-${randomUUID().slice(0, 8)}`;
    const { json, publicKeyHex } = await newEncryptedSyncKey(`${label} (field sync key)`, input.enrolmentPassphrase);
    this.deps.db.transaction(() => {
      this.deps.db.prepare(
        'INSERT INTO field_consoles (console_id, label, public_key_hex, enrolled_at, enrolled_by) VALUES (?, ?, ?, ?, ?)',
      ).run(consoleId, label, publicKeyHex, this.deps.now(), operatorId);
      this.deps.audit.record({ operatorId, action: 'field-sync.enrol', entity: 'field_console', entityId: consoleId, summary: `Enrolled field console "${label}"`, summaryCode: 'fieldSync.consoleEnrolled', summaryParams: { label }, after: { consoleId, label, publicKeyHex } });
    })();
    const file = {
      format: ENROLMENT_FORMAT, version: 1, cooperativeSyncId: office.cooperativeSyncId, cooperativeName: input.cooperativeName,
      office: { consoleId: office.consoleId, label: office.label, publicKeyHex: office.publicKeyHex }, console: { consoleId, label }, key: json,
    } satisfies z.infer<typeof enrolmentFileSchema>;
    return { consoleId, file: Buffer.from(JSON.stringify(file, null, 2), 'utf8') };
  }

  /** Office: revokes a field console; its reports are refused from now on (its past imports stay). */
  revoke(consoleId: string, reason: string, operatorId: number | null): FieldConsoleRecord {
    const before = this.fieldConsole(consoleId);
    if (!before) throw new FieldSyncRefusal('NOT_ENROLLED', `No field console "${consoleId}" is enrolled here.`);
    if (before.revokedAt !== null) return before;
    this.deps.db.transaction(() => {
      this.deps.db.prepare('UPDATE field_consoles SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE console_id = ?').run(this.deps.now(), operatorId, reason, consoleId);
      this.deps.audit.record({ operatorId, action: 'field-sync.revoke', entity: 'field_console', entityId: consoleId, summary: `Revoked field console "${before.label}": ${reason}`, summaryCode: 'fieldSync.consoleRevoked', summaryParams: { label: before.label, reason }, before });
    })();
    return this.fieldConsole(consoleId) ?? before;
  }

  fieldConsoles(): FieldConsoleRecord[] {
    const rows = this.deps.db.prepare('SELECT * FROM field_consoles ORDER BY id').all() as FieldConsoleRow[];
    return rows.map(consoleFrom);
  }

  fieldConsole(consoleId: string): FieldConsoleRecord | null {
    const row = this.deps.db.prepare('SELECT * FROM field_consoles WHERE console_id = ?').get(consoleId) as FieldConsoleRow | undefined;
    return row ? consoleFrom(row) : null;
  }

  /** Office: what a report's sender id stands for (bundle.openBundle's resolveSender). */
  reportSender(senderId: string): SenderStatus | undefined {
    const found = this.fieldConsole(senderId);
    if (!found) return undefined;
    if (found.revokedAt !== null) return { state: 'revoked', label: found.label, revokedAt: found.revokedAt };
    return { state: 'active', label: found.label, publicKey: hexToU8a(found.publicKeyHex) };
  }

  /** Field: what a pack's sender id stands for: only the office this laptop was enrolled by. */
  packSender(senderId: string): SenderStatus | undefined {
    const office = this.identity()?.office;
    if (!office || office.consoleId !== senderId) return undefined;
    return { state: 'active', label: office.label, publicKey: hexToU8a(office.publicKeyHex) };
  }

  /** Field: accepts the enrolment file made by the office. */
  async acceptEnrolment(file: Uint8Array, enrolmentPassphrase: string, keyPassphrase: string, operatorId: number | null): Promise<SyncIdentity> {
    if (this.identity()) throw new FieldSyncRefusal('ENROLMENT_INVALID', 'This console is already set up for field sync; it cannot be enrolled again.');
    let parsed: z.infer<typeof enrolmentFileSchema>;
    try {
      parsed = enrolmentFileSchema.parse(JSON.parse(Buffer.from(file).toString('utf8')));
    } catch {
      throw new FieldSyncRefusal('ENROLMENT_INVALID', 'This is not an enrolment file made by an office console (or it is damaged). Ask the office to enrol this laptop again.');
    }
    const key = await this.deps.keys.install(parsed.key, enrolmentPassphrase, keyPassphrase);
    this.deps.db.transaction(() => {
      this.deps.db.prepare(
        `INSERT INTO field_sync_identity (id, role, cooperative_sync_id, console_id, label, key_address, public_key_hex, office_console_id, office_label, office_public_key_hex, created_at)
         VALUES (1, 'field', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(parsed.cooperativeSyncId, parsed.console.consoleId, parsed.console.label, key.address, key.publicKeyHex, parsed.office.consoleId, parsed.office.label, parsed.office.publicKeyHex, this.deps.now());
      this.deps.audit.record({ operatorId, action: 'field-sync.enrolled', entity: 'field_sync_identity', entityId: parsed.console.consoleId, summary: `Enrolled as field console "${parsed.console.label}" of ${parsed.cooperativeName}`, summaryCode: 'fieldSync.enrolledAs', summaryParams: { label: parsed.console.label, cooperative: parsed.cooperativeName }, after: { office: parsed.office } });
    })();
    return this.#requireIdentity('field');
  }

  #requireIdentity(role: 'office' | 'field'): SyncIdentity {
    const identity = this.identity();
    if (!identity || identity.role !== role) {
      throw new FieldSyncRefusal('NOT_ENROLLED', role === 'office'
        ? 'This console is not set up as the office for field sync yet: set it up in Settings → Field consoles.'
        : 'This laptop is not enrolled by an office yet: import the enrolment file the office made for it.');
    }
    return identity;
  }
}

interface IdentityRow {
  role: 'office' | 'field'; cooperative_sync_id: string; console_id: string; label: string; key_address: string; public_key_hex: string;
  office_console_id: string | null; office_label: string | null; office_public_key_hex: string | null; last_pack_sequence: number; last_report_sequence: number;
}

interface FieldConsoleRow {
  console_id: string; label: string; public_key_hex: string; enrolled_at: string; revoked_at: string | null; revoke_reason: string | null;
  last_report_sequence: number; last_report_at: string | null; last_pack_sequence: number; last_pack_at: string | null;
}

function identityFrom(row: IdentityRow): SyncIdentity {
  return {
    role: row.role, cooperativeSyncId: row.cooperative_sync_id, consoleId: row.console_id, label: row.label, keyAddress: row.key_address, publicKeyHex: row.public_key_hex,
    office: row.office_console_id !== null && row.office_public_key_hex !== null ? { consoleId: row.office_console_id, label: row.office_label ?? '', publicKeyHex: row.office_public_key_hex } : null,
    lastPackSequence: row.last_pack_sequence, lastReportSequence: row.last_report_sequence,
  };
}

function consoleFrom(row: FieldConsoleRow): FieldConsoleRecord {
  return {
    consoleId: row.console_id, label: row.label, publicKeyHex: row.public_key_hex, enrolledAt: row.enrolled_at, revokedAt: row.revoked_at, revokeReason: row.revoke_reason,
    lastReportSequence: row.last_report_sequence, lastReportAt: row.last_report_at, lastPackSequence: row.last_pack_sequence, lastPackAt: row.last_pack_at,
  };
}
