// The first-run wizard's demo energy feed runs beside the console (it takes tens of seconds on a
// small laptop): one job at a time, its failure logged (the village is usable without it), and
// stop() — called before the database closes (shutdown, restore) — ends it between two groups of
// meters and waits for it.
import { DemoFeedStopped } from './demo-energy-feed.js';

export class DemoEnergyJob {
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly log: (message: string, error: unknown) => void) {}

  get isRunning(): boolean {
    return this.running !== null;
  }

  readonly shouldStop = (): boolean => this.stopping;

  run(work: () => Promise<unknown>, onDone: () => void): void {
    if (this.running) return;
    this.running = work()
      .then(onDone, (error: unknown) => {
        if (!(error instanceof DemoFeedStopped)) this.log('The demo village energy could not be generated', error);
      })
      .finally(() => {
        this.running = null;
      });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }
}
