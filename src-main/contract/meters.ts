// Meters: the field technician's work (find a meter on a serial port, check its attestation,
// provision it, read its signed batches), stock Modbus meters, and the attestation trust store.
// Device work that takes seconds runs as a "provisioning run": start returns an id at once, the
// progress is pushed as 'meters.provisioning' events and can be fetched again after a reload.
import { z } from 'zod';
import { ADMIN_ONLY, defineChannel, FIELD_AND_STAFF } from './define.js';
import { Id, NoInput, RequiredText, ShortText } from './common.js';
import { because } from './issues.js';
import { BaudRate, ModbusMeterFields, PollSeconds, PortPath, type ModbusMeterView, type ModbusSampleView } from './modbus.js';

// Stock Modbus meters have their own contract file; their names stay importable from here.
export * from './modbus.js';

export const METER_STATUSES = ['attested', 'attestation_failed', 'provisioning', 'provisioned', 'retired'] as const;
export type MeterStatus = (typeof METER_STATUSES)[number];
export const PROVISIONING_STEPS = ['find', 'identify', 'attest', 'bind', 'provision', 'first-batch'] as const;
export type ProvisioningStepName = (typeof PROVISIONING_STEPS)[number];
/** The attestation checks, in the order the verifier runs them. */
export const ATTESTATION_CHECKS = ['malformed', 'chain', 'validity', 'revocation', 'signature', 'instance-id', 'profile', 'nonce', 'lifecycle', 'implementation', 'measurement'] as const;
export type AttestationCheckName = (typeof ATTESTATION_CHECKS)[number];
const Hex = (what: string, length?: number) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(length ? new RegExp(`^[0-9a-f]{${length}}$`) : /^([0-9a-f]{2})+$/, length ? `The ${what} is ${length} hexadecimal characters` : `The ${what} is hexadecimal (pairs of 0-9, a-f)`);

export interface SerialPortInfo {
  readonly path: string;
  readonly manufacturer: string | null;
  readonly serialNumber: string | null;
  readonly vendorId: string | null;
  readonly productId: string | null;
  /**
   * system = listed by the OS; scanned = found in sysfs because the OS listing failed;
   * configured = COOP_EXTRA_PORTS; manual = typed by the technician.
   */
  readonly source: 'system' | 'scanned' | 'configured' | 'manual';
  readonly likelyMeter: boolean;
}

/** The ports, and when the OS listing failed, why the list may be incomplete. */
export interface SerialPortListing {
  readonly ports: SerialPortInfo[];
  /**
   * udev-missing: `udevadm` is not installed; system-list-failed: another failure (detail says
   * which); system-list-empty: the system listed nothing but the kernel has ports (broken udev).
   */
  readonly gap: { readonly reason: 'udev-missing' | 'system-list-failed' | 'system-list-empty'; readonly detail: string } | null;
}

export interface AttestationCheck {
  readonly check: AttestationCheckName;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly detail: string;
}

export interface StepState {
  readonly status: 'pending' | 'started' | 'passed' | 'failed';
  readonly detail: string;
}

/** Why a run failed, with the stable codes the UI turns into advice. */
export interface RunError {
  /** MeterServiceError code: LINK, ATTESTATION_FAILED, MEMBER_NOT_FOUND, BATCH_REJECTED, … */
  readonly code: string;
  readonly message: string;
  /** For LINK: TIMEOUT, DISCONNECTED, CRC_MISMATCH, PORT_OPEN_FAILED, … */
  readonly linkCode: string | null;
  readonly failedCheck: AttestationCheckName | null;
  readonly attempts: number | null;
  /** True when trying again can help (serial problems); false when the meter must not be installed. */
  readonly retryable: boolean;
}

export interface ProvisioningRequest {
  readonly portPath: string;
  readonly baudRate: number;
  readonly memberId: number;
  readonly equipmentRef: string | null;
  readonly intervalSeconds: number;
}

