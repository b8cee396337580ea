// Field sync over the LAN: pairing (once) and syncs (each time), on both sides.
// Office: accepts pairings and syncs only while its operator has opened a window (which also holds
// the sync key passphrase in memory, to sign the packs it answers with); a pairing counts only once
// its operator confirmed the code; each exchange must carry the pairing key's MAC, come from an
// enrolled laptop that is not revoked, and then goes through the same report import and pack export
// as files do. Laptop: pairs with an address, confirms the code, and syncs.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AuditRepo } from '../audit/audit-repo.js';
import type { LanExchangeView, LanPairBeginView, LanPairingState, LanPairingView, LanStatusView, LanSyncResultView, LanSyncStage } from '../../contract/field-sync-lan.js';
import type { FieldSyncEnrolment } from './enrolment.js';
import type { FieldPacks } from './field-packs.js';
import type { FieldReports } from './field-reports.js';
import { commitmentMatches, commitmentOf, derivePairing, macMatches, newEphemeralKey, newNonce, packPassphraseOf, sha256Of, syncMac, type EphemeralKey } from './lan-pairing.js';
import { callOffice } from './lan-client.js';
import { FieldSyncRefusal } from './sync-errors.js';
import type { SyncKeyStore } from './sync-keys.js';

const PENDING_MAX = 16;
const PENDING_TTL_MS = 5 * 60_000;

export interface FieldLanSyncDeps {
  readonly db: Database;
  readonly audit: AuditRepo;
  readonly keys: SyncKeyStore;
  readonly enrolment: FieldSyncEnrolment;
  readonly packs: FieldPacks;
  readonly reports: FieldReports;
  readonly now: () => string;
  readonly nowMs?: () => number;
}

interface OpenPairing { consoleId: string; commitment: Uint8Array; office: EphemeralKey; openedAt: number }
interface PairingRow { console_id: string; pairing_id: string; office_url: string | null; sync_key: Buffer; code: string; state: LanPairingState; created_at: string; decided_at: string | null }

export class FieldLanSync {
  #window: { passphrase: string; untilMs: number } | null = null;
  readonly #open = new Map<string, OpenPairing>();
  readonly #nowMs: () => number;

  constructor(private readonly deps: FieldLanSyncDeps) {
    this.#nowMs = deps.nowMs ?? Date.now;
  }

