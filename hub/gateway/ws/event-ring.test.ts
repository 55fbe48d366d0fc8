// The replay ring: holds the last N events, knows how far back a replay can start, and refills from
// the log after a restart with the topics stored at write time.
import { afterEach, describe, expect, it } from 'vitest';
import { createHubFixture, type HubFixture } from '../../../test/support/hub-fixture.js';
import { EventRing } from './event-ring.js';

const entry = (seq: number) => ({ seq, topics: ['admin'], frame: `{"seq":${seq}}` });

let fixture: HubFixture | undefined;
afterEach(() => fixture?.close());

describe('EventRing', () => {
  it('keeps the last N events and moves its replay floor as old ones fall out', () => {
    const ring = new EventRing(3);
    for (let s = 1; s <= 5; s++) ring.push(entry(s));
    expect(ring.lastSeq).toBe(5);
    expect(ring.replayFloor).toBe(2);
    expect([...ring.after(2)].map((e) => e.seq)).toEqual([3, 4, 5]);
    expect([...ring.after(4)].map((e) => e.seq)).toEqual([5]);
    expect([...ring.after(5)]).toEqual([]);
  });

  it('stays correct across many compactions', () => {
    const ring = new EventRing(10);
    for (let s = 1; s <= 1000; s++) ring.push(entry(s));
    expect(ring.replayFloor).toBe(990);
    expect([...ring.after(995)].map((e) => e.seq)).toEqual([996, 997, 998, 999, 1000]);
  });

  it('refills from the log after a restart, with each event’s stored topics', async () => {
    fixture = await createHubFixture();
    const ring = new EventRing(50);
    ring.loadFrom(fixture.db.read);
    const rows = fixture.db.read.prepare('SELECT seq, topics FROM event ORDER BY seq').all() as Array<{
      seq: number;
      topics: string;
    }>;
    const last = rows.at(-1)!;
    expect(ring.lastSeq).toBe(last.seq);
    expect(ring.replayFloor).toBe(Math.max(0, last.seq - 50));
    const replay = [...ring.after(ring.replayFloor)];
    expect(replay.map((e) => e.seq)).toEqual(rows.slice(-50).map((r) => r.seq));
    expect(replay.at(-1)!.topics).toEqual(JSON.parse(last.topics));
  });
});
