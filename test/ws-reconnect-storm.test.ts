// 1,000 clients dropped at once and resuming at once (a wifi access point rebooting mid-service):
// each gets exactly the events it missed for its topics, in order, none twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { subscribed, type TestSocket } from './support/ws-client.js';
import { expectedSeqs, lastSeq, serveTable } from './support/live-service.js';

const CLIENTS = 1000;
let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.stop());

describe('reconnect storm', () => {
  it(`${CLIENTS} clients resuming at once each get exactly what they missed`, async () => {
    const kinds = [
      { token: () => t.tokens.WAITER, topics: ['sector:sector-salon', 'menu'] },
      { token: () => t.tokens.KITCHEN, topics: ['kitchen:grill'] },
      { token: () => t.tokens.KITCHEN, topics: ['kitchen:bar', 'expo'] },
      { token: () => t.tokens.ADMIN, topics: ['admin'] },
    ];
    await serveTable(t.hub, 'table-1');
    const seen = lastSeq(t.hub);
    // Service goes on while every device is off the network.
    for (const table of ['table-2', 'table-9', 'table-3', 'table-12']) await serveTable(t.hub, table);
    const sockets: TestSocket[] = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) => {
        const k = kinds[i % kinds.length]!;
        return subscribed(t.hub.port, k.token(), { topics: k.topics, afterSeq: seen });
      }),
    );
    // And some more while they are back, live.
    await serveTable(t.hub, 'table-4');
    const end = lastSeq(t.hub);
    let missing = 0;
    let duplicated = 0;
    await Promise.all(
      sockets.map(async (s, i) => {
        const expected = expectedSeqs(t.hub, kinds[i % kinds.length]!.topics, seen, end);
        await s.next((f) => f.type === 'event' && f.seq === expected.at(-1));
        const got = s.seqs();
        duplicated += got.length - new Set(got).size;
        missing += expected.filter((q) => !got.includes(q)).length;
        expect(got).toEqual(expected);
      }),
    );
    expect({ missing, duplicated }).toEqual({ missing: 0, duplicated: 0 });
    await Promise.all(sockets.map((s) => s.close()));
  }, 60_000);
});