  status(): LanStatusView {
    const me = this.deps.enrolment.identity();
    const open = this.#acceptingPassphrase() !== null && this.#window !== null;
    return { role: me?.role ?? null, acceptingUntil: open && this.#window ? new Date(this.#window.untilMs).toISOString() : null, pairings: this.#rows().map((r) => this.#view(r)) };
  }

  // ── Office ──────────────────────────────────────────────────────────────────────────────────

  /** Opens the window after checking the passphrase really unlocks the office's sync key. */
  async accept(keyPassphrase: string, minutes: number, operatorId: number | null): Promise<LanStatusView> {
    const office = this.#office();
    await this.deps.keys.sign(office.keyAddress, keyPassphrase, new TextEncoder().encode('coop-field-sync-lan-window'));
    this.#window = { passphrase: keyPassphrase, untilMs: this.#nowMs() + minutes * 60_000 };
    this.deps.audit.record({ operatorId, action: 'field-sync.lan-open', entity: 'field_sync_identity', entityId: office.consoleId, summary: `Accepting network syncs for ${minutes} minutes`, summaryCode: 'fieldSync.lanOpened', summaryParams: { minutes } });
    return this.status();
  }

  stop(operatorId: number | null): LanStatusView {
    if (this.#window !== null) this.deps.audit.record({ operatorId, action: 'field-sync.lan-close', entity: 'field_sync_identity', entityId: 'office', summary: 'Stopped accepting network syncs', summaryCode: 'fieldSync.lanClosed', summaryParams: {} });
    this.#window = null;
    this.#open.clear();
    return this.status();
  }

  pairBegin(consoleId: string, commitment: Uint8Array): LanPairBeginView {
    const office = this.#office();
    this.#requireWindow();
    this.#activeLaptop(consoleId);
    const now = this.#nowMs();
    for (const [id, p] of this.#open) if (now - p.openedAt > PENDING_TTL_MS) this.#open.delete(id);
    if (this.#open.size >= PENDING_MAX) throw new FieldSyncRefusal('LAN_CLOSED', 'Too many pairings are open at the office right now; try again in a few minutes.');
    const pairingId = randomUUID();
    const key = newEphemeralKey();
    this.#open.set(pairingId, { consoleId, commitment, office: key, openedAt: now });
    return { pairingId, officePublicKeyHex: Buffer.from(key.publicKey).toString('hex'), officeLabel: office.label };
  }

  pairReveal(pairingId: string, laptopPublicKey: Uint8Array, nonce: Uint8Array): { received: true } {
    const office = this.#office();
    this.#requireWindow();
    const open = this.#open.get(pairingId);
    this.#open.delete(pairingId);
    if (!open) throw new FieldSyncRefusal('LAN_CODE', 'This pairing is unknown or expired at the office: start the pairing again on the laptop.');
    if (!commitmentMatches(open.commitment, laptopPublicKey, nonce)) throw new FieldSyncRefusal('LAN_CODE', 'The laptop’s key does not match what it announced: the pairing is refused. Start it again.');
    const secret = derivePairing(open.office.secretKey, laptopPublicKey, { cooperativeSyncId: office.cooperativeSyncId, consoleId: open.consoleId, laptopPublicKey, officePublicKey: open.office.publicKey });
    this.#store(open.consoleId, pairingId, null, secret.key, secret.code);
    return { received: true };
  }

  /** Office: one laptop's report in, a fresh pack out. Everything is checked before anything is booked. */
  async exchange(input: { consoleId: string; nonce: Uint8Array; report: Uint8Array; mac: Uint8Array }, operatorId: number | null): Promise<LanExchangeView> {
    this.#office();
    const passphrase = this.#requireWindow();
    const laptop = this.#activeLaptop(input.consoleId);
    const row = this.#row(input.consoleId);
    if (!row || row.state !== 'confirmed') {
      throw new FieldSyncRefusal('LAN_NOT_PAIRED', `Laptop "${laptop.label}" is not paired with this office${row?.state === 'pending' ? ' yet: confirm the code on the office screen' : ': pair it first (Sync → Sync over the network)'}. Nothing was imported.`);
    }
    const expected = syncMac(row.sync_key, 'exchange', [input.consoleId, input.nonce, sha256Of(input.report)]);
    if (!macMatches(expected, input.mac)) throw new FieldSyncRefusal('LAN_CODE', `This sync does not carry the pairing key of "${laptop.label}": it was refused. Pair the laptop again.`);
    const imported = await this.deps.reports.importReport(input.report, operatorId);
    if (imported.consoleId !== input.consoleId) throw new FieldSyncRefusal('LAN_CODE', 'The report was written by another laptop than the one that sent it; nothing more was done.');
    const pack = await this.deps.packs.exportPack({ consoleId: input.consoleId, passphrase: packPassphraseOf(row.sync_key), keyPassphrase: passphrase, operatorUsernames: [] }, operatorId);
    return {
      report: { sequence: imported.sequence, repeat: imported.repeat, counts: { ...imported.added } },
      packBase64: Buffer.from(pack.file).toString('base64'), packSequence: pack.sequence,
      macHex: Buffer.from(syncMac(row.sync_key, 'pack', [input.nonce, sha256Of(pack.file)])).toString('hex'),
    };
  }

  // ── Both sides ──────────────────────────────────────────────────────────────────────────────

  /** The operator compared the codes: the pairing is kept (confirmed) or refused. Audited. */
  confirm(consoleId: string, matches: boolean, operatorId: number | null): LanPairingView {
    const row = this.#row(consoleId);
    if (!row || row.state !== 'pending') throw new FieldSyncRefusal('LAN_NOT_PAIRED', 'No pairing is waiting for a confirmation here; start the pairing again on the laptop.');
    const state: LanPairingState = matches ? 'confirmed' : 'rejected';
    this.deps.db.transaction(() => {
      this.deps.db.prepare('UPDATE field_lan_pairings SET state = ?, decided_at = ?, decided_by = ? WHERE console_id = ?').run(state, this.deps.now(), operatorId, consoleId);
      this.deps.audit.record({ operatorId, action: matches ? 'field-sync.lan-paired' : 'field-sync.lan-pairing-refused', entity: 'field_console', entityId: consoleId, summary: matches ? `Paired "${this.#label(consoleId)}" for network sync` : `Refused the pairing of "${this.#label(consoleId)}": the codes differ`, summaryCode: matches ? 'fieldSync.lanPaired' : 'fieldSync.lanPairingRefused', summaryParams: { label: this.#label(consoleId) } });
    })();
    return this.#view(this.#row(consoleId) ?? row);
  }

  // ── Laptop ──────────────────────────────────────────────────────────────────────────────────

  async pair(officeUrl: string, operatorId: number | null): Promise<LanPairingView> {
    const me = this.#laptop();
    const own = newEphemeralKey();
    const nonce = newNonce();
    const begun = await callOffice(officeUrl, 'fieldSync.lan.pairBegin', { consoleId: me.consoleId, commitmentHex: hex(commitmentOf(own.publicKey, nonce)) });
    const officePublicKey = Buffer.from(begun.officePublicKeyHex, 'hex');
    await callOffice(officeUrl, 'fieldSync.lan.pairReveal', { pairingId: begun.pairingId, laptopPublicKeyHex: hex(own.publicKey), nonceHex: hex(nonce) });
    const secret = derivePairing(own.secretKey, officePublicKey, { cooperativeSyncId: me.cooperativeSyncId, consoleId: me.consoleId, laptopPublicKey: own.publicKey, officePublicKey });
    this.#store(me.consoleId, begun.pairingId, officeUrl, secret.key, secret.code);
    this.deps.audit.record({ operatorId, action: 'field-sync.lan-pairing', entity: 'field_sync_identity', entityId: me.consoleId, summary: `Pairing with the office at ${officeUrl}`, summaryCode: 'fieldSync.lanPairingStarted', summaryParams: { address: officeUrl } });
    return this.#view(this.#row(me.consoleId) as PairingRow);
  }

  async sync(keyPassphrase: string, operatorId: number | null, progress: (stage: LanSyncStage, done: number) => void): Promise<LanSyncResultView> {
    const me = this.#laptop();
    const row = this.#row(me.consoleId);
    if (!row || row.state !== 'confirmed' || row.office_url === null) throw new FieldSyncRefusal('LAN_NOT_PAIRED', 'This laptop is not paired with its office yet: pair it (type the office’s address, compare the codes on both screens) before syncing over the network.');
    progress('writing-report', 0);
    const report = await this.deps.reports.exportReport(keyPassphrase, operatorId);
    const nonce = newNonce();
    progress('sending', 1);
    const answer = await callOffice(row.office_url, 'fieldSync.lan.exchange', {
      consoleId: me.consoleId, nonceHex: hex(nonce), reportBase64: Buffer.from(report.file).toString('base64'),
      macHex: hex(syncMac(row.sync_key, 'exchange', [me.consoleId, nonce, sha256Of(report.file)])),
    });
    progress('office-checked', 2);
    const pack = new Uint8Array(Buffer.from(answer.packBase64, 'base64'));
    if (!macMatches(syncMac(row.sync_key, 'pack', [nonce, sha256Of(pack)]), Buffer.from(answer.macHex, 'hex'))) {
      throw new FieldSyncRefusal('LAN_CODE', 'The answer does not carry this laptop’s pairing key: it did not come from the paired office. Nothing was imported here; pair again.');
    }
    progress('reading-pack', 3);
    const imported = this.deps.packs.importPack(pack, packPassphraseOf(row.sync_key), operatorId);
    progress('done', 4);
    return { report: answer.report, pack: { sequence: imported.sequence, repeat: imported.repeat, counts: { ...imported.summary } } };
  }

  // ── Inside ──────────────────────────────────────────────────────────────────────────────────

  #store(consoleId: string, pairingId: string, officeUrl: string | null, key: Uint8Array, code: string): void {
    this.deps.db.prepare(
      `INSERT INTO field_lan_pairings (console_id, pairing_id, office_url, sync_key, code, state, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)
       ON CONFLICT(console_id) DO UPDATE SET pairing_id = excluded.pairing_id, office_url = excluded.office_url, sync_key = excluded.sync_key, code = excluded.code,
         state = 'pending', created_at = excluded.created_at, decided_at = NULL, decided_by = NULL`,
    ).run(consoleId, pairingId, officeUrl, Buffer.from(key), code, this.deps.now());
  }

  #row(consoleId: string): PairingRow | undefined {
    return this.deps.db.prepare('SELECT * FROM field_lan_pairings WHERE console_id = ?').get(consoleId) as PairingRow | undefined;
  }

  #rows(): PairingRow[] {
    return this.deps.db.prepare('SELECT * FROM field_lan_pairings ORDER BY created_at DESC').all() as PairingRow[];
  }

  #label(consoleId: string): string {
    const me = this.deps.enrolment.identity();
    if (me?.role === 'field') return me.label;
    return this.deps.enrolment.fieldConsole(consoleId)?.label ?? consoleId;
  }

  #view(row: PairingRow): LanPairingView {
    const revoked = this.deps.enrolment.identity()?.role === 'office' && this.deps.enrolment.fieldConsole(row.console_id)?.revokedAt != null;
    const state = revoked ? 'revoked' : row.state;
    return { consoleId: row.console_id, label: this.#label(row.console_id), state, code: state === 'pending' ? row.code : null, officeUrl: row.office_url, createdAt: row.created_at, decidedAt: row.decided_at };
  }

  #office() {
    const me = this.deps.enrolment.identity();
    if (!me || me.role !== 'office') throw new FieldSyncRefusal('NOT_ENROLLED', 'This console is not set up as the office for field sync: network sync goes to the office console.');
    return me;
  }

  #laptop() {
    const me = this.deps.enrolment.identity();
    if (!me || me.role !== 'field') throw new FieldSyncRefusal('NOT_ENROLLED', 'This laptop is not enrolled by an office yet: import the enrolment file the office made for it.');
    return me;
  }

  #acceptingPassphrase(): string | null {
    if (this.#window !== null && this.#window.untilMs <= this.#nowMs()) this.#window = null;
    return this.#window?.passphrase ?? null;
  }

  #requireWindow(): string {
    const passphrase = this.#acceptingPassphrase();
    if (passphrase === null) throw new FieldSyncRefusal('LAN_CLOSED', 'The office is not accepting network syncs right now: on the office console, open Settings → Field consoles and choose “Accept network syncs”.');
    return passphrase;
  }

  /** An enrolled laptop that is not revoked, or a clear refusal. */
  #activeLaptop(consoleId: string) {
    const laptop = this.deps.enrolment.fieldConsole(consoleId);
    if (!laptop) throw new FieldSyncRefusal('LAN_NOT_PAIRED', `No laptop "${consoleId}" is enrolled at this office: enrol it first (Settings → Field consoles).`);
    if (laptop.revokedAt !== null) throw new FieldSyncRefusal('BUNDLE_SENDER_REVOKED', `Laptop "${laptop.label}" was revoked on ${laptop.revokedAt}: the office no longer syncs with it.`);
    return laptop;
  }
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
