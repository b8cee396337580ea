// Meter emulator (`npm run meter:emulate -- --help`): a Coop meter speaking the framed CBOR
// protocol, or a stock Eastron SDM120/SDM630 on Modbus RTU, on one end of a serial line.
// Usable by people (demos, training) and by the integration tests.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openSerialLink } from '../src-main/core/devices/serial-link.js';
import { PSA_PROFILE_2023, PSA_PROFILE_IOT_1, PSA_PROFILES, psaProfileByName } from '../src-main/core/attestation/psa-profiles.js';
import type { SdmModel } from '../src-main/core/devices/sdm-registers.js';
import { demoCa, expiredIdentity, revokedIdentity } from './demo-pki.js';
import { FAULTS, parseFaults, type FaultPlan } from './faults.js';
import { EmulatedMeter, type AttestationIdentity } from './meter-device.js';
import { loadState, manufactureMeter, saveState } from './meter-state.js';
import { defaultProfile, type SourceKind } from './profiles.js';
import { ProtocolServer } from './protocol-server.js';
import { createPtyPair, type PtyPair } from './pty-pair.js';
import { parseRefusals, startSdmEmulator } from './sdm-modbus.js';

const HELP = `Coop meter emulator (DEMO ONLY keys from resources/demo-pki)

  --state FILE         state file (keys, certificate, provisioning, reading log); created if missing
  --port PATH          serial device to answer on (one end of a socat pty pair, or a real port)
  --pty DIR            create the pty pair with socat in DIR and print the console-side path
  --mode MODE          coop (default) | sdm120 | sdm630
  --baud N             baud rate (default 115200 for coop, 9600 for sdm)
  --line-timing        delay replies as a real UART at --baud would (ptys are instant)
  --speed N            time acceleration: N meter seconds per real second (default 1)
  --batch-records N    interval records per signed batch (default 4)
  --sources LIST       generation sources: solar,wind,hydro (default solar)
  --unit N             Modbus unit id (default 1)
  --refuse REG:CODE    sdm modes: answer reads of input register REG with Modbus exception CODE
                       (repeatable), e.g. --refuse 0x0156:2 (illegal data address for total energy)
  --fault NAME         inject a fault (repeatable): ${FAULTS.join(', ')}
  --fault-on REQUEST   only damage replies to this request (identify, attest, provision, readBatch, ...)
  --fault-count N      damage only the first N eligible replies (line faults)
  --slow-ms N          delay for the 'slow' fault (default 3000)
  --psa-profile NAME   attestation token profile: ${PSA_PROFILES.map((p) => p.name).join(' | ')}
                       (default psa-tfm-2023, RFC 9783; 'legacy' = psa-iot-1, PSA_IOT_PROFILE_1)
  --quiet              no log lines on stderr
  -h, --help           this text
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      state: { type: 'string', default: join(tmpdir(), 'coop-meter-state.json') },
      port: { type: 'string' },
      pty: { type: 'string' },
      mode: { type: 'string', default: 'coop' },
      baud: { type: 'string' },
      'line-timing': { type: 'boolean', default: false },
      speed: { type: 'string', default: '1' },
      'batch-records': { type: 'string', default: '4' },
      sources: { type: 'string', default: 'solar' },
      unit: { type: 'string', default: '1' },
      refuse: { type: 'string', multiple: true, default: [] },
      fault: { type: 'string', multiple: true, default: [] },
      'fault-on': { type: 'string' },
      'fault-count': { type: 'string' },
      'slow-ms': { type: 'string', default: '3000' },
      'psa-profile': { type: 'string', default: PSA_PROFILE_2023.name },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void process.stdout.write(HELP);
  const log = (line: string): void => {
    if (!values.quiet) process.stderr.write(`[meter ${new Date().toISOString()}] ${line}\n`);
  };
  const positive = (name: string, raw: string): number => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
    return n;
  };
  const mode = values.mode;
  if (!['coop', 'sdm120', 'sdm630'].includes(mode)) throw new Error(`--mode must be coop, sdm120 or sdm630`);
  const baud = positive('baud', values.baud ?? (mode === 'coop' ? '115200' : '9600'));
  const speed = positive('speed', values.speed);
  const psaProfile = psaProfileByName(values['psa-profile'] === 'legacy' ? PSA_PROFILE_IOT_1.name : values['psa-profile']);
  if (!psaProfile) throw new Error(`--psa-profile must be one of ${PSA_PROFILES.map((p) => p.name).join(', ')} or legacy`);
  const sources = values.sources.split(',').filter(Boolean) as SourceKind[];
  if (sources.some((s) => !['solar', 'wind', 'hydro'].includes(s))) throw new Error('--sources takes solar, wind, hydro');

  let pair: PtyPair | null = null;
  let path = values.port;
  if (!path && values.pty) {
    pair = await createPtyPair(values.pty);
    path = pair.meterPath;
    process.stdout.write(`CONSOLE_PORT=${pair.consolePath}\n`);
  }
  if (!path) throw new Error('Give --port PATH or --pty DIR (see --help)');

  let state = loadState(values.state);
  if (!state) {
    state = await manufactureMeter(demoCa(), 'CM-1');
    saveState(values.state, state);
    log(`manufactured new meter ${state.serialNumber} into ${values.state}`);
  }
  const profile = { ...defaultProfile(state.serialNumber), sources };
  const stopAll: Array<() => Promise<void>> = [];
  const shutdown = async (code: number): Promise<never> => {
    for (const stop of stopAll.splice(0).reverse()) await stop().catch(() => undefined);
    if (pair) await pair.stop();
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));

  if (mode !== 'coop') {
    const sdm = await startSdmEmulator({
      path, baudRate: baud, unitId: positive('unit', values.unit), model: mode.toUpperCase() as SdmModel,
      profile, speed, lineTiming: values['line-timing'], log, refusals: parseRefusals(values.refuse),
    });
    stopAll.push(() => sdm.close());
    process.stdout.write(`READY ${mode} ${path}\n`);
    return;
  }

  const faults = parseFaults(values.fault);
  const plan: FaultPlan = {
    faults,
    onlyFor: values['fault-on'] ?? null,
    remaining: values['fault-count'] ? positive('fault-count', values['fault-count']) : null,
    slowMs: positive('slow-ms', values['slow-ms']),
  };
  let identity: AttestationIdentity | undefined;
  if (faults.has('revoked-cert')) identity = revokedIdentity();
  if (faults.has('expired-cert')) identity = await expiredIdentity(state);
  const meter = new EmulatedMeter(state, {
    stateFile: values.state, speed, psaProfile, batchRecords: positive('batch-records', values['batch-records']), profile, faults: plan,
    ...(identity ? { attestationIdentity: identity } : {}),
  });
  const link = await openSerialLink(path, baud);
  const ticker = setInterval(() => meter.tick(), 200);
  stopAll.push(async () => {
    clearInterval(ticker);
    meter.persist();
    await link.close();
  });
  new ProtocolServer(link, meter, plan, {
    lineBaud: values['line-timing'] ? baud : null,
    log,
    onUnplug: () => void shutdown(0),
  });
  link.onClose((reason) => {
    log(`serial link ${reason}`);
    void shutdown(0);
  });
  log(`meter ${state.serialNumber} (${psaProfile.id}; ${faults.size ? `faults: ${[...faults].join(',')}` : 'no faults'}) on ${path} at ${baud} baud, speed x${speed}`);
  process.stdout.write(`READY coop ${path} ${state.serialNumber}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`meter emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
