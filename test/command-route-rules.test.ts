// Rules of the per-command routes found by driving the hub as a new user: the route names the command
// (a body naming another is refused), staff joining a diner to a table need a floor role and the
// table's sector, and a payment settles at least a cent (documented so, and refused before the domain).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';

let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.stop());

const joinCodeOf = (tableId: string) =>
  (
    t.hub.db.read.prepare('SELECT join_code FROM dining_table WHERE id = ?').get(tableId) as {
      join_code: string;
    }
  ).join_code;
const lastSeq = () => (t.hub.db.read.prepare('SELECT max(seq) AS s FROM event').get() as { s: number }).s;

describe('per-command routes', () => {
  it('refuse a body whose type names another command, changing nothing', async () => {
    const before = lastSeq();
    const r = await t.fetchJson('/api/commands/UpdateGuests', {
      token: t.tokens.MANAGER,
      body: { commandId: 'mixup-1', type: 'VoidSession', payload: { sessionId: 'x', guests: 2 } },
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'INVALID', message: expect.stringContaining('UpdateGuests') });
    expect(lastSeq()).toBe(before);
  });

  it('let staff join a diner only with a floor role and in their own sector', async () => {
    await t.command('OpenSession', { tableId: 'table-10', guests: 2 }, 'ADMIN');
    const join = (token: string, commandId: string) =>
      t.fetchJson('/api/commands/JoinSession', {
        token,
        body: { commandId, payload: { joinCode: joinCodeOf('table-10'), name: 'Eva' } },
      });
    expect((await join(t.tokens.KITCHEN, 'join-cook')).status).toBe(403);
    // The demo waiter works the Salón; table 10 is on the Terraza.
    expect((await join(t.tokens.WAITER, 'join-waiter')).status).toBe(403);
    expect((await join(t.tokens.MANAGER, 'join-manager')).status).toBe(200);
  });

  it('document and refuse a payment of 0 cents', async () => {
    const doc = (await t.fetchJson('/api/openapi.json')).body as Record<string, unknown>;
    expect(JSON.stringify(doc)).toMatch(/"amountCents":\{"type":"integer","minimum":1/);
    const r = await t.fetchJson('/api/commands/RecordPayment', {
      token: t.tokens.MANAGER,
      body: { commandId: 'pay-zero', payload: { sessionId: 'x', method: 'CASH', amountCents: 0 } },
    });
    expect(r.status).toBe(400);
  });
});
