// Port discovery with and without the system listing. serialport's list() runs `udevadm info -e`
// on Linux; a fresh or kiosk machine has no udev, and then the ports are found by scanning sysfs
// and the listing says why it may be incomplete. Both paths run the real serialport code: with an
// empty PATH (no udevadm, as on a machine without udev) and with a stand-in `udevadm` script that
// prints a udev database record for a USB adapter (no USB hardware exists here). The sysfs scan runs
// on this machine's real /sys and on a stand-in tree shaped like a machine with a USB adapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverSerialPorts, serialportLister } from '../../../src-main/core/devices/port-discovery.js';
import { scanSerialPortsWithoutUdev } from '../../../src-main/core/devices/sysfs-port-scan.js';
import { buildMeterServices } from '../../../src-main/core/app/meters-services.js';
import { AuditRepo } from '../../../src-main/core/audit/audit-repo.js';
import { EventBus } from '../../../src-main/core/api/event-bus.js';
import { systemClock } from '../../../src-main/core/platform/clock.js';
import { CoreError } from '../../../src-main/core/api/core-error.js';
import { createPtyPair, type PtyPair } from '../../../emulator/pty-pair.js';
import { createTestConsole, type TestConsole } from './harness.js';

let dir: string;
let pair: PtyPair;
const savedPath = process.env.PATH;

/** Runs `fn` with PATH set to `folder` only: spawn('udevadm') then finds what that folder holds. */
async function withPath<T>(folder: string, fn: () => Promise<T>): Promise<T> {
  process.env.PATH = folder;
  try {
    return await fn();
  } finally {
    process.env.PATH = savedPath;
  }
}

/** A stand-in `udevadm` that prints one serial adapter in `udevadm info -e` format (and a non-tty). */
function standInUdevadm(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const record = [
    'P: /devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/ttyUSB0/tty/ttyUSB0',
    'N: ttyUSB0',
    'E: DEVNAME=/dev/ttyUSB0',
    'E: ID_VENDOR_ENC=FTDI',
    'E: ID_SERIAL_SHORT=A10KZP3Q',
    'E: ID_VENDOR_ID=0403',
    'E: ID_MODEL_ID=6001',
    '',
    'P: /devices/virtual/input/input3',
    'N: input/event3',
    '',
  ].join('\n');
  writeFileSync(join(folder, 'udevadm'), `#!/bin/sh\nPATH=/usr/bin:/bin\ncat <<'UDEV'\n${record}\nUDEV\n`);
  chmodSync(join(folder, 'udevadm'), 0o755);
}

