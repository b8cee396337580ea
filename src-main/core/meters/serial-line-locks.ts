// Several stock meters usually share one RS-485 line (one USB adapter, one unit id each), but a
// serial port can be opened by one user at a time (serialport locks it). So the console takes turns:
// work on a port waits for the work before it on the same port, in this process.
export class SerialLineLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` once every earlier work on `path` has settled; resolves or rejects as `work` does. */
  run<T>(path: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(path) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(path, tail);
    void tail.then(() => {
      if (this.tails.get(path) === tail) this.tails.delete(path);
    });
    return result;
  }
}

/**
 * Wraps a port opener so each opened link holds its port's turn until it is closed (or goes away,
 * e.g. unplugged). Everything that talks to cooperative meters (provisioning, background
 * collection, signed commands) opens ports through one such opener, so a scheduled read never
 * collides with a technician's command on the same line.
 */
export function lockedLinkOpener<L extends { close(): Promise<void>; onClose(listener: (reason: string) => void): () => void }>(
  locks: SerialLineLocks,
  open: (path: string, baudRate: number) => Promise<L>,
): (path: string, baudRate: number) => Promise<L> {
  return (path, baudRate) =>
    new Promise<L>((resolve, reject) => {
      void locks.run(
        path,
        () =>
          new Promise<void>((release) => {
            open(path, baudRate).then(
              (link) => {
                link.onClose(() => release());
                const close = link.close.bind(link);
                link.close = async () => {
                  try {
                    await close();
                  } finally {
                    release();
                  }
                };
                resolve(link);
              },
              (error: unknown) => {
                release();
                reject(error);
              },
            );
          }),
      );
    });
}
