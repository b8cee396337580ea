// The technician's workflow as one service: find → identify → attest (every check reported) →
// bind to member/equipment → provision → read the first batch. Safe against unplugging: the
// pending provisioning is recorded before the meter is touched and the meter applies a given
// provisioning id at most once, so a retry converges to the same state on both sides.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { NonceRegistry } from '../attestation/nonce-registry.js';
import { toHex } from '../attestation/trust-store.js';
import { verifyPsaToken, type CheckName, type CheckResult } from '../attestation/verifier.js';
import { signCommand } from '../devices/command-auth.js';
import { MeterLinkError } from '../devices/link-errors.js';
import type { ReplyBody } from '../devices/messages.js';
import { MeterTransport, type TransportOptions } from '../devices/meter-transport.js';
import { openSerialLink, SerialOpenError, type ByteLink } from '../devices/serial-link.js';
import { noopEvidenceAnchorSink, type EvidenceAnchorSink } from './anchor-sink.js';
import { BatchIngestor, type IngestReport } from './batch-ingest.js';
import type { CoopCommandKey } from './coop-command-key.js';
import { MeterServiceError } from './meter-errors.js';
import type { MetersRepo } from './meters-repo.js';
import type { PendingProvisioning } from '../../contract/meters.js';
import type { TrustStoreRepo } from './trust-store-repo.js';

export type ProvisioningStep = 'find' | 'identify' | 'attest' | 'bind' | 'provision' | 'first-batch';

export type ProvisioningProgress =
  | { readonly kind: 'step'; readonly step: ProvisioningStep; readonly status: 'started' | 'passed' | 'failed'; readonly detail: string }
  | { readonly kind: 'check'; readonly step: 'attest'; readonly check: CheckResult };

type StepReporter = ((s: ProvisioningStep, status: 'started' | 'passed' | 'failed', detail: string) => void) & { failOpenStep?: (detail: string) => void };

/** Emits step events and remembers the step in progress, so an error can mark exactly that step failed. */
function stepReporter(onProgress: (event: ProvisioningProgress) => void): StepReporter {
  let open: ProvisioningStep | null = null;
  const report: StepReporter = (step, status, detail) => {
    open = status === 'started' ? step : null;
    onProgress({ kind: 'step', step, status, detail });
  };
  report.failOpenStep = (detail) => {
    if (open) report(open, 'failed', detail);
  };
  return report;
}

export interface ProvisionRequest {
  readonly portPath: string;
  readonly baudRate?: number;
  readonly memberId: number;
  readonly equipmentRef: string | null;
  readonly intervalSeconds: number;
  readonly operatorId: number | null;
}

export interface ProvisionResult {
  readonly meterId: number;
  readonly provisioningId: string;
  readonly alreadyApplied: boolean;
  readonly firstBatch: IngestReport;
}

export interface MeterServiceDeps {
  readonly db: Database;
  readonly meters: MetersRepo;
  readonly trust: TrustStoreRepo;
  readonly coopKey: CoopCommandKey;
  readonly now: () => Date;
  readonly anchors?: EvidenceAnchorSink;
  readonly transport?: TransportOptions;
  readonly openLink?: (path: string, baudRate: number) => Promise<ByteLink>;
  readonly nonces?: NonceRegistry;
}

export class MeterProvisioningService {
  private readonly anchors: EvidenceAnchorSink;
  private readonly nonces: NonceRegistry;
  readonly ingestor: BatchIngestor;

  constructor(private readonly deps: MeterServiceDeps) {
    this.anchors = deps.anchors ?? noopEvidenceAnchorSink;
    this.nonces = deps.nonces ?? new NonceRegistry();
    this.ingestor = new BatchIngestor(deps.db, this.anchors, () => deps.now().toISOString());
  }