/** A stand-in /sys + /dev: an FTDI adapter on USB, a UART-less 8250 slot, a virtual console. */
function standInSysfs(root: string): { sysRoot: string; devRoot: string } {
  const sysRoot = join(root, 'sys');
  const devRoot = join(root, 'dev');
  const usbDevice = join(sysRoot, 'devices/pci0000:00/0000:00:14.0/usb1/1-2');
  const iface = join(usbDevice, '1-2:1.0');
  mkdirSync(join(iface, 'ttyUSB0/tty/ttyUSB0'), { recursive: true });
  for (const [name, value] of Object.entries({ idVendor: '0403', idProduct: '6001', manufacturer: 'FTDI', serial: 'A10KZP3Q' })) writeFileSync(join(usbDevice, name), `${value}\n`);
  const platformSlot = join(sysRoot, 'devices/platform/serial8250/tty/ttyS3');
  mkdirSync(platformSlot, { recursive: true });
  mkdirSync(join(sysRoot, 'devices/virtual/tty/tty1'), { recursive: true });
  const classTty = join(sysRoot, 'class/tty');
  mkdirSync(classTty, { recursive: true });
  mkdirSync(join(classTty, 'ttyUSB0'));
  symlinkSync(join(iface, 'ttyUSB0'), join(classTty, 'ttyUSB0', 'device'));
  mkdirSync(join(classTty, 'ttyS3'));
  symlinkSync(join(sysRoot, 'devices/platform/serial8250'), join(classTty, 'ttyS3', 'device'));
  writeFileSync(join(classTty, 'ttyS3', 'type'), '0\n');
  mkdirSync(join(classTty, 'tty1')); // no device link: a virtual console
  mkdirSync(join(devRoot, 'serial/by-id'), { recursive: true });
  for (const name of ['ttyUSB0', 'ttyS3', 'tty1', 'ttyACM0']) writeFileSync(join(devRoot, name), '');
  // A modem found only through by-id (its sysfs entry is not visible, as in some containers).
  symlinkSync(join(devRoot, 'ttyACM0'), join(devRoot, 'serial/by-id', 'usb-Eastron_Modem_0001-if00'));
  symlinkSync(join(devRoot, 'ttyUSB0'), join(devRoot, 'serial/by-id', 'usb-FTDI_FT232R_USB_UART_A10KZP3Q-if00-port0'));
  return { sysRoot, devRoot };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coop-ports-'));
  pair = await createPtyPair(join(dir, 'pty'));
});
afterAll(async () => {
  await pair.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('serial port discovery', () => {
  it('without udevadm: the sysfs scan stands in and the listing says why it may be incomplete', async () => {
    const empty = join(dir, 'empty-bin');
    mkdirSync(empty);
    await expect(withPath(empty, () => serialportLister())).rejects.toThrow(/spawn udevadm ENOENT/);
    const listing = await withPath(empty, () => discoverSerialPorts());
    expect(listing.gap).toMatchObject({ reason: 'udev-missing', detail: expect.stringContaining('udevadm') as string });
    // Whatever this machine has (e.g. /dev/ttyS0 on a VM), it came from the scan.
    for (const port of listing.ports) expect(port.source).toBe('scanned');
    expect(listing.ports.map((p) => p.path)).toEqual(scanSerialPortsWithoutUdev().map((p) => p.path).sort());
  });

  it('with udevadm: the system listing is used as it is, with the adapter ids', async () => {
    const bin = join(dir, 'stand-in-bin');
    standInUdevadm(bin);
    const listing = await withPath(bin, () => discoverSerialPorts());
    expect(listing.gap).toBeNull();
    expect(listing.ports).toEqual([
      { path: '/dev/ttyUSB0', manufacturer: 'FTDI', serialNumber: 'A10KZP3Q', vendorId: '0403', productId: '6001', source: 'system', likelyMeter: true },
    ]);
  });

  it('a udevadm that runs but lists nothing (no udev database) while the kernel has ports: scanned, and said so', async () => {
    const bin = join(dir, 'broken-bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'udevadm'), '#!/bin/sh\necho "Failed to open udev database" >&2\nexit 1\n');
    chmodSync(join(bin, 'udevadm'), 0o755);
    // serialport resolves [] here rather than failing: the stand-in sysfs shows what was missed.
    const roots = standInSysfs(join(dir, 'stand-in-root-2'));
    const listing = await withPath(bin, () => discoverSerialPorts({ roots }));
    expect(listing.gap?.reason).toBe('system-list-empty');
    expect(listing.ports.map((p) => [p.path, p.source, p.likelyMeter])).toEqual([
      [join(roots.devRoot, 'ttyACM0'), 'scanned', true],
      [join(roots.devRoot, 'ttyUSB0'), 'scanned', true],
    ]);
  });

  it('the scan keeps real ports only: USB ids from sysfs, no UART-less slot, no virtual console', () => {
    const roots = standInSysfs(join(dir, 'stand-in-root'));
    const scanned = scanSerialPortsWithoutUdev(roots);
    expect(scanned).toEqual([
      { path: join(roots.devRoot, 'ttyUSB0'), manufacturer: 'FTDI', serialNumber: 'A10KZP3Q', vendorId: '0403', productId: '6001', usb: true },
      { path: join(roots.devRoot, 'ttyACM0'), manufacturer: null, serialNumber: null, vendorId: null, productId: null, usb: true },
    ]);
  });
});

describe('the meters service port list (what the wizard shows)', () => {
  let c: TestConsole;
  beforeAll(() => {
    c = createTestConsole();
  });
  afterAll(() => c.close());
  const services = (portLister?: Parameters<typeof buildMeterServices>[0]['portLister']) =>
    buildMeterServices({ db: c.db, clock: systemClock, audit: new AuditRepo(c.db, () => new Date().toISOString()), events: new EventBus(), keyDir: c.dir, extraPorts: '', ...(portLister ? { portLister } : {}) });

  it('without udev: a typed path that exists is listed, the gap is reported, a missing path is refused', async () => {
    const empty = join(dir, 'empty-bin-2');
    mkdirSync(empty);
    const listing = await withPath(empty, () => services().listPorts(pair.consolePath));
    expect(listing.gap?.reason).toBe('udev-missing');
    expect(listing.ports.find((p) => p.path === pair.consolePath)).toMatchObject({ source: 'manual', likelyMeter: true });
    const missing = withPath(empty, () => services().listPorts('/dev/ttyDOES-NOT-EXIST'));
    await expect(missing).rejects.toThrow(CoreError);
    await expect(missing).rejects.toThrow(/does not exist/);
  });

  it('with a working system listing (an injected stand-in lister): no gap, listed and typed ports together', async () => {
    const standInLister = async () => [{ path: '/dev/ttyUSB7', vendorId: '1a86', productId: '7523', manufacturer: 'QinHeng' }];
    const listing = await services(standInLister).listPorts(pair.consolePath);
    expect(listing.gap).toBeNull();
    expect(listing.ports.map((p) => [p.path, p.source])).toEqual([
      [pair.consolePath, 'manual'],
      ['/dev/ttyUSB7', 'system'],
    ].sort((a, b) => a[0]!.localeCompare(b[0]!)));
  });
});
