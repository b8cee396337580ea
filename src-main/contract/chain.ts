// The Ledger: the cooperative's chain as the console sees it — node and connection, keystore,
// cooperative accounts, transactions, the outbox, anchors and the endpoint setting.
// Amounts cross the boundary as decimal strings of minor units (JSON has no bigint).
// No result here ever carries a secret: passphrases go in, only addresses and encrypted JSON come out.
import { z } from 'zod';
import { ADMIN_ONLY, defineChannel, STAFF } from './define.js';
import { Id, NoInput, RequiredText } from './common.js';
import { because } from './issues.js';

export const CHAIN_MODES = ['embedded', 'external', 'off'] as const;
export type ChainMode = (typeof CHAIN_MODES)[number];
export const CHAIN_CONNECTION_STATES = ['idle', 'connecting', 'ready', 'disconnected', 'error'] as const;
export type ChainConnectionState = (typeof CHAIN_CONNECTION_STATES)[number];
export const CHAIN_NODE_STATES = ['stopped', 'starting', 'running', 'restarting', 'stopping', 'failed'] as const;
export type ChainNodeState = (typeof CHAIN_NODE_STATES)[number];
export const OUTBOX_STATUSES = ['pending', 'signed', 'broadcast', 'in_block', 'finalized', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const TX_STATUSES = ['queued', 'broadcast', 'inBlock', 'finalized', 'failed', 'dropped'] as const;
export type TxStatusKind = (typeof TX_STATUSES)[number];

export interface ChainNodeView {
  readonly state: ChainNodeState;
  readonly endpoint: string | null;
  readonly restarts: number;
  readonly lastError: string | null;
}

export interface ChainConnectionView {
  readonly state: ChainConnectionState;
  readonly endpoint: string | null;
  readonly error: string | null;
  readonly since: string;
  readonly chain: string | null;
  readonly specName: string | null;
  readonly specVersion: number | null;
  readonly tokenSymbol: string | null;
  readonly tokenDecimals: number | null;
}

export interface ChainHeadView {
  readonly number: number;
  readonly hash: string;
}

export interface ChainAssetClassView {
  readonly assetId: number;
  readonly name: string;
  readonly symbol: string;
  readonly decimals: number;
}

export interface ChainSetupView {
  readonly treasury: string;
  readonly issuer: string;
  readonly energyCredit: ChainAssetClassView;
  readonly greenToken: ChainAssetClassView;
  readonly collections: { readonly equipment: number; readonly agreements: number };
}

/** The automatic (or manual) set-up of the cooperative on chain. */
export interface ChainBootstrapView {
  readonly state: 'idle' | 'waiting' | 'running' | 'done' | 'failed';
  /** What it is doing now, e.g. 'preparing' or 'sending:inBlock'; null when idle. */
  readonly step: string | null;
  /** What the last run changed (empty when everything was in place already). */
  readonly actions: readonly string[];
  readonly error: string | null;
  readonly finishedAt: string | null;
}

/** Where the chain choice came from: the built-in default, Settings, or this run's launch (COOP_CHAIN / --chain). */
export type ChainChoiceSource = 'default' | 'settings' | 'launch';

export interface ChainChoiceView {
  readonly mode: ChainMode;
  readonly endpoint: string | null;
  readonly source: ChainChoiceSource;
}

export interface ChainStatusView {
  readonly choice: ChainChoiceView;
  readonly node: ChainNodeView | null;
  readonly connection: ChainConnectionView | null;
  readonly head: ChainHeadView | null;
  readonly keystore: { readonly initialized: boolean; readonly unlocked: boolean };
  readonly outbox: Readonly<Record<OutboxStatus, number>>;
  /** Why the outbox is not sending right now, in words (keystore locked, not connected, …); null when it can send. */
  readonly outboxWaiting: string | null;
  readonly setup: ChainSetupView | null;
  readonly bootstrap: ChainBootstrapView;
  /** Why the runtime could not start (refused endpoint, node failure); null otherwise. */
  readonly startError: string | null;
}

export const CHAIN_KEY_ROLES = ['treasury', 'issuer', 'member', 'operator', 'other'] as const;
export type ChainKeyRole = (typeof CHAIN_KEY_ROLES)[number];

export interface ChainKeyView {
  readonly address: string;
  readonly label: string;
  readonly role: ChainKeyRole;
  readonly createdAt: string;
}

export interface ChainAssetHolding {
  readonly assetId: number;
  readonly name: string;
  readonly symbol: string;
  readonly decimals: number;
  /** Minor units, decimal string. */
  readonly balance: string;
}

export interface ChainAccountView {
  readonly role: 'treasury' | 'issuer';
  readonly label: string;
  readonly address: string;
  /** Native token, minor units as decimal strings. */
  readonly free: string;
  readonly reserved: string;
  readonly tokenSymbol: string;
  readonly tokenDecimals: number;
  readonly assets: readonly ChainAssetHolding[];
}

export interface ChainDecodedError {
  /** `assets.BalanceLow`, `pool.Invalid.Payment`, … */
  readonly name: string;
  readonly docs: string;
}

export interface ChainTxView {
  readonly hash: string;
  /** 'outbox' for rows of the outbox, 'direct' for interactive submissions (set-up, registrar). */
  readonly source: 'outbox' | 'direct';
  readonly ref: string | null;
  readonly kind: string;
  readonly signer: string;
  readonly status: TxStatusKind;
  readonly blockNumber: number | null;
  readonly blockHash: string | null;
  readonly error: ChainDecodedError | null;
  readonly at: string;
}

export type OutboxWaitingFor = 'unlock' | 'connection' | 'signing' | 'inclusion' | 'operator';

export interface OutboxRowView {
  readonly id: number;
  readonly reference: string | null;
  readonly kind: string;
  readonly signer: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nonce: number | null;
  readonly txHash: string | null;
  readonly blockNumber: number | null;
  readonly error: ChainDecodedError | null;
  /** What the row waits for; null when it is finalized. */
  readonly waitingFor: OutboxWaitingFor | null;
  /** When the console looks at it again by itself (ISO-8601); null when settled or waiting on the operator. */
  readonly nextRetryAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface OutboxPage {
  readonly rows: readonly OutboxRowView[];
  readonly counts: Readonly<Record<OutboxStatus, number>>;
  readonly waiting: string | null;
}

export interface AnchorView {
  readonly id: number;
  readonly subject: string;
  readonly root: string;
  readonly leafCount: number;
  readonly outboxId: number;
  readonly status: OutboxStatus;
  readonly blockNumber: number | null;
  readonly blockHash: string | null;
  readonly createdAt: string;
  /** Keys of the records in this anchor (at most the first 20). */
  readonly recordKeys: readonly string[];
}

export interface ProofStepView {
  readonly hash: string;
  readonly side: 'left' | 'right';
}

export interface InclusionProofView {
  readonly version: 1;
  readonly subject: string;
  readonly recordKey: string;
  readonly leafIndex: number;
  readonly leafCount: number;
  readonly steps: readonly ProofStepView[];
  readonly root: string;
  readonly remark: string;
  readonly sender: string;
  readonly blockHash: string;
  readonly blockNumber: number;
  readonly extrinsicIndex: number;
}

export interface AnchorVerdict {
  readonly valid: boolean;
  readonly reason: string | null;
  readonly proof: InclusionProofView;
  /** The record's data as checked (the console's copy, or the data given). */
  readonly data: string;
}

export interface ChainFileExport {
  readonly fileName: string;
  /** Encrypted polkadot-js JSON text; safe to store, useless without its passphrase. */
  readonly json: string;
}

// Shapes checked here; the SS58 checksum and the u128 range are checked by the chain layer behind.
export const Ss58Address = z
  .string()
  .trim()
  .regex(/^[1-9A-HJ-NP-Za-km-z]{46,48}$/, 'Not a chain address (an SS58 address looks like 5Grw…utQY, 46–48 letters and digits)');
export const MinorUnits = z
  .string()
  .trim()
  .regex(/^[0-9]{1,39}$/, 'Write the amount in minor units, digits only (e.g. 1500 for 15.00)')
  .refine((v) => !/^[0-9]+$/.test(v) || BigInt(v) > 0n, because('amountAboveZero', 'The amount must be more than zero'));
const Passphrase = z.string().min(1, 'Enter the passphrase').max(1024, 'At most 1024 characters');
const NewPassphrase = z.string().min(10, 'Choose a passphrase of at least 10 characters').max(1024, 'At most 1024 characters');
const KeyJsonText = z.string().min(2, 'The file is empty').max(5_000_000, 'The file is larger than 5 MB');
const Endpoint = z.string().trim().min(1, 'Required').max(500).regex(/^wss?:\/\/\S+$/, 'Write the endpoint like ws://127.0.0.1:9944 or wss://example.org');
export const AnchorSubject = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'Lowercase letters, digits, "_", "-" or "." (e.g. "notes")');

export const ChainEndpointChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('embedded') }),
  z.object({ mode: z.literal('off') }),
  z.object({ mode: z.literal('external'), endpoint: Endpoint }),
]);

