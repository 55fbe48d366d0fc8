// The most recent events, serialized once, with their topics: every replay is served from here, in
// memory, on the same thread that publishes live. That is what makes replay-then-live gap-free: a
// replay and the subscribe that follows it run in one synchronous step, so no publish can fall between.
import type Database from 'better-sqlite3';
import type { EventEnvelope } from '../../../protocol/events/event.js';
import { rowToEnvelope } from '../../store/event-log.js';
import { eventFrame } from './wire-event.js';

export interface RingEntry {
  readonly seq: number;
  readonly topics: readonly string[];
  /** The `event` frame, exactly as sent live. */
  readonly frame: string;
}

export class EventRing {
  private readonly entries: RingEntry[] = [];
  private start = 0;
  /** Every seq after this one is held (seqs are contiguous in the committed log). */
  private floor = 0;
  private last = 0;

  constructor(readonly capacity: number) {}

  get lastSeq(): number {
    return this.last;
  }

  /** The oldest `afterSeq` a replay can start from. */
  get replayFloor(): number {
    return this.floor;
  }

  get size(): number {
    return this.entries.length - this.start;
  }

  push(entry: RingEntry): void {
    this.entries.push(entry);
    this.last = entry.seq;
    if (this.size > this.capacity) {
      this.floor = this.entries[this.start]!.seq;
      this.start++;
      // Compact now and then rather than shifting on every push.
      if (this.start > this.capacity) {
        this.entries.splice(0, this.start);
        this.start = 0;
      }
    }
  }

  /** Entries after `afterSeq`; the caller has checked afterSeq >= replayFloor. */
  *after(afterSeq: number): Generator<RingEntry> {
    // Binary search rather than seq arithmetic: correct even if the log ever had a hole.
    let lo = this.start;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.seq <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.entries.length; i++) yield this.entries[i]!;
  }

  /** Fills the ring from the log at start-up, so clients can resume across a hub restart. */
  loadFrom(db: Database.Database): void {
    const rows = db
      .prepare('SELECT * FROM (SELECT * FROM event ORDER BY seq DESC LIMIT ?) ORDER BY seq')
      .all(this.capacity) as Array<Parameters<typeof rowToEnvelope>[0] & { topics: string }>;
    const head = rows[0];
    this.floor = head
      ? head.seq - 1
      : ((db.prepare('SELECT max(seq) AS s FROM event').get() as { s: number | null }).s ?? 0);
    this.last = this.floor;
    for (const row of rows) {
      const envelope: EventEnvelope = rowToEnvelope(row);
      this.push({ seq: row.seq, topics: JSON.parse(row.topics) as string[], frame: eventFrame(envelope) });
    }
  }
}
