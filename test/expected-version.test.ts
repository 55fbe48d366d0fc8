// `expectedVersion` on a command: it runs only while the aggregate it names is still at the version the
// client read; otherwise 409 CONFLICT and nothing changes. Found accepted and ignored by a new user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';

let t: HubUnderTest;
let sessionId: string;
beforeAll(async () => {
  t = await startTestHub();
  ({ sessionId } = (await t.command('OpenSession', { tableId: 'table-4', guests: 2 })) as {
    sessionId: string;
  });
});
afterAll(() => t.stop());

const version = async () =>
  (
    (await t.fetchJson(`/api/sessions/${sessionId}`, { token: t.tokens.WAITER })).body as {
      session: { version: number };
    }
  ).session.version;
const guests = (commandId: string, n: number, expectedVersion?: number) =>
  t.fetchJson('/api/commands/UpdateGuests', {
    token: t.tokens.WAITER,
    body: {
      commandId,
      payload: { sessionId, guests: n },
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    },
  });

describe('expectedVersion', () => {
  it('runs the command while the session is at the version read, refuses it once someone else changed it', async () => {
    const seen = await version();
    expect(seen).toBeGreaterThanOrEqual(1);
    expect((await guests('ev-1', 3, seen)).status).toBe(200);
    expect(await version()).toBe(seen + 1);

    // A second tablet still holding the old version: refused, and the session keeps 3 guests.
    const stale = await guests('ev-2', 5, seen);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'CONFLICT',
      details: {
        aggregateType: 'session',
        aggregateId: sessionId,
        expectedVersion: seen,
        actualVersion: seen + 1,
      },
    });
    const detail = (await t.fetchJson(`/api/sessions/${sessionId}`, { token: t.tokens.WAITER })).body as {
      session: { guests: number; version: number };
    };
    expect(detail.session).toMatchObject({ guests: 3, version: seen + 1 });
    // Without it, last writer wins as before.
    expect((await guests('ev-3', 4)).status).toBe(200);
  });

  it('also guards a command whose first event starts a new aggregate (a round guards its session)', async () => {
    const seen = await version();
    const place = (commandId: string, expectedVersion: number) =>
      t.fetchJson('/api/commands/PlaceRound', {
        token: t.tokens.WAITER,
        body: {
          commandId,
          expectedVersion,
          payload: { sessionId, items: [{ productId: 'prod-cana', qty: 1 }] },
        },
      });
    expect((await place('ev-r1', seen - 1)).status).toBe(409);
    expect((await place('ev-r2', seen)).status).toBe(200);
  });
});
