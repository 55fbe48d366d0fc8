// The backlog the relay reports with every batch: counted at most once a second, and between counts
// kept by taking settled events off the last count, so a drain does not scan the outbox per batch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHubFixture, type HubFixture } from '../../test/support/hub-fixture.js';
import { HubReporter } from './relay-send.js';

let hub: HubFixture;
let nowMs: number;
let reporter: HubReporter;
beforeEach(async () => {
  hub = await createHubFixture();
  nowMs = Date.parse('2026-11-29T20:00:00Z');
  reporter = new HubReporter({ db: hub.db.write }, () => nowMs);
});
afterEach(() => hub.close());

const pendingInDb = () =>
  (hub.db.write.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number })
    .n;
/** Events leave the outbox behind the reporter's back, as acknowledging a batch does. */
const acknowledgeOldest = (n: number) =>
  hub.db.write
    .prepare(
      'DELETE FROM outbox WHERE event_seq IN (SELECT event_seq FROM outbox ORDER BY event_seq LIMIT ?)',
    )
    .run(n);

describe('HubReporter', () => {
  it('counts the outbox on the first report', () => {
    const total = pendingInDb();
    expect(total).toBeGreaterThan(20);
    expect(reporter.report().backlog).toBe(total);
  });

  it('takes settled events off the last count instead of scanning again', () => {
    const total = pendingInDb();
    reporter.report();
    acknowledgeOldest(5);
    reporter.settled(5, 0);
    expect(reporter.report().backlog).toBe(total - 5);
    // Proof that it did not count: rows removed without a settle are not seen until the next count.
    acknowledgeOldest(3);
    expect(reporter.report().backlog).toBe(total - 5);
    nowMs += 1001;
    expect(reporter.report().backlog).toBe(total - 8);
  });

  it('says nothing is old once the last pending event is settled', () => {
    const total = pendingInDb();
    expect(reporter.report().oldestPendingAgeMs).not.toBeNull();
    acknowledgeOldest(total);
    reporter.settled(total, 0);
    expect(reporter.report()).toMatchObject({ backlog: 0, oldestPendingAgeMs: null });
  });

  it('counts afresh after a dead letter, which parks events only a count can see', () => {
    const total = pendingInDb();
    reporter.report();
    acknowledgeOldest(2);
    reporter.settled(1, 1);
    expect(reporter.report().backlog).toBe(total - 2);
  });
});
