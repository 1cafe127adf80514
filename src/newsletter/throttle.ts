import { setTimeout as sleep } from 'node:timers/promises';

/** Spaces events out to at most `perSecond`, allowing bursts of a few milliseconds' worth. */
export class Throttle {
  private next = 0;
  private interval: number;

  constructor(perSecond: number) {
    this.interval = 1000 / perSecond;
  }

  /** Changes the rate from the next event on (a send's rate shared by the processes delivering it). */
  setRate(perSecond: number): void {
    this.interval = 1000 / perSecond;
  }

  async take(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(now, this.next);
    this.next = slot + this.interval;
    if (slot - now >= 4) await sleep(slot - now);
  }
}
