// Field sync over the LAN (issue 13): the office pairs a laptop once with a 6-digit code shown on
// both screens, then the laptop syncs over the office's HTTP carrier (`serve --allow-lan`): its
// report goes in, the office's pack comes back — the same bundles and checks as files. The three
// 'public' channels are what the laptop's console calls at the office: they need no session, only
// an enrolled, paired, not revoked laptop (each call is checked with the pairing key).
import { z } from 'zod';
import { ADMIN_ONLY, defineChannel, FIELD_AND_STAFF } from './define.js';
import { NoInput, RequiredText } from './common.js';
import type { SyncImportView } from './field-sync.js';

const Hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `Expected ${bytes} bytes as hex`);
const FileBase64 = z.string().min(4, 'The file is empty').max(16 * 1024 * 1024, 'The report is larger than 12 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file is not base64');

export type LanPairingState = 'pending' | 'confirmed' | 'rejected' | 'revoked';

export interface LanPairingView {
  readonly consoleId: string;
  readonly label: string;
  readonly state: LanPairingState;
  /** The code to compare, while the pairing waits for a confirmation. */
  readonly code: string | null;
  /** Laptop: the office's address. */
  readonly officeUrl: string | null;
  readonly createdAt: string;
  readonly decidedAt: string | null;
}

export interface LanStatusView {
  readonly role: 'office' | 'field' | null;
  /** Office: accepting network syncs until this time (null: not accepting). */
  readonly acceptingUntil: string | null;
  readonly pairings: readonly LanPairingView[];
}

export interface LanSyncResultView {
  /** What the office booked from this laptop's report. */
  readonly report: SyncImportView;
  /** What the laptop took from the office's pack. */
  readonly pack: SyncImportView;
}

/** Steps of a network sync, pushed as 'fieldSync.progress' events (the laptop's screen shows them). */
export type LanSyncStage = 'writing-report' | 'sending' | 'office-checked' | 'reading-pack' | 'done';
export interface LanSyncProgress { readonly stage: LanSyncStage; readonly done: number; readonly total: number }

export interface LanPairBeginView { readonly pairingId: string; readonly officePublicKeyHex: string; readonly officeLabel: string }
export interface LanExchangeView {
  readonly report: SyncImportView;
  readonly packBase64: string;
  readonly packSequence: number;
  /** HMAC with the pairing key over the request's nonce and the pack: the pack came from the paired office. */
  readonly macHex: string;
}

export const fieldSyncLanChannels = {
  'fieldSync.lan.status': defineChannel<LanStatusView>()({
    input: NoInput, access: FIELD_AND_STAFF, description: 'Network sync: whether the office accepts syncs, and the laptops paired (or this laptop’s pairing)',
  }),
  'fieldSync.lan.accept': defineChannel<LanStatusView>()({
    input: z.object({ keyPassphrase: z.string().min(1).max(200), minutes: z.number().int().min(5).max(480) }), access: ADMIN_ONLY,
    description: 'Office: accept pairings and network syncs for a while (the sync key passphrase is held in memory until then)',
  }),
  'fieldSync.lan.stop': defineChannel<LanStatusView>()({
    input: NoInput, access: ADMIN_ONLY, description: 'Office: stop accepting network syncs now',
  }),
  'fieldSync.lan.pair': defineChannel<LanPairingView>()({
    input: z.object({ officeUrl: z.string().url('Type the office’s address, e.g. http://192.168.1.10:4870').max(200).refine((u) => /^https?:\/\//.test(u), 'The address starts with http:// or https://') }),
    access: ADMIN_ONLY, description: 'Laptop: start pairing with the office at this address; returns the code to compare',
  }),
  'fieldSync.lan.confirm': defineChannel<LanPairingView>()({
    input: z.object({ consoleId: RequiredText(64), matches: z.boolean() }), access: ADMIN_ONLY,
    description: 'Both sides: the code on the other screen is the same (or not); the pairing is kept or refused',
  }),
  'fieldSync.lan.sync': defineChannel<LanSyncResultView>()({
    input: z.object({ keyPassphrase: z.string().min(1).max(200) }), access: FIELD_AND_STAFF,
    description: 'Laptop: send the field report to the paired office and take its pack back, over the network',
  }),
  'fieldSync.lan.pairBegin': defineChannel<LanPairBeginView>()({
    input: z.object({ consoleId: RequiredText(64), commitmentHex: Hex(32) }), access: 'public',
    description: 'Office, called by a laptop: open a pairing (the laptop commits to its key)',
  }),
  'fieldSync.lan.pairReveal': defineChannel<{ readonly received: true }>()({
    input: z.object({ pairingId: RequiredText(64), laptopPublicKeyHex: Hex(32), nonceHex: Hex(16) }), access: 'public',
    description: 'Office, called by a laptop: the laptop’s key; both sides now show the code',
  }),
  'fieldSync.lan.exchange': defineChannel<LanExchangeView>()({
    input: z.object({ consoleId: RequiredText(64), nonceHex: Hex(16), reportBase64: FileBase64, macHex: Hex(32) }), access: 'public',
    description: 'Office, called by a paired laptop: import its report (same checks as a file) and answer with a fresh pack',
  }),
} as const;
