// Opens a serial port (USB adapter, RS-485 dongle, or a socat pty in tests) as a byte link.
// Only this file knows about the serialport package, so transports stay testable on any duplex.
import { SerialPort } from 'serialport';

export interface ByteLink {
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when the link goes away (closed by us, unplugged, or the pty's peer vanished). */
  onClose(listener: (reason: string) => void): () => void;
  readonly isOpen: boolean;
  close(): Promise<void>;
}

export class SerialOpenError extends Error {
  readonly code = 'PORT_OPEN_FAILED';
  constructor(path: string, cause: unknown) {
    super(
      `Cannot open serial port ${path}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        'Check the cable and adapter, that no other program uses the port, and that you may access it (dialout group).',
    );
    this.name = 'SerialOpenError';
  }
}

export async function openSerialLink(path: string, baudRate: number): Promise<ByteLink> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(new SerialOpenError(path, error)) : resolve())));
  let open = true;
  const closeListeners = new Set<(reason: string) => void>();
  const fireClose = (reason: string): void => {
    if (!open) return;
    open = false;
    for (const listener of closeListeners) listener(reason);
  };
  port.on('close', (error: Error | null) => fireClose(error ? `disconnected: ${error.message}` : 'closed'));
  port.on('error', (error: Error) => fireClose(`port error: ${error.message}`));
  return {
    get isOpen() {
      return open;
    },
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        if (!open) return reject(new Error('port is closed'));
        port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => (error ? reject(error) : resolve()));
      }),
    onData(listener) {
      const handler = (chunk: Buffer): void => listener(chunk);
      port.on('data', handler);
      return () => port.off('data', handler);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) {
          fireClose('closed');
          return resolve();
        }
        port.close(() => {
          fireClose('closed');
          resolve();
        });
      }),
  };
}