export const chainChannels = {
  'chain.status': defineChannel<ChainStatusView>()({ input: NoInput, access: STAFF, description: 'Node, connection, latest block, keystore, outbox counts and set-up of the chain' }),
  'chain.keystore.initialize': defineChannel<ChainStatusView>()({
    input: z.object({ passphrase: NewPassphrase }),
    access: ADMIN_ONLY,
    description: 'Create the encrypted keystore (first run); it stays unlocked and the set-up starts',
  }),
  'chain.keystore.unlock': defineChannel<ChainStatusView>()({
    input: z.object({ passphrase: Passphrase }),
    access: ADMIN_ONLY,
    description: 'Unlock the keystore for this session; the outbox sends what waited and the set-up runs',
  }),
  'chain.keystore.lock': defineChannel<ChainStatusView>()({ input: NoInput, access: STAFF, description: 'Wipe the keys from memory; nothing is signed until unlocked again' }),
  'chain.keystore.keys': defineChannel<readonly ChainKeyView[]>()({ input: NoInput, access: STAFF, description: 'The keys in the keystore (addresses and names, never secrets)' }),
  'chain.keystore.backup': defineChannel<ChainFileExport>()({
    input: z.object({ passphrase: NewPassphrase }),
    access: ADMIN_ONLY,
    description: 'Every key in one encrypted file (polkadot-js batch format), protected by a backup passphrase',
  }),
  'chain.keystore.restore': defineChannel<readonly ChainKeyView[]>()({
    input: z.object({ json: KeyJsonText, passphrase: Passphrase }),
    access: ADMIN_ONLY,
    description: 'Add the keys of a keystore backup; returns the keys added',
  }),
  'chain.keystore.exportKey': defineChannel<ChainFileExport>()({
    input: z.object({ address: Ss58Address, passphrase: NewPassphrase }),
    access: ADMIN_ONLY,
    description: 'One key as polkadot-js JSON, encrypted with an export passphrase',
  }),
  'chain.keystore.importKey': defineChannel<ChainKeyView>()({
    input: z.object({ json: KeyJsonText, passphrase: Passphrase, role: z.enum(CHAIN_KEY_ROLES).default('other') }),
    access: ADMIN_ONLY,
    description: 'Add one polkadot-js key JSON (with the passphrase it was exported with)',
  }),
  'chain.bootstrap': defineChannel<ChainStatusView>()({ input: NoInput, access: ADMIN_ONLY, description: 'Run the idempotent set-up of accounts, asset classes and collections now' }),
  'chain.accounts': defineChannel<readonly ChainAccountView[]>()({ input: NoInput, access: STAFF, description: 'The cooperative accounts with native balance and asset holdings' }),
  'chain.transfer': defineChannel<OutboxRowView>()({
    input: z.object({ from: z.enum(['treasury', 'issuer']), to: Ss58Address, asset: z.enum(['native', 'energyCredit', 'greenToken']), amount: MinorUnits }),
    access: ADMIN_ONLY,
    description: 'Queue a transfer (or, from the issuer, a mint of a cooperative asset) through the outbox',
  }),
  'chain.transactions': defineChannel<readonly ChainTxView[]>()({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    access: STAFF,
    description: 'Recent transactions with status, block and decoded errors',
  }),
  'chain.outbox.list': defineChannel<OutboxPage>()({
    input: z.object({ status: z.enum(OUTBOX_STATUSES).nullable().default(null), limit: z.number().int().min(1).max(1000).default(200) }),
    access: STAFF,
    description: 'Outbox rows (newest first) with their retry state, and counts by status',
  }),
  'chain.outbox.retry': defineChannel<OutboxPage>()({
    input: z.object({ id: Id.nullable().default(null) }),
    access: STAFF,
    description: 'Retry now: settle unresolved rows and send what waits; with an id, a failed row is queued again',
  }),
  'chain.anchors.list': defineChannel<readonly AnchorView[]>()({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    access: STAFF,
    description: 'Anchored record sets (newest first) with their on-chain status',
  }),
  'chain.anchors.create': defineChannel<AnchorView>()({
    input: z.object({
      subject: AnchorSubject,
      records: z.array(z.object({ key: RequiredText(200), data: z.string().min(1, 'Required').max(100_000) })).min(1, 'Add at least one record').max(1000),
    }),
    access: STAFF,
    description: 'Anchor a set of records (Merkle root via remarkWithEvent through the outbox)',
  }),
  'chain.anchors.check': defineChannel<AnchorVerdict>()({
    input: z.object({ anchorId: Id, recordKey: RequiredText(200).optional(), data: z.string().max(100_000).optional() }),
    access: STAFF,
    description: "Verify one record of an anchor against the chain (with the console's copy of the record unless data is given)",
  }),
  'chain.anchors.verify': defineChannel<{ readonly valid: boolean; readonly reason: string | null }>()({
    input: z.object({
      proof: z.object({
        version: z.literal(1),
        subject: AnchorSubject,
        recordKey: RequiredText(200),
        leafIndex: z.number().int().min(0),
        leafCount: z.number().int().min(1),
        steps: z.array(z.object({ hash: z.string().regex(/^0x[0-9a-f]{64}$/), side: z.enum(['left', 'right']) })).max(64),
        root: z.string().regex(/^0x[0-9a-f]{64}$/),
        remark: z.string().max(256),
        sender: Ss58Address,
        blockHash: z.string().regex(/^0x[0-9a-f]{64}$/),
        blockNumber: z.number().int().min(0),
        extrinsicIndex: z.number().int().min(0),
      }),
      data: z.string().max(100_000),
    }),
    access: STAFF,
    description: 'Verify a self-contained inclusion proof (e.g. from a statement) and the record against the chain',
  }),
  'chain.settings.get': defineChannel<ChainChoiceView & { readonly saved: ChainChoiceView | null; readonly launchOverride: boolean }>()({
    input: NoInput,
    access: STAFF,
    description: 'Which chain the console uses, what Settings hold, and whether this run was launched with another choice',
  }),
  'chain.settings.setEndpoint': defineChannel<ChainStatusView>()({
    input: ChainEndpointChoice,
    access: ADMIN_ONLY,
    description: 'Use the embedded node, an external endpoint (checked for the pallets the console needs first) or no chain; restarts the chain runtime',
  }),
} as const;
