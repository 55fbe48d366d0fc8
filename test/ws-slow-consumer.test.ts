// A subscriber that stops reading does not hold anyone up: the others get every event at once, and
// the slow one is told to resync (instead of silently missing events), then resumes with no gap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { subscribed } from './support/ws-client.js';
import { ACTORS, expectedSeqs, lastSeq, run } from './support/live-service.js';

let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub({ liveLimits: { softBackpressureBytes: 64 * 1024 } });
});
afterAll(() => t.stop());

async function resyncs(): Promise<number> {
  const metric = await t.hub.metrics.wsResyncs.get();
  return metric.values.filter((v) => v.labels.reason === 'backpressure').reduce((a, v) => a + v.value, 0);
}

describe('slow consumer', () => {
  it('gets resync once over its backpressure limit while a fast one gets everything; then resumes without a gap', async () => {
    const { sessionId } = (await run(t.hub, ACTORS.ADMIN, 'OpenSession', {
      tableId: 'table-2',
      guests: 8,
    })) as {
      sessionId: string;
    };
    const start = lastSeq(t.hub);
    const slow = await subscribed(t.hub.port, t.tokens.ADMIN, { topics: ['admin'], afterSeq: start });
    const fast = await subscribed(t.hub.port, t.tokens.MANAGER, { topics: ['admin'], afterSeq: start });
    slow.ws.pause();
    const items = Array.from({ length: 100 }, () => ({
      productId: 'prod-agua',
      qty: 1,
      notes: 'sin hielo '.repeat(20),
    }));
    // Enough traffic to fill the kernel's socket buffers and then the hub's own queue for `slow`.
    for (let i = 0; i < 400 && (await resyncs()) === 0; i++) {
      await Promise.all(
        Array.from({ length: 5 }, () => run(t.hub, ACTORS.ADMIN, 'PlaceRound', { sessionId, items })),
      );
    }
    expect(await resyncs()).toBeGreaterThan(0);
    const end = lastSeq(t.hub);
    const expected = expectedSeqs(t.hub, ['admin'], start, end);
    // The fast client has all of it while the slow one is still not reading.
    await fast.next((f) => f.type === 'event' && f.seq === end);
    expect(fast.seqs()).toEqual(expected);

    slow.ws.resume();
    const resync = await slow.next<{ type: 'resync'; reason: string }>((f) => f.type === 'resync');
    expect(resync.reason).toBe('backpressure');
    const got = slow.seqs();
    expect(got).toEqual(expected.slice(0, got.length));
    const at = slow.frames.length;
    slow.send({ type: 'subscribe', topics: ['admin'], afterSeq: got.at(-1) ?? start });
    await slow.next((f) => f.type === 'subscribed', at);
    expect(slow.seqs()).toEqual(expected);
    await Promise.all([slow.close(), fast.close()]);
  });
});
