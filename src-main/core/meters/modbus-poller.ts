// Polls stock Modbus meters at a configurable interval and stores integer samples (Wh, W,
// decivolts). A poll that fails or times out is reported through onError and retried at the next
// tick; polls never overlap, and stop() waits for the one in flight.
import type { Database } from 'better-sqlite3';
import { SdmClient, type SdmClientOptions } from '../devices/sdm-client.js';
import { kwhToWh } from '../devices/sdm-registers.js';

export interface ModbusSample {
  readonly at: string;
  readonly importWh: number;
  readonly exportWh: number;
  readonly powerW: number;
  readonly voltageDv: number;
}

export interface ModbusPollerOptions {
  readonly db: Database;
  readonly modbusMeterId: number;
  readonly client: SdmClientOptions;
  readonly intervalMs: number;
  readonly now?: () => Date;
  readonly onSample?: (sample: ModbusSample) => void;
  readonly onError?: (error: Error) => void;
}

export class ModbusPoller {
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private client: SdmClient | null = null;
  private stopped = false;

  constructor(private readonly options: ModbusPollerOptions) {}

  start(): void {
    if (this.timer) return;
    this.stopped = false;
    const tick = (): void => {
      if (this.inFlight || this.stopped) return;
      this.inFlight = this.pollOnce()
        .then((sample) => this.options.onSample?.(sample))
        .catch((error: unknown) => this.options.onError?.(error as Error))
        .finally(() => (this.inFlight = null));
    };
    this.timer = setInterval(tick, this.options.intervalMs);
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight;
    await this.client?.close();
    this.client = null;
  }

  /** One poll: read energy, power and voltage; store the sample. */
  async pollOnce(): Promise<ModbusSample> {
    try {
      this.client ??= await SdmClient.connect(this.options.client);
      const c = this.client;
      const sample: ModbusSample = {
        at: (this.options.now?.() ?? new Date()).toISOString(),
        importWh: kwhToWh(await c.readFloat(0x0048, 'importEnergy')),
        exportWh: kwhToWh(await c.readFloat(0x004a, 'exportEnergy')),
        powerW: Math.round(await c.readFloat(this.options.client.model === 'SDM630' ? 0x0034 : 0x000c, 'activePower')),
        voltageDv: Math.round((await c.readFloat(0x0000, 'voltage')) * 10),
      };
      this.options.db
        .prepare(`INSERT OR REPLACE INTO modbus_samples (modbus_meter_id, at, import_wh, export_wh, power_w, voltage_dv) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(this.options.modbusMeterId, sample.at, sample.importWh, sample.exportWh, sample.powerW, sample.voltageDv);
      return sample;
    } catch (error) {
      // Drop the connection so the next tick reconnects (the adapter may have been re-plugged).
      await this.client?.close().catch(() => undefined);
      this.client = null;
      throw error;
    }
  }
}
