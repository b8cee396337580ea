// The emulated meter's firmware: answers protocol requests, keeps its clock, turns profile energy
// into interval records and seals them into signed, hash-chained batches. No I/O except the state
// file; the serial side lives in protocol-server.ts.
import { randomBytes, type KeyObject } from 'node:crypto';
import { publicKeyFromSec1, sec1FromKey } from '../src-main/core/attestation/es256.js';
import type { PsaProfile } from '../src-main/core/attestation/psa-profiles.js';
import { instanceIdForKey, toHex } from '../src-main/core/attestation/trust-store.js';
import { verifyCommand } from '../src-main/core/devices/command-auth.js';
import { PROTOCOL_VERSION } from '../src-main/core/devices/frame.js';
import type { DeviceErrorCode, ReplyBody, RequestBody, RequestName } from '../src-main/core/devices/messages.js';
import { GENESIS_PREV_HASH, sha256, signBatch, type IntervalRecord } from '../src-main/core/meters/signed-batch.js';
import { approvedFirmware, DEMO_IMPLEMENTATION_ID, unknownFirmware } from './demo-firmware.js';
import type { FaultPlan } from './faults.js';
import { deviceKeyOf, saveState, type MeterState } from './meter-state.js';
import { intervalEnergy, type ProfileConfig } from './profiles.js';
import { buildPsaToken, defaultClaims } from './psa-token-builder.js';

export type DeviceReply<N extends RequestName> = { ok: true; body: ReplyBody<N> } | { ok: false; code: DeviceErrorCode; message: string };

export interface AttestationIdentity {
  readonly key: KeyObject;
  readonly chainDer: readonly Uint8Array[];
}

export interface MeterDeviceOptions {
  readonly stateFile: string;
  readonly speed: number;
  readonly batchRecords: number;
  readonly profile: ProfileConfig;
  readonly faults: FaultPlan;
  /** PSA token profile of the attestation token (RFC 9783's by default; --psa-profile). */
  readonly psaProfile?: PsaProfile;
  /** Identity used for attestation when a certificate fault replaces the meter's own. */
  readonly attestationIdentity?: AttestationIdentity;
}

const STALE_NONCE = new Uint8Array(32).fill(0x5a);

export class EmulatedMeter {
  private readonly deviceKey: KeyObject;
  private realBaseMs: number;
  private clockBase: number;

  constructor(
    readonly state: MeterState,
    private readonly options: MeterDeviceOptions,
  ) {
    this.deviceKey = deviceKeyOf(state);
    // Time passed while the meter was "unplugged" counts too: its RTC keeps running.
    this.realBaseMs = Date.now();
    this.clockBase = state.clockUnix + ((this.realBaseMs - state.savedAtRealMs) / 1000) * options.speed;
  }

  get instanceId(): Uint8Array {
    return instanceIdForKey(sec1FromKey(this.deviceKey));
  }

  clock(): number {
    return this.clockBase + ((Date.now() - this.realBaseMs) / 1000) * this.options.speed;
  }

  /** Closes every interval the clock has passed; seals a batch whenever enough records are pending. */
  tick(): void {
    const p = this.state.provisioning;
    if (!p || this.state.nextIntervalStart === null) return;
    const now = this.clock();
    let sealed = false;
    for (let start: number = this.state.nextIntervalStart; start + p.intervalSeconds <= now; start = this.state.nextIntervalStart) {
      const { importWh, exportWh } = intervalEnergy(this.options.profile, start, p.intervalSeconds);
      this.state.pendingRecords.push([start, importWh, exportWh]);
      this.state.totals.importWh += importWh;
      this.state.totals.exportWh += exportWh;
      this.state.nextIntervalStart = start + p.intervalSeconds;
      if (this.state.pendingRecords.length >= this.options.batchRecords) {
        this.seal(this.state.pendingRecords.splice(0));
        sealed = true;
      }
    }
    if (sealed) this.persist();
  }

  handle<N extends RequestName>(name: N, body: RequestBody<N>): DeviceReply<N> {
    this.tick();
    const handlers: { [K in RequestName]: (b: RequestBody<K>) => DeviceReply<K> } = {
      identify: () => this.identify(),
      attest: (b) => this.attest(b),
      provision: (b) => this.provision(b),
      readBatch: (b) => this.readBatch(b),
      setClock: (b) => this.setClock(b),
      setRelay: (b) => this.setRelay(b),
    };
    return (handlers[name] as (b: RequestBody<N>) => DeviceReply<N>)(body);
  }

  persist(): void {
    this.state.clockUnix = this.clock();
    this.state.savedAtRealMs = Date.now();
    saveState(this.options.stateFile, this.state);
  }

  private identify(): DeviceReply<'identify'> {
    const last = this.state.batches.at(-1);
    return {
      ok: true,
      body: {
        protocolVersion: PROTOCOL_VERSION,
        model: this.state.model,
        serialNumber: this.state.serialNumber,
        firmwareVersion: this.options.faults.faults.has('unknown-firmware') ? '9.9.9-unsigned-build' : this.state.firmwareVersion,
        instanceId: this.attestationIdentityInstanceId(),
        implementationId: DEMO_IMPLEMENTATION_ID,
        provisioned: this.state.provisioning !== null,
        provisioningId: this.state.provisioning?.provisioningId ?? null,
        commandCounter: this.state.commandCounter,
        latestBatchSeq: last ? last.seq : null,
        clock: Math.floor(this.clock()),
      },
    };
  }

  private attestationIdentityInstanceId(): Uint8Array {
    const key = this.options.attestationIdentity?.key ?? this.deviceKey;
    return instanceIdForKey(sec1FromKey(key));
  }