  async provision(request: ProvisionRequest, onProgress: (event: ProvisioningProgress) => void = () => undefined): Promise<ProvisionResult> {
    const step = stepReporter(onProgress);
    const member = this.deps.db.prepare(`SELECT id, member_no, full_name, active FROM members WHERE id = ?`).get(request.memberId) as { id: number; member_no: string; full_name: string; active: number } | undefined;
    if (!member || member.active !== 1) throw new MeterServiceError('MEMBER_NOT_FOUND', `Member ${request.memberId} does not exist or is deactivated: choose an active member`);
    return this.withMeter(request.portPath, request.baudRate ?? 115_200, step, async (transport) => {
      const identity = await this.identifyStep(transport, step);
      const meterId = await this.attestStep(transport, identity, request.portPath, request.operatorId, step, onProgress);

      step('bind', 'started', `binding to ${member.full_name} (${member.member_no})`);
      const meter = this.deps.meters.get(meterId)!;
      const previous = meter.pendingProvisioning;
      const sameBinding = previous && previous.memberId === request.memberId && previous.equipmentRef === request.equipmentRef && previous.intervalSeconds === request.intervalSeconds;
      const pending: PendingProvisioning = sameBinding
        ? previous
        : { provisioningId: randomUUID(), memberId: request.memberId, equipmentRef: request.equipmentRef, intervalSeconds: request.intervalSeconds };
      this.deps.meters.beginProvisioning(meterId, pending, request.operatorId);
      step('bind', 'passed', sameBinding ? `resuming provisioning ${pending.provisioningId}` : `provisioning ${pending.provisioningId} recorded`);

      step('provision', 'started', 'sending binding, clock, interval and cooperative key');
      const body = {
        provisioningId: pending.provisioningId, memberRef: member.member_no, equipmentRef: request.equipmentRef,
        clock: Math.floor(this.deps.now().getTime() / 1000), intervalSeconds: request.intervalSeconds, coopKey: this.deps.coopKey.publicKey,
      };
      // Re-binding a meter we provisioned before must be signed with the cooperative key.
      const needsAuth = identity.provisioned && identity.provisioningId !== pending.provisioningId;
      const counter = identity.commandCounter + 1;
      const reply = await transport.request(
        'provision',
        needsAuth ? { ...body, counter, auth: signCommand({ name: 'provision', body: { ...body, counter } }, this.deps.coopKey.privateKey) } : body,
      );
      if (reply.provisioningId !== pending.provisioningId) throw new MeterServiceError('PROVISION_MISMATCH', 'The meter confirmed a different provisioning; retry provisioning');
      this.deps.meters.completeProvisioning(meterId, pending, request.operatorId);
      step('provision', 'passed', reply.alreadyApplied ? 'the meter had already applied this provisioning (resumed after an interruption)' : 'meter provisioned');

      step('first-batch', 'started', `reading signed batch ${reply.batchSeq}`);
      const read = await transport.request('readBatch', { fromSeq: reply.batchSeq });
      const report = this.deps.db.transaction(() => this.ingestor.ingest(meterId, read.batch ? [read.batch] : []))();
      if (report.rejected.length > 0 || report.accepted + report.duplicates === 0) {
        const why = report.rejected[0]?.message ?? 'the meter returned no batch';
        step('first-batch', 'failed', why);
        throw new MeterServiceError('BATCH_REJECTED', `First signed batch rejected: ${why}`, { batchProblem: report.rejected[0]?.problem ?? null });
      }
      step('first-batch', 'passed', `batch ${reply.batchSeq} verified and stored`);
      return { meterId, provisioningId: pending.provisioningId, alreadyApplied: reply.alreadyApplied, firstBatch: report };
    });
  }

  /** Identify + attest only (the "check this meter" button); stores the result, binds nothing. */
  async attest(portPath: string, operatorId: number | null, onProgress: (event: ProvisioningProgress) => void = () => undefined, baudRate = 115_200): Promise<{ meterId: number }> {
    const step = stepReporter(onProgress);
    return this.withMeter(portPath, baudRate, step, async (transport) => {
      const identity = await this.identifyStep(transport, step);
      return { meterId: await this.attestStep(transport, identity, portPath, operatorId, step, onProgress) };
    });
  }

  /** Reads every batch newer than the last stored one and ingests them. */
  async collectReadings(meterId: number, portPath: string, baudRate = 115_200, maxBatches = 500): Promise<IngestReport> {
    const meter = this.deps.meters.get(meterId);
    if (!meter) throw new MeterServiceError('METER_NOT_FOUND', `Meter ${meterId} is not registered`);
    return this.withMeter(portPath, baudRate, () => undefined, async (transport) => {
      const identity = await transport.request('identify', {});
      if (toHex(identity.instanceId) !== meter.instanceIdHex) throw new MeterServiceError('METER_NOT_FOUND', `The meter on ${portPath} is not meter ${meter.serialNumber}`);
      const batches: Uint8Array[] = [];
      let from = (meter.lastBatchSeq ?? 0) + 1;
      while (batches.length < maxBatches) {
        const { batch } = await transport.request('readBatch', { fromSeq: from });
        if (!batch) break;
        batches.push(batch);
        from = this.ingestor.peekSeq(batch) + 1;
      }
      return this.ingestor.ingest(meterId, batches);
    });
  }

