// 1,000 clients dropped at once and resuming at once (a wifi access point rebooting mid-service):
// each gets exactly the events it missed for its topics, in order, none twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { resumingClient, type ResumingClient } from './support/resuming-client.js';
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
    const clients: ResumingClient[] = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) => {
        const k = kinds[i % kinds.length]!;
        return resumingClient(t.hub.port, k.token(), { topics: k.topics, afterSeq: seen });
      }),
    );
    // And some more while they are back, live.
    await serveTable(t.hub, 'table-4');
    const end = lastSeq(t.hub);
    let missing = 0;
    let duplicated = 0;
    await Promise.all(
      clients.map(async (c, i) => {
        const expected = expectedSeqs(t.hub, kinds[i % kinds.length]!.topics, seen, end);
        await c.waitFor(expected.at(-1)!);
        const got = c.seqs();
        duplicated += got.length - new Set(got).size;
        missing += expected.filter((q) => !got.includes(q)).length;
        expect(got).toEqual(expected);
      }),
    );
    expect({ missing, duplicated }).toEqual({ missing: 0, duplicated: 0 });
    // Printed, not asserted: on a loaded machine a socket of the thousand is sometimes cut (1006).
    const reconnects = clients.reduce((n, c) => n + c.reconnects, 0);
    if (reconnects > 0) console.log(`reconnect storm: ${reconnects} client(s) lost a connection and resumed`);
    await Promise.all(clients.map((c) => c.close()));
  }, 60_000);
});
