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
