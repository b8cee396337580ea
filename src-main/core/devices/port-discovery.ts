// Lists the serial ports a meter may be on (USB adapters with vendor/product ids first). The system
// listing (serialport's list(), which on Linux runs `udevadm`) is tried first; when it fails — no
// udev on a minimal or kiosk image, or a container — the ports are found by scanning sysfs instead
// and the listing says it may be incomplete and why, so the wizard can tell the technician to type
// the path if the adapter is missing. Typed and configured paths are added by the meters service.
import { SerialPort } from 'serialport';
import { REAL_ROOTS, scanSerialPortsWithoutUdev, type SysfsRoots } from './sysfs-port-scan.js';

export interface DiscoveredPort {
  readonly path: string;
  readonly manufacturer: string | null;
  readonly serialNumber: string | null;
  readonly vendorId: string | null;
  readonly productId: string | null;
  /** system = the OS listing; scanned = found in sysfs because the OS listing failed. */
  readonly source: 'system' | 'scanned';
  /** A USB-serial adapter (has vendor/product ids): the likely place for a meter. */
  readonly likelyMeter: boolean;
}

/** Why the list may be incomplete: the stable code the wizard translates, and the system's words. */
export interface PortListingGap {
  readonly reason: 'udev-missing' | 'system-list-failed' | 'system-list-empty';
  readonly detail: string;
}

export interface PortListing {
  readonly ports: DiscoveredPort[];
  /** null when the system listing worked. */
  readonly gap: PortListingGap | null;
}

export interface ListedPort {
  readonly path: string;
  readonly manufacturer?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly vendorId?: string | undefined;
  readonly productId?: string | undefined;
}

/** The system listing; a seam so a console (or a test) can supply another one. */
export type SystemPortLister = () => Promise<readonly ListedPort[]>;

export const serialportLister: SystemPortLister = () => SerialPort.list();

export interface DiscoveryOptions {
  readonly lister?: SystemPortLister;
  /** Where the fallback scan looks (default /sys and /dev). */
  readonly roots?: SysfsRoots;
}

export function listingGapOf(error: unknown): PortListingGap {
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? error.message : String(error);
  // spawn reports a missing program as ENOENT naming it: `spawn udevadm ENOENT`.
  if (code === 'ENOENT' && /udevadm/.test(text)) return { reason: 'udev-missing', detail: text };
  return { reason: 'system-list-failed', detail: text };
}

const scanned = (roots: SysfsRoots): DiscoveredPort[] =>
  scanSerialPortsWithoutUdev(roots).map(({ usb, ...p }) => ({ ...p, source: 'scanned', likelyMeter: usb }));

export async function discoverSerialPorts(options: DiscoveryOptions = {}): Promise<PortListing> {
  const lister = options.lister ?? serialportLister;
  const roots = options.roots ?? REAL_ROOTS;
  let ports: DiscoveredPort[];
  let gap: PortListingGap | null = null;
  try {
    ports = (await lister()).map((p) => ({
      path: p.path,
      manufacturer: p.manufacturer ?? null,
      serialNumber: p.serialNumber ?? null,
      vendorId: p.vendorId ?? null,
      productId: p.productId ?? null,
      source: 'system',
      likelyMeter: Boolean(p.vendorId && p.productId),
    }));
    // serialport resolves an empty list when udevadm runs but fails (no udev database, e.g. in a
    // container): udev lists every real port the scan finds, so a scan that finds more means that.
    if (ports.length === 0) {
      const found = scanned(roots);
      if (found.length > 0) {
        ports = found;
        gap = { reason: 'system-list-empty', detail: 'The system listing (udevadm) returned no serial port.' };
      }
    }
  } catch (error) {
    gap = listingGapOf(error);
    ports = scanned(roots);
  }
  return { ports: ports.sort((a, b) => Number(b.likelyMeter) - Number(a.likelyMeter) || a.path.localeCompare(b.path)), gap };
}