  private async identifyStep(transport: MeterTransport, step: (s: ProvisioningStep, st: 'started' | 'passed' | 'failed', d: string) => void): Promise<ReplyBody<'identify'>> {
    step('identify', 'started', 'asking the meter who it is');
    const identity = await transport.request('identify', {});
    step('identify', 'passed', `${identity.model} ${identity.serialNumber}, firmware ${identity.firmwareVersion}${identity.provisioned ? ', already provisioned' : ''}`);
    return identity;
  }

  private async attestStep(
    transport: MeterTransport, identity: ReplyBody<'identify'>, portPath: string, operatorId: number | null,
    step: (s: ProvisioningStep, st: 'started' | 'passed' | 'failed', d: string) => void, onProgress: (e: ProvisioningProgress) => void,
  ): Promise<number> {
    step('attest', 'started', 'challenging the meter with a fresh nonce');
    const nonce = this.nonces.issue();
    const { token } = await transport.request('attest', { nonce });
    const freshness = this.nonces.consume(nonce);
    const result = await verifyPsaToken(token, {
      trustStore: this.deps.trust.snapshot(),
      expectedNonce: nonce,
      wasIssuedBefore: (n) => this.nonces.wasIssued(n),
      now: this.deps.now(),
    });
    const checks = freshness === 'fresh' ? result.checks : result.checks.map((c) => (c.check === 'nonce' ? { ...c, status: 'failed' as const, detail: `challenge ${freshness} before the answer arrived` } : c));
    const finalResult = { ...result, checks, ok: checks.every((c) => c.status !== 'failed'), failedCheck: checks.find((c) => c.status === 'failed')?.check ?? null };
    for (const check of checks) onProgress({ kind: 'check', step: 'attest', check });
    const { meterId, attestationId } = this.deps.meters.recordAttestation({
      result: finalResult, token, nonce, operatorId, portPath,
      identity: { model: identity.model, serialNumber: identity.serialNumber, firmwareVersion: identity.firmwareVersion },
    });
    this.anchors.enqueue('meter-attestation', result.evidenceSha256, `meter_attestations:${attestationId}`);
    if (!finalResult.ok || meterId === null) {
      const failed = checks.find((c) => c.status === 'failed');
      step('attest', 'failed', failed ? `${failed.check}: ${failed.detail}` : 'attestation failed');
      throw new MeterServiceError('ATTESTATION_FAILED', `Attestation failed at the ${failed?.check ?? 'unknown'} check: ${failed?.detail ?? ''}. Do not install this meter; contact the cooperative office.`, {
        failedCheck: (failed?.check ?? null) as CheckName | null,
        evidenceSha256: result.evidenceSha256,
      });
    }
    step('attest', 'passed', `genuine meter, approved firmware (evidence ${result.evidenceSha256.slice(0, 16)}…)`);
    return meterId;
  }

  private async withMeter<T>(portPath: string, baudRate: number, step: (s: ProvisioningStep, st: 'started' | 'passed' | 'failed', d: string) => void, work: (t: MeterTransport) => Promise<T>): Promise<T> {
    step('find', 'started', `opening ${portPath} at ${baudRate} baud`);
    let link: ByteLink;
    try {
      link = await (this.deps.openLink ?? openSerialLink)(portPath, baudRate);
    } catch (error) {
      step('find', 'failed', (error as Error).message);
      throw new MeterServiceError('LINK', (error as Error).message, { linkCode: error instanceof SerialOpenError ? error.code : 'PORT_OPEN_FAILED' });
    }
    step('find', 'passed', `${portPath} open`);
    const transport = new MeterTransport(link, this.deps.transport);
    try {
      return await work(transport);
    } catch (error) {
      (step as StepReporter).failOpenStep?.((error as Error).message);
      if (error instanceof MeterLinkError) {
        throw new MeterServiceError('LINK', error.message, { linkCode: error.code, deviceCode: error.deviceCode, attempts: error.attempts });
      }
      throw error;
    } finally {
      await transport.close().catch(() => undefined);
    }
  }
}
