// Privileged commands to a provisioned meter: clock, relay on/off and load limit. Each is signed
// with the cooperative's meter-command key and a counter above the meter's last, and audited.
import type { KeyObject } from 'node:crypto';
import { signCommand } from '../devices/command-auth.js';
import { MeterLinkError } from '../devices/link-errors.js';
import { MeterTransport, type TransportOptions } from '../devices/meter-transport.js';
import { openSerialLink, type ByteLink } from '../devices/serial-link.js';
import { toHex } from '../attestation/trust-store.js';
import { MeterServiceError } from './meter-errors.js';
import type { MetersRepo } from './meters-repo.js';
import type { AuditWriter } from './trust-store-repo.js';

export interface MeterCommandDeps {
  readonly meters: MetersRepo;
  readonly audit: AuditWriter;
  readonly coopPrivateKey: KeyObject;
  readonly transport?: TransportOptions;
  readonly openLink?: (path: string, baudRate: number) => Promise<ByteLink>;
}

export class MeterCommands {
  constructor(private readonly deps: MeterCommandDeps) {}

  async setRelay(meterId: number, portPath: string, relay: { closed: boolean; loadLimitW: number | null }, operatorId: number | null): Promise<{ closed: boolean; loadLimitW: number | null }> {
    return this.withProvisionedMeter(meterId, portPath, async (transport, counter) => {
      const body = { closed: relay.closed, loadLimitW: relay.loadLimitW, counter };
      const reply = await transport.request('setRelay', { ...body, auth: signCommand({ name: 'setRelay', body }, this.deps.coopPrivateKey) });
      this.deps.audit.record({ operatorId, action: 'meter.relay', entity: 'meter', entityId: meterId, summary: `Relay ${reply.closed ? 'closed (supply on)' : 'opened (supply off)'}${reply.loadLimitW !== null ? `, load limit ${reply.loadLimitW} W` : ''}`, summaryCode: reply.closed ? 'meter.supplyOn' : 'meter.supplyOff', summaryParams: { loadLimitW: reply.loadLimitW }, after: reply });
      return reply;
    });
  }

  async setClock(meterId: number, portPath: string, clock: Date, operatorId: number | null): Promise<number> {
    return this.withProvisionedMeter(meterId, portPath, async (transport, counter) => {
      const body = { clock: Math.floor(clock.getTime() / 1000), counter };
      const reply = await transport.request('setClock', { ...body, auth: signCommand({ name: 'setClock', body }, this.deps.coopPrivateKey) });
      this.deps.audit.record({ operatorId, action: 'meter.clock', entity: 'meter', entityId: meterId, summary: `Meter clock set to ${clock.toISOString()}`, summaryCode: 'meter.clockSet', summaryParams: { at: clock.toISOString() } });
      return reply.clock;
    });
  }

  private async withProvisionedMeter<T>(meterId: number, portPath: string, work: (t: MeterTransport, counter: number) => Promise<T>): Promise<T> {
    const meter = this.deps.meters.get(meterId);
    if (!meter || meter.status !== 'provisioned') throw new MeterServiceError('METER_NOT_FOUND', `Meter ${meterId} is not a provisioned meter`);
    const transport = new MeterTransport(await (this.deps.openLink ?? openSerialLink)(portPath, 115_200), this.deps.transport);
    try {
      const identity = await transport.request('identify', {});
      if (toHex(identity.instanceId) !== meter.instanceIdHex) throw new MeterServiceError('METER_NOT_FOUND', `The meter on ${portPath} is not meter ${meter.serialNumber}`);
      return await work(transport, identity.commandCounter + 1);
    } catch (error) {
      if (error instanceof MeterLinkError) throw new MeterServiceError('LINK', error.message, { linkCode: error.code, deviceCode: error.deviceCode, attempts: error.attempts });
      throw error;
    } finally {
      await transport.close().catch(() => undefined);
    }
  }
}