  private attest(body: RequestBody<'attest'>): DeviceReply<'attest'> {
    const faults = this.options.faults.faults;
    if (faults.has('replayed-nonce') && this.state.lastTokenB64) {
      return { ok: true, body: { token: Buffer.from(this.state.lastTokenB64, 'base64') } };
    }
    const key = this.options.attestationIdentity?.key ?? this.deviceKey;
    const chain = this.options.attestationIdentity?.chainDer ?? this.state.certificateChainB64.map((b) => new Uint8Array(Buffer.from(b, 'base64')));
    const claims = defaultClaims(key, faults.has('stale-nonce') ? STALE_NONCE : body.nonce, {
      lifecycle: this.state.lifecycle,
      softwareComponents: faults.has('unknown-firmware') ? unknownFirmware() : approvedFirmware(),
      bootSeed: new Uint8Array(randomBytes(32)),
    }, this.options.psaProfile);
    let token = buildPsaToken(claims, key, chain);
    if (faults.has('bad-signature')) token = corruptLastByte(token);
    this.state.lastTokenB64 = Buffer.from(token).toString('base64');
    this.persist();
    return { ok: true, body: { token } };
  }

  private provision(body: RequestBody<'provision'>): DeviceReply<'provision'> {
    const current = this.state.provisioning;
    if (current && current.provisioningId === body.provisioningId) {
      // A retry after a lost reply: already done, answer the same.
      return { ok: true, body: { provisioningId: current.provisioningId, alreadyApplied: true, batchSeq: this.state.batches.at(-1)?.seq ?? 0 } };
    }
    if (current) {
      const denied = this.checkAuth({ name: 'provision', body }, body.counter, body.auth);
      if (denied) return denied;
    }
    try {
      publicKeyFromSec1(body.coopKey);
    } catch {
      return { ok: false, code: 'BAD_REQUEST', message: 'cooperative key is not a valid P-256 point' };
    }
    // Close whatever the previous binding measured before the new binding starts.
    if (this.state.pendingRecords.length > 0) this.seal(this.state.pendingRecords.splice(0));
    this.state.provisioning = {
      provisioningId: body.provisioningId,
      memberRef: body.memberRef,
      equipmentRef: body.equipmentRef,
      intervalSeconds: body.intervalSeconds,
      coopKeyHex: toHex(body.coopKey),
    };
    this.rebaseClock(body.clock);
    this.state.nextIntervalStart = Math.ceil(body.clock / body.intervalSeconds) * body.intervalSeconds;
    const seq = this.seal([]); // an empty batch opens the new binding in the hash chain
    this.persist();
    return { ok: true, body: { provisioningId: body.provisioningId, alreadyApplied: false, batchSeq: seq } };
  }

  private readBatch(body: RequestBody<'readBatch'>): DeviceReply<'readBatch'> {
    const latest = this.state.batches.at(-1)?.seq ?? null;
    const found = this.state.batches.find((b) => b.seq >= body.fromSeq);
    return { ok: true, body: { batch: found ? new Uint8Array(Buffer.from(found.b64, 'base64')) : null, latestSeq: latest } };
  }

  private setClock(body: RequestBody<'setClock'>): DeviceReply<'setClock'> {
    const denied = this.checkAuth({ name: 'setClock', body }, body.counter, body.auth);
    if (denied) return denied;
    this.rebaseClock(body.clock);
    this.persist();
    return { ok: true, body: { clock: body.clock } };
  }

  private setRelay(body: RequestBody<'setRelay'>): DeviceReply<'setRelay'> {
    const denied = this.checkAuth({ name: 'setRelay', body }, body.counter, body.auth);
    if (denied) return denied;
    this.state.relay = { closed: body.closed, loadLimitW: body.loadLimitW };
    this.persist();
    return { ok: true, body: this.state.relay };
  }

  private checkAuth(command: Parameters<typeof verifyCommand>[0], counter: number | undefined, auth: Uint8Array | undefined): { ok: false; code: DeviceErrorCode; message: string } | null {
    const p = this.state.provisioning;
    if (!p) return { ok: false, code: 'NOT_PROVISIONED', message: 'meter is not provisioned: no cooperative key installed' };
    if (counter === undefined || auth === undefined) return { ok: false, code: 'UNAUTHORIZED', message: 'command must be signed with the cooperative key' };
    if (counter <= this.state.commandCounter) return { ok: false, code: 'REPLAYED_COUNTER', message: `counter ${counter} not above ${this.state.commandCounter}` };
    if (!verifyCommand(command, auth, publicKeyFromSec1(Buffer.from(p.coopKeyHex, 'hex')))) {
      return { ok: false, code: 'UNAUTHORIZED', message: 'signature does not match the installed cooperative key' };
    }
    this.state.commandCounter = counter;
    return null;
  }

  private rebaseClock(unix: number): void {
    this.clockBase = unix;
    this.realBaseMs = Date.now();
  }

  private seal(records: IntervalRecord[]): number {
    const p = this.state.provisioning;
    if (!p) throw new Error('cannot seal a batch before provisioning');
    const last = this.state.batches.at(-1);
    const seq = (last?.seq ?? 0) + 1;
    const prev = last ? Buffer.from(last.sha256Hex, 'hex') : GENESIS_PREV_HASH;
    let bytes = signBatch(
      { v: 1, instanceId: this.instanceId, seq, prev: new Uint8Array(prev), provisioningId: p.provisioningId, intervalSeconds: p.intervalSeconds, records },
      this.deviceKey,
    );
    if (this.options.faults.faults.has('bad-signature')) bytes = corruptLastByte(bytes);
    this.state.batches.push({ seq, b64: Buffer.from(bytes).toString('base64'), sha256Hex: toHex(sha256(bytes)) });
    return seq;
  }
}

function corruptLastByte(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 0x01;
  return copy;
}
