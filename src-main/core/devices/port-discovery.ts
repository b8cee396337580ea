// Lists serial ports a meter may be on (USB adapters with vendor/product ids), plus a path the
// technician typed (e.g. /dev/ttyUSB0, COM4, or a socat pty). The manual path is checked, not trusted.
import { SerialPort } from 'serialport';
import { existsSync } from 'node:fs';

export interface DiscoveredPort {
  readonly path: string;
  readonly manufacturer: string | null;
  readonly serialNumber: string | null;
  readonly vendorId: string | null;
  readonly productId: string | null;
  readonly source: 'system' | 'manual';
  /** A USB-serial adapter (has vendor/product ids): the likely place for a meter. */
  readonly likelyMeter: boolean;
}

export async function discoverSerialPorts(manualPaths: readonly string[] = []): Promise<DiscoveredPort[]> {
  const listed = await SerialPort.list();
  const ports: DiscoveredPort[] = listed.map((p) => ({
    path: p.path,
    manufacturer: p.manufacturer ?? null,
    serialNumber: p.serialNumber ?? null,
    vendorId: p.vendorId ?? null,
    productId: p.productId ?? null,
    source: 'system',
    likelyMeter: Boolean(p.vendorId && p.productId),
  }));
  for (const path of manualPaths) {
    if (ports.some((p) => p.path === path)) continue;
    if (!existsSync(path)) throw new Error(`The port ${path} does not exist. Check the name (e.g. /dev/ttyUSB0) and that the adapter is plugged in.`);
    ports.push({ path, manufacturer: null, serialNumber: null, vendorId: null, productId: null, source: 'manual', likelyMeter: true });
  }
  return ports.sort((a, b) => Number(b.likelyMeter) - Number(a.likelyMeter) || a.path.localeCompare(b.path));
}