export interface ProvisioningRun {
  readonly id: string;
  readonly request: ProvisioningRequest;
  readonly memberName: string;
  readonly status: 'running' | 'succeeded' | 'failed';
  readonly steps: Readonly<Record<ProvisioningStepName, StepState>>;
  readonly checks: readonly AttestationCheck[];
  /** Identity as the meter reported it (after the identify step). */
  readonly device: string | null;
  readonly result: {
    readonly meterId: number;
    readonly provisioningId: string;
    readonly alreadyApplied: boolean;
    readonly batchesAccepted: number;
    readonly readingsStored: number;
  } | null;
  readonly error: RunError | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

/** What a person recognises a meter's equipment by (the console says the kind and power in their words). */
export interface MeterEquipment {
  readonly id: number;
  readonly kind: string;
  readonly ratedPowerW: number;
  readonly make: string;
  readonly model: string;
  readonly ownerName: string;
}

export interface MeterSummary {
  readonly id: number;
  readonly instanceIdHex: string;
  readonly implementationIdHex: string;
  readonly model: string;
  readonly serialNumber: string;
  readonly firmwareVersion: string;
  readonly status: MeterStatus;
  readonly memberId: number | null;
  readonly memberName: string | null;
  readonly equipmentRef: string | null;
  /** The equipment the reference names (its trailing number is the equipment id); null: none or unknown. */
  readonly equipment: MeterEquipment | null;
  readonly intervalSeconds: number | null;
  readonly provisioningId: string | null;
  readonly lastBatchSeq: number | null;
  readonly lastReadingAt: string | null;
  readonly lastReading: MeterReading | null;
  readonly openGaps: number;
  readonly portPath: string;
  readonly updatedAt: string;
  /** Background collection of this meter's signed batches; null when it is not collected automatically. */
  readonly collection: MeterCollectionView | null;
}

/**
 * Why a background read of a cooperative meter failed: `port-missing` the port path does not exist
 * (adapter unplugged, wrong path), `port-unavailable` it exists but will not open (busy, permissions),
 * `no-answer` the meter did not reply (power, cable), `damaged-replies` replies arrive corrupted
 * (cable, shielding, baud rate), `wrong-meter` another meter answers on that port,
 * `batches-rejected` the meter sent batches that fail verification (tampering, faulty meter), `other`.
 */
export const METER_COLLECT_PROBLEMS = ['port-missing', 'port-unavailable', 'no-answer', 'damaged-replies', 'wrong-meter', 'batches-rejected', 'other'] as const;
export type MeterCollectProblem = (typeof METER_COLLECT_PROBLEMS)[number];

/** The background collector's view of one provisioned meter (stored: survives restarts). */
export interface MeterCollectionView {
  /** Whether the collector reads this meter on a schedule now (provisioned, with a port). */
  readonly scheduled: boolean;
  /** Seconds between reads when all is well (the meter's interval). */
  readonly periodSeconds: number;
  /** The last attempt, successful or not; null = never tried in the background. */
  readonly lastAttemptAt: string | null;
  readonly lastOk: boolean | null;
  readonly lastSuccessAt: string | null;
  /** Why the last attempt failed (null after a success): for a message in the operator's language. */
  readonly problem: MeterCollectProblem | null;
  /** The core's English message for the last failure (port, what to check). */
  readonly error: string | null;
  /** Failed attempts since the last success; the wait between tries doubles per failure, capped. */
  readonly consecutiveFailures: number;
  /** Batches and readings the last successful attempt stored. */
  readonly lastBatches: number;
  readonly lastReadings: number;
  /** When the next read is due (null while one runs or when not scheduled). */
  readonly nextReadAt: string | null;
  /** True while a read of this meter is in progress. */
  readonly running: boolean;
}

export interface MeterReading {
  readonly intervalStart: string;
  readonly importWh: number;
  readonly exportWh: number;
}

export interface AttestationRecord {
  readonly id: number;
  readonly evidenceSha256: string;
  readonly verdict: 'passed' | 'failed';
  readonly failedCheck: string | null;
  readonly checks: readonly AttestationCheck[];
  readonly verifiedAt: string;
}

export interface MeterGap {
  readonly id: number;
  readonly kind: 'batch' | 'interval';
  readonly fromSeq: number | null;
  readonly toSeq: number | null;
  readonly fromTime: string | null;
  readonly toTime: string | null;
  readonly detectedAt: string;
  readonly resolvedAt: string | null;
}

/** A binding sent to the meter but not yet confirmed by its first signed batch. */
export interface PendingProvisioning {
  readonly provisioningId: string;
  readonly memberId: number;
  readonly equipmentRef: string | null;
  readonly intervalSeconds: number;
}

export interface MeterDetail {
  readonly meter: MeterSummary;
  readonly pendingProvisioning: PendingProvisioning | null;
  readonly attestations: readonly AttestationRecord[];
  readonly gaps: readonly MeterGap[];
  /** The most recent readings (oldest first), at most `readingsLimit`. */
  readonly readings: readonly MeterReading[];
}

export interface CollectReport {
  readonly accepted: number;
  readonly duplicates: number;
  readonly readingsStored: number;
  readonly rejected: ReadonlyArray<{ readonly seq: number | null; readonly problem: string; readonly message: string }>;
  readonly gapsOpened: number;
}


export interface TrustAnchorInfo {
  readonly id: number;
  readonly kind: 'ca-certificate' | 'device-key';
  readonly label: string;
  readonly fingerprint: string;
  readonly subject: string | null;
  readonly notAfter: string | null;
  readonly instanceIdHex: string | null;
}

export interface TrustStoreView {
  readonly anchors: readonly TrustAnchorInfo[];
  readonly implementations: ReadonlyArray<{
    readonly implementationIdHex: string;
    readonly label: string;
    readonly measurements: ReadonlyArray<{ readonly measurementHex: string; readonly signerIdHex: string | null; readonly componentType: string | null; readonly version: string | null }>;
  }>;
  readonly revoked: ReadonlyArray<{ readonly serialHex: string; readonly reason: string }>;
}

export const ProvisionInput = z.object({
  portPath: PortPath,
  baudRate: BaudRate.default(115_200),
  memberId: Id,
  equipmentRef: ShortText(64).default(''),
  intervalSeconds: z.number().int().min(60, 'At least 1 minute').max(86_400, 'At most 1 day').refine((s) => 86_400 % s === 0, because('intervalDividesDay', 'The interval must divide a day evenly (e.g. 300, 900, 1800, 3600)')).default(900),
});
export type ProvisionInputValue = z.input<typeof ProvisionInput>;

const Pem = z.string().min(1, 'Paste the certificate (PEM)').max(100_000, 'The certificate is larger than 100 kB');

export const metersChannels = {
  'meters.ports.list': defineChannel<SerialPortListing>()({
    input: z.object({ manualPath: PortPath.optional() }),
    access: FIELD_AND_STAFF,
    description: 'Serial ports a meter may be on (USB adapters first), plus a typed path after checking it exists; says when the list may be incomplete (no udev)',
  }),
  'meters.provision.start': defineChannel<ProvisioningRun>()({
    input: ProvisionInput,
    access: FIELD_AND_STAFF,
    description: 'Start provisioning the meter on a port for a member; progress comes as meters.provisioning events',
  }),
  'meters.provision.status': defineChannel<ProvisioningRun>()({
    input: z.object({ runId: z.uuid('Not a provisioning run id') }),
    access: FIELD_AND_STAFF,
    description: 'One provisioning run (to recover after a reload)',
  }),
  'meters.provision.runs': defineChannel<ProvisioningRun[]>()({
    input: NoInput,
    access: FIELD_AND_STAFF,
    description: 'Recent provisioning runs since the console started, newest first',
  }),
  'meters.list': defineChannel<MeterSummary[]>()({
    input: z.object({ memberId: Id.nullable().default(null), status: z.enum(METER_STATUSES).nullable().default(null), search: ShortText(120).default('') }),
    access: FIELD_AND_STAFF,
    description: 'Meters with status, binding and last reading',
  }),
  'meters.get': defineChannel<MeterDetail>()({
    input: z.object({ id: Id, readingsLimit: z.number().int().min(1).max(5000).default(192), includeResolvedGaps: z.boolean().default(true) }),
    access: FIELD_AND_STAFF,
    description: 'One meter: binding, attestation history with every check, gaps, recent readings',
  }),
  'meters.collect': defineChannel<CollectReport>()({
    input: z.object({ id: Id, portPath: PortPath.optional() }),
    access: FIELD_AND_STAFF,
    description: 'Read every new signed batch from the meter now',
  }),
  'meters.relay': defineChannel<{ closed: boolean; loadLimitW: number | null }>()({
    input: z.object({ id: Id, portPath: PortPath.optional(), closed: z.boolean(), loadLimitW: z.number().int().min(1).max(1_000_000).nullable().default(null) }),
    access: FIELD_AND_STAFF,
    description: 'Switch the supply on/off and set a load limit (signed command)',
  }),
  'meters.modbus.list': defineChannel<ModbusMeterView[]>()({
    input: NoInput,
    access: FIELD_AND_STAFF,
    description: 'Stock Modbus meters (Eastron SDM120/SDM630) with their last sample',
  }),
  'meters.modbus.add': defineChannel<ModbusMeterView>()({
    input: ModbusMeterFields,
    access: FIELD_AND_STAFF,
    description: 'Register a stock Modbus meter',
  }),
  'meters.modbus.poll': defineChannel<ModbusSampleView>()({
    input: z.object({ id: Id }),
    access: FIELD_AND_STAFF,
    description: 'Read a stock meter now (the outcome is stored as its last poll; a failure is DEVICE_UNREACHABLE with what to check, or DEVICE_REFUSED when the meter answered with a Modbus exception)',
  }),
  'meters.modbus.setInterval': defineChannel<ModbusMeterView>()({
    input: z.object({ id: Id, pollSeconds: PollSeconds }),
    access: FIELD_AND_STAFF,
    description: 'Poll a stock meter every N seconds (0 = off); stored and audited, resumes when the console starts',
  }),
  'meters.modbus.samples': defineChannel<ModbusSampleView[]>()({
    input: z.object({ id: Id, limit: z.number().int().min(1).max(5000).default(100) }),
    access: FIELD_AND_STAFF,
    description: 'Recent samples of a stock meter (oldest first)',
  }),
  'meters.trust.get': defineChannel<TrustStoreView>()({
    input: NoInput,
    access: FIELD_AND_STAFF,
    description: 'The attestation trust store: anchors, meter platforms with approved firmware, revocations',
  }),
  'meters.trust.addCa': defineChannel<TrustStoreView>()({
    input: z.object({ label: RequiredText(200), pem: Pem }),
    access: ADMIN_ONLY,
    description: 'Trust a manufacturer CA certificate (PEM)',
  }),
  'meters.trust.addDeviceKey': defineChannel<TrustStoreView>()({
    input: z.object({ label: RequiredText(200), publicKeyHex: Hex('public key', 130) }),
    access: ADMIN_ONLY,
    description: 'Trust one device attestation key (uncompressed P-256, hex)',
  }),
  'meters.trust.removeAnchor': defineChannel<TrustStoreView>()({
    input: z.object({ id: Id }),
    access: ADMIN_ONLY,
    description: 'Stop trusting an anchor',
  }),
  'meters.trust.saveImplementation': defineChannel<TrustStoreView>()({
    input: z.object({ implementationIdHex: Hex('implementation id', 64), label: RequiredText(200) }),
    access: ADMIN_ONLY,
    description: 'Add or rename a meter platform (PSA implementation id)',
  }),
  'meters.trust.approveMeasurement': defineChannel<TrustStoreView>()({
    input: z.object({
      implementationIdHex: Hex('implementation id', 64),
      measurementHex: Hex('measurement'),
      signerIdHex: z.union([z.literal(''), Hex('signer id')]).default(''),
      componentType: ShortText(40).default(''),
      version: ShortText(40).default(''),
    }),
    access: ADMIN_ONLY,
    description: 'Approve a firmware measurement for a meter platform',
  }),
  'meters.trust.withdrawMeasurement': defineChannel<TrustStoreView>()({
    input: z.object({ implementationIdHex: Hex('implementation id', 64), measurementHex: Hex('measurement') }),
    access: ADMIN_ONLY,
    description: 'Withdraw a firmware approval',
  }),
  'meters.trust.revoke': defineChannel<TrustStoreView>()({
    input: z.object({ serialHex: Hex('serial number'), reason: RequiredText(200) }),
    access: ADMIN_ONLY,
    description: 'Revoke a device certificate by serial number',
  }),
  'meters.trust.import': defineChannel<TrustStoreView>()({
    input: z.object({
      json: z.string().min(2, 'The file is empty').max(1_000_000, 'The file is larger than 1 MB'),
      /** Certificate files the JSON names (caCertificates[].file), by file name, as PEM text. */
      files: z.record(z.string().max(200), Pem).default({}),
    }),
    access: ADMIN_ONLY,
    description: 'Import a trust file (JSON as in resources/demo-pki/demo-trust.json; certificates inline as "pem" or given as files)',
  }),
  'meters.trust.importDemo': defineChannel<TrustStoreView>()({
    input: NoInput,
    access: ADMIN_ONLY,
    description: 'Load the DEMO ONLY trust store shipped for the meter emulator (training, tests)',
  }),
} as const;
