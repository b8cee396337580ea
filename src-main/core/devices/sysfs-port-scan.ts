// Finds serial ports without udev: every tty in /sys/class/tty that has a `device` link (a real
// port, not a virtual console), with USB vendor/product ids, maker and serial read from the USB
// device it hangs off, plus whatever /dev/serial/by-id names (present when a host's udev populated
// /dev). Used when the system listing (serialport's list(), which runs `udevadm` on Linux) fails.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface ScannedPort {
  readonly path: string;
  readonly manufacturer: string | null;
  readonly serialNumber: string | null;
  readonly vendorId: string | null;
  readonly productId: string | null;
  /** Behind a USB adapter (ids found, or a by-id name starting `usb-`): the likely place for a meter. */
  readonly usb: boolean;
}

export interface SysfsRoots {
  /** Normally /sys. */
  readonly sysRoot: string;
  /** Normally /dev. */
  readonly devRoot: string;
}

export const REAL_ROOTS: SysfsRoots = { sysRoot: '/sys', devRoot: '/dev' };

/** A sysfs attribute's text, or null when absent or unreadable (sysfs files vanish on unplug). */
function attribute(file: string): string | null {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** The USB device (the folder with idVendor) a tty's device link leads up to, if any. */
function usbDeviceOf(deviceDir: string, sysRoot: string): string | null {
  let dir: string;
  try {
    dir = realpathSync(deviceDir);
  } catch {
    return null;
  }
  // A tty sits at most a few levels below its USB device (interface, then port): stop at the root.
  for (let depth = 0; depth < 6 && dir.startsWith(sysRoot) && dir !== sysRoot; depth += 1) {
    if (existsSync(join(dir, 'idVendor')) && existsSync(join(dir, 'idProduct'))) return dir;
    dir = dirname(dir);
  }
  return null;
}

function scanClassTty(roots: SysfsRoots): ScannedPort[] {
  const classDir = join(roots.sysRoot, 'class', 'tty');
  const found: ScannedPort[] = [];
  for (const name of entries(classDir)) {
    const ttyDir = join(classDir, name);
    // Virtual consoles and ptys have no device link: only real ports have one.
    if (!existsSync(join(ttyDir, 'device'))) continue;
    // A legacy 8250 slot with no UART behind it reports type 0 (PORT_UNKNOWN).
    if (attribute(join(ttyDir, 'type')) === '0') continue;
    const path = join(roots.devRoot, name);
    if (!existsSync(path)) continue;
    const usb = usbDeviceOf(join(ttyDir, 'device'), roots.sysRoot);
    found.push({
      path,
      manufacturer: usb ? attribute(join(usb, 'manufacturer')) : null,
      serialNumber: usb ? attribute(join(usb, 'serial')) : null,
      vendorId: usb ? attribute(join(usb, 'idVendor')) : null,
      productId: usb ? attribute(join(usb, 'idProduct')) : null,
      usb: usb !== null,
    });
  }
  return found;
}

/** /dev/serial/by-id links: a port the class scan missed (no /sys, e.g. some containers) is added. */
function scanById(roots: SysfsRoots, known: Set<string>): ScannedPort[] {
  const byId = join(roots.devRoot, 'serial', 'by-id');
  const found: ScannedPort[] = [];
  for (const name of entries(byId)) {
    let target: string;
    try {
      target = realpathSync(join(byId, name));
    } catch {
      continue; // a dangling link: the adapter was unplugged
    }
    if (known.has(target) || known.has(join(roots.devRoot, basename(target)))) continue;
    known.add(target);
    found.push({ path: target, manufacturer: null, serialNumber: null, vendorId: null, productId: null, usb: name.startsWith('usb-') });
  }
  return found;
}

export function scanSerialPortsWithoutUdev(roots: SysfsRoots = REAL_ROOTS): ScannedPort[] {
  const fromClass = scanClassTty(roots);
  return [...fromClass, ...scanById(roots, new Set(fromClass.map((p) => p.path)))];
}
