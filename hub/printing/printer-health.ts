// What the hub believes about each printer right now, shared by the print worker (which learns from
// every send) and the status poller (which asks DLE EOT): since when it has been unable to print, and
// why. Held in memory on purpose: after a restart the hub asks again rather than trusting old news.
export type PrinterTrouble = 'unreachable' | 'not-ready';

export interface PrinterHealthEntry {
  since: number;
  trouble: PrinterTrouble;
}

export class PrinterHealth {
  private readonly down = new Map<string, PrinterHealthEntry>();

  constructor(private readonly onChange: (printerId: string, up: boolean) => void) {}

  get(printerId: string): PrinterHealthEntry | undefined {
    return this.down.get(printerId);
  }

  /** The printer cannot print; the first failure's time is kept, the reason follows the latest news. */
  markDown(printerId: string, trouble: PrinterTrouble, now: number): void {
    const was = this.down.get(printerId);
    this.down.set(printerId, { since: was?.since ?? now, trouble });
    if (!was) this.onChange(printerId, false);
  }

  markUp(printerId: string): void {
    const was = this.down.delete(printerId);
    if (was) this.onChange(printerId, true);
  }

  /** Down for at least this long: time to move its jobs elsewhere. */
  downFor(printerId: string, now: number): number {
    const entry = this.down.get(printerId);
    return entry ? now - entry.since : 0;
  }
}
