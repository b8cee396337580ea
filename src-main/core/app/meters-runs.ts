// Provisioning runs: the technician's wizard starts one, it proceeds in the background, and every
// step or attestation check is pushed as a 'meters.provisioning' event carrying the whole run, so a
// reloaded page (or a second window) picks it up with one status call. Runs live in memory while
// the console runs; what matters for later (meter, attestation, pending/complete binding) is in
// SQLite, written by the provisioning service itself.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { ProvisioningRequest, ProvisioningRun, ProvisioningStepName, StepState } from '../../contract/meters.js';
import { PROVISIONING_STEPS } from '../../contract/meters.js';
import { CoreError, refusal } from '../api/core-error.js';
import type { MeterProvisioningService, ProvisioningProgress } from '../meters/provisioning-service.js';
import { toRunError } from './meters-errors.js';

const KEEP_RUNS = 50;

type MutableRun = { -readonly [K in keyof ProvisioningRun]: ProvisioningRun[K] } & { steps: Record<ProvisioningStepName, StepState> };

export interface ProvisioningRunsDeps {
  readonly db: Database;
  readonly service: MeterProvisioningService;
  readonly now: () => string;
  readonly onUpdate: (run: ProvisioningRun) => void;
  readonly onFinished: (run: ProvisioningRun) => void;
}

export class ProvisioningRuns {
  private readonly runs = new Map<string, MutableRun>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: ProvisioningRunsDeps) {}

  /** Checks what can be checked before touching the port, then starts the run in the background. */
  start(request: ProvisioningRequest, operatorId: number | null): ProvisioningRun {
    const member = this.deps.db.prepare(`SELECT full_name AS name, member_no AS no, active FROM members WHERE id = ?`).get(request.memberId) as { name: string; no: string; active: number } | undefined;
    if (!member) throw refusal('NOT_FOUND', 'notFound', `Member ${request.memberId} does not exist. Choose the member from the list.`);
    if (member.active !== 1) throw refusal('CONFLICT', 'memberDeactivated', `${member.name} (${member.no}) is deactivated: reactivate the member before installing a meter.`, { member: member.name });
    if (!existsSync(request.portPath)) {
      throw refusal('NOT_FOUND', 'portMissing', `The port ${request.portPath} does not exist. Check the name (e.g. /dev/ttyUSB0 or COM4) and that the USB adapter is plugged in.`, { port: request.portPath });
    }
    const busy = [...this.runs.values()].find((r) => r.status === 'running' && r.request.portPath === request.portPath);
    if (busy) throw refusal('CONFLICT', 'portBusy', `A provisioning run is already talking to ${request.portPath}; wait for it to finish.`, { port: request.portPath });

    const steps = Object.fromEntries(PROVISIONING_STEPS.map((s) => [s, { status: 'pending', detail: '' }])) as Record<ProvisioningStepName, StepState>;
    const run: MutableRun = {
      id: randomUUID(), request, memberName: `${member.name} (${member.no})`, status: 'running', steps, checks: [], device: null,
      result: null, error: null, startedAt: this.deps.now(), finishedAt: null,
    };
    this.runs.set(run.id, run);
    this.prune();
    const work = this.execute(run, operatorId).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
    return snapshot(run);
  }

  get(id: string): ProvisioningRun {
    const run = this.runs.get(id);
    if (!run) throw new CoreError('NOT_FOUND', 'That provisioning run is unknown (the console was restarted since). Start provisioning again; the meter resumes where it stopped.');
    return snapshot(run);
  }

  recent(): ProvisioningRun[] {
    return [...this.runs.values()].reverse().map(snapshot);
  }

  /** Waits for runs in flight (shutdown, tests). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async execute(run: MutableRun, operatorId: number | null): Promise<void> {
    const onProgress = (event: ProvisioningProgress): void => {
      if (event.kind === 'check') {
        run.checks = [...run.checks, event.check];
      } else {
        run.steps = { ...run.steps, [event.step]: { status: event.status, detail: event.detail } };
        if (event.step === 'identify' && event.status === 'passed') run.device = event.detail;
      }
      this.deps.onUpdate(snapshot(run));
    };
    try {
      const { request } = run;
      const result = await this.deps.service.provision(
        { portPath: request.portPath, baudRate: request.baudRate, memberId: request.memberId, equipmentRef: request.equipmentRef, intervalSeconds: request.intervalSeconds, operatorId },
        onProgress,
      );
      run.result = {
        meterId: result.meterId, provisioningId: result.provisioningId, alreadyApplied: result.alreadyApplied,
        batchesAccepted: result.firstBatch.accepted + result.firstBatch.duplicates, readingsStored: result.firstBatch.readingsStored,
      };
      run.status = 'succeeded';
    } catch (error) {
      run.error = toRunError(error);
      run.status = 'failed';
      // A failure before any step started (e.g. member deactivated meanwhile) still shows on a step.
      if (!PROVISIONING_STEPS.some((s) => run.steps[s].status === 'failed')) {
        const open = PROVISIONING_STEPS.find((s) => run.steps[s].status !== 'passed') ?? 'first-batch';
        run.steps = { ...run.steps, [open]: { status: 'failed', detail: run.error.message } };
      }
    }
    run.finishedAt = this.deps.now();
    const done = snapshot(run);
    this.deps.onUpdate(done);
    this.deps.onFinished(done);
  }

  private prune(): void {
    for (const [id, run] of this.runs) {
      if (this.runs.size <= KEEP_RUNS) break;
      if (run.status !== 'running') this.runs.delete(id);
    }
  }
}

function snapshot(run: MutableRun): ProvisioningRun {
  return { ...run, steps: { ...run.steps }, checks: [...run.checks], result: run.result ? { ...run.result } : null, error: run.error ? { ...run.error } : null };
}
