// Live feed over a real uWS server and real `ws` clients: resume after a drop while commands run
// elsewhere gets exactly the missed events, in order, then live, with no gap and no duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { connect, subscribed, type TestSocket } from './support/ws-client.js';
import { ACTORS, expectedSeqs, lastSeq, newCommandId, run, serveTable } from './support/live-service.js';

let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.stop());

const afterSubscribed = (s: TestSocket) => {
  const i = s.frames.findIndex((f) => f.type === 'subscribed');
  return s.frames
    .slice(i + 1)
    .filter((f) => f.type === 'event')
    .map((f) => (f as { seq: number }).seq);
};
const replayedBefore = (s: TestSocket) => {
  const i = s.frames.findIndex((f) => f.type === 'subscribed');
  return s.frames
    .slice(0, i)
    .filter((f) => f.type === 'event')
    .map((f) => (f as { seq: number }).seq);
};

describe('resume', () => {
  it('a client that dropped gets exactly what it missed, in order, while commands keep running, then live', async () => {
    const port = t.hub.port;
    const cases = [
      { token: t.tokens.WAITER, topics: ['sector:sector-salon', 'menu'] },
      { token: t.tokens.KITCHEN, topics: ['kitchen:grill'] },
      { token: t.tokens.ADMIN, topics: ['admin'] },
    ];
    await serveTable(t.hub, 'table-1');
    const seen = lastSeq(t.hub);
    // Traffic while the clients are away...
    await serveTable(t.hub, 'table-2');
    await serveTable(t.hub, 'table-9');
    // ...and during the reconnect itself: commands in flight while replay and subscribe happen.
    const during = Promise.all([serveTable(t.hub, 'table-3'), serveTable(t.hub, 'table-10')]);
    const sockets = await Promise.all(
      cases.map((c) => subscribed(port, c.token, { topics: c.topics, afterSeq: seen })),
    );
    await during;
    await serveTable(t.hub, 'table-4');
    const end = lastSeq(t.hub);
    for (const [i, c] of cases.entries()) {
      const s = sockets[i]!;
      const expected = expectedSeqs(t.hub, c.topics, seen, end);
      expect(expected.length, `${c.topics} has traffic`).toBeGreaterThan(0);
      await s.next((f) => f.type === 'event' && f.seq === expected.at(-1));
      expect(s.seqs(), `${c.topics}`).toEqual(expected);
      // Replay first, then the subscribed marker, then only live events after it.
      const replayed = replayedBefore(s);
      expect([...replayed, ...afterSubscribed(s)]).toEqual(expected);
      await s.close();
    }
  });

  it('a client that asks for no replay starts live from the current sequence', async () => {
    const s = await subscribed(t.hub.port, t.tokens.ADMIN, { topics: ['admin'] });
    const from = (s.frames.find((f) => f.type === 'subscribed') as { lastSeq: number }).lastSeq;
    await serveTable(t.hub, 'table-5');
    const expected = expectedSeqs(t.hub, ['admin'], from);
    await s.next((f) => f.type === 'event' && f.seq === expected.at(-1));
    expect(s.seqs()).toEqual(expected);
    await s.close();
  });

  it('the event frames carry the log envelope without secrets', async () => {
    const s = await subscribed(t.hub.port, t.tokens.ADMIN, { topics: ['admin'], afterSeq: 0 });
    const created = s.events().find((e) => e.event.type === 'StaffCreated')!;
    expect(created.seq).toBe(created.event.seq);
    expect(JSON.stringify(created.event.data)).not.toContain('pinHash');
    await s.close();
  });
});

describe('commands over the socket', () => {
  it('replies by command id, and a resend returns the first result without new events', async () => {
    const sessionId = (await run(t.hub, ACTORS.ADMIN, 'OpenSession', { tableId: 'table-6', guests: 2 })) as {
      sessionId: string;
    };
    const s = await subscribed(t.hub.port, t.tokens.WAITER);
    const commandId = newCommandId('ws-add');
    const command = {
      commandId,
      type: 'AddItem',
      payload: { sessionId: sessionId.sessionId, item: { productId: 'prod-agua', qty: 1 } },
    };
    s.send({ type: 'command', command });
    const first = await s.next<{ type: 'result'; commandId: string; result: { ok: boolean; seq: number } }>(
      (f) => f.type === 'result' && f.commandId === commandId,
    );
    expect(first.result.ok).toBe(true);
    const before = lastSeq(t.hub);
    const at = s.frames.length;
    s.send({ type: 'command', command });
    const second = await s.next((f) => f.type === 'result' && f.commandId === commandId, at);
    expect(second).toEqual(first);
    expect(lastSeq(t.hub)).toBe(before);
    await s.close();
  });

  it('two waiters adding to one table at once both keep their lines', async () => {
    const { sessionId } = (await run(t.hub, ACTORS.ADMIN, 'OpenSession', {
      tableId: 'table-7',
      guests: 4,
    })) as {
      sessionId: string;
    };
    const [a, b] = await Promise.all([
      subscribed(t.hub.port, t.tokens.WAITER),
      subscribed(t.hub.port, t.tokens.MANAGER),
    ]);
    const ids = [newCommandId('wa'), newCommandId('wb')];
    a!.send({
      type: 'command',
      command: {
        commandId: ids[0],
        type: 'AddItem',
        payload: { sessionId, item: { productId: 'prod-cafe', qty: 1 } },
      },
    });
    b!.send({
      type: 'command',
      command: {
        commandId: ids[1],
        type: 'AddItem',
        payload: { sessionId, item: { productId: 'prod-zumo', qty: 1 } },
      },
    });
    await Promise.all([
      a!.next((f) => f.type === 'result' && f.commandId === ids[0]),
      b!.next((f) => f.type === 'result' && f.commandId === ids[1]),
    ]);
    const r = await t.fetchJson(`/api/sessions/${sessionId}`, { token: t.tokens.MANAGER });
    const products = JSON.stringify(r.body);
    expect(products).toContain('prod-cafe');
    expect(products).toContain('prod-zumo');
    await Promise.all([a!.close(), b!.close()]);
  });

  it('a waiter command on another sector is refused with FORBIDDEN and changes nothing', async () => {
    const { sessionId } = (await run(t.hub, ACTORS.ADMIN, 'OpenSession', {
      tableId: 'table-11',
      guests: 2,
    })) as {
      sessionId: string;
    };
    const s = await connect(t.hub.port, t.tokens.WAITER);
    const before = lastSeq(t.hub);
    const commandId = newCommandId('forbidden');
    s.send({
      type: 'command',
      command: {
        commandId,
        type: 'AddItem',
        payload: { sessionId, item: { productId: 'prod-agua', qty: 1 } },
      },
    });
    const reply = await s.next<{ type: 'result'; result: { ok: boolean; error?: { code: string } } }>(
      (f) => f.type === 'result' && f.commandId === commandId,
    );
    expect(reply.result.ok).toBe(false);
    expect(reply.result.error?.code).toBe('FORBIDDEN');
    expect(lastSeq(t.hub)).toBe(before);
    await s.close();
  });
});
