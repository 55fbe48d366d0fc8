// The diner app's API on a real hub: two phones at one table share the cart (the PENDING round) and
// see who added each line; a diner edits only their own lines; the branch setting decides whether a
// diner's round goes straight to the kitchen or waits for the waiter's ConfirmRound; the check and
// service calls; and a table token reaches nothing but its own session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DinerSessionView } from '../protocol/diner-api.js';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { subscribed } from './support/ws-client.js';
import { ACTORS, joinCodeOf, newCommandId, run } from './support/live-service.js';

let t: HubUnderTest;
let sessionId: string;
let otherSession: string;
let eva: string;
let tom: string;

async function join(tableId: string, name?: string): Promise<{ token: string; dinerId: string }> {
  const r = await t.fetchJson('/api/diner/join', {
    body: {
      commandId: newCommandId('join'),
      joinCode: joinCodeOf(t.hub, tableId),
      ...(name ? { name } : {}),
    },
  });
  expect(r.status).toBe(200);
  return r.body as { token: string; dinerId: string };
}

async function command(token: string, type: string, payload: unknown) {
  const r = await t.fetchJson('/api/diner/commands', {
    token,
    body: { commandId: newCommandId(type), type, payload },
  });
  return r as { status: number; body: { ok?: boolean; data?: Record<string, unknown>; code?: string } };
}

const view = async (token: string) => {
  const r = await t.fetchJson('/api/diner/session', { token });
  expect(r.status).toBe(200);
  return r.body as DinerSessionView;
};

beforeAll(async () => {
  t = await startTestHub();
  sessionId = (
    (await run(t.hub, ACTORS.LUIS, 'OpenSession', { tableId: 'table-3', guests: 2 })) as { sessionId: string }
  ).sessionId;
  otherSession = (
    (await run(t.hub, ACTORS.LUIS, 'OpenSession', { tableId: 'table-4', guests: 2 })) as { sessionId: string }
  ).sessionId;
  eva = (await join('table-3', 'Eva')).token;
  tom = (await join('table-3', 'Tom')).token;
});
afterAll(() => t.stop());

describe('diner routes', () => {
  it('the join screen can look a code up: table, restaurant, whether it is seated', async () => {
    const r = await t.fetchJson(`/api/diner/tables/${joinCodeOf(t.hub, 'table-3')}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ tableLabel: '3', open: true });
    const free = await t.fetchJson(`/api/diner/tables/${joinCodeOf(t.hub, 'table-7')}`);
    expect(free.body).toMatchObject({ open: false });
    expect((await t.fetchJson('/api/diner/tables/ZZZZZ9')).status).toBe(404);
  });

  it('the menu comes with allergens, prices and availability, for a table token only', async () => {
    await run(t.hub, ACTORS.LUIS, 'SetProductAvailability', { productId: 'prod-flan', available: false });
    const r = await t.fetchJson('/api/diner/menu', { token: eva });
    expect(r.status).toBe(200);
    const menu = r.body as {
      categories: Array<{
        products: Array<{ id: string; allergens: string[]; available: boolean; priceCents: number }>;
      }>;
    };
    const products = menu.categories.flatMap((c) => c.products);
    expect(products.length).toBeGreaterThan(10);
    expect(products.find((p) => p.id === 'prod-flan')?.available).toBe(false);
    expect(products.some((p) => p.allergens.includes('gluten'))).toBe(true);
    expect((await t.fetchJson('/api/diner/menu')).status).toBe(401);
    expect((await t.fetchJson('/api/diner/menu', { token: 'nonsense' })).status).toBe(401);
  });

  it('two diners build one shared cart and each line says who added it', async () => {
    const evaLive = await subscribed(t.hub.port, eva);
    const a = await command(eva, 'AddItem', { sessionId, item: { productId: 'prod-bravas', qty: 2 } });
    const b = await command(tom, 'AddItem', {
      sessionId,
      // Tom claims the line is Eva's: the hub attributes it to Tom anyway.
      item: { productId: 'prod-cana', qty: 1, dinerId: 'someone-else' },
    });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.data?.roundId).toBe(b.body.data?.roundId);
    // Eva's phone hears Tom's line live.
    await evaLive.next(
      (f) =>
        f.type === 'event' &&
        f.event.type === 'ItemAdded' &&
        f.event.commandId !== null &&
        JSON.stringify(f.event.data).includes('prod-cana'),
    );
    await evaLive.close();

    const v = await view(eva);
    expect(v.me.name).toBe('Eva');
    expect(v.diners.map((d) => d.name)).toEqual(['Eva', 'Tom']);
    expect(v.cart?.status).toBe('PENDING');
    const lines = v.cart!.items.map((i) => [
      i.productId,
      i.qty,
      i.addedBy?.kind === 'diner' ? i.addedBy.name : null,
      i.mine,
    ]);
    expect(lines).toEqual([
      ['prod-bravas', 2, 'Eva', true],
      ['prod-cana', 1, 'Tom', false],
    ]);
    expect(v.cart!.totalCents).toBe(v.cart!.items.reduce((s, i) => s + i.lineTotalCents, 0));
    expect(v.check.totalCents).toBe(0); // nothing is billed before it goes to the kitchen
  });

  it('a diner changes and removes their own lines, not someone else’s', async () => {
    const cart = (await view(eva)).cart!;
    const evas = cart.items.find((i) => i.mine)!;
    const toms = cart.items.find((i) => !i.mine)!;
    expect((await command(eva, 'UpdateItem', { itemId: evas.id, qty: 3 })).status).toBe(200);
    const refused = await command(eva, 'RemoveItem', { itemId: toms.id });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const tomsOwn = await command(tom, 'AddItem', { sessionId, item: { productId: 'prod-agua', qty: 1 } });
    expect((await command(tom, 'RemoveItem', { itemId: tomsOwn.body.data!.itemId })).status).toBe(200);
    const after = (await view(tom)).cart!.items.map((i) => [i.productId, i.qty]);
    expect(after).toEqual([
      ['prod-bravas', 3],
      ['prod-cana', 1],
    ]);
  });

  it('with confirmation on, a diner round waits for the waiter; ConfirmRound sends it to the kitchen', async () => {
    await run(t.hub, ACTORS.ADMIN, 'UpdateBranchSettings', {
      settings: { dinerRoundsNeedConfirmation: true },
    });
    const v = await view(eva);
    expect(v.settings.dinerRoundsNeedConfirmation).toBe(true);
    const r = await command(eva, 'SubmitRound', { roundId: v.cart!.id });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'SUBMITTED', ticketIds: [] });
    const waiting = await view(tom);
    expect(waiting.cart).toBeNull();
    expect(waiting.rounds.at(-1)?.status).toBe('SUBMITTED');
    const confirmed = await run(t.hub, ACTORS.LUIS, 'ConfirmRound', { roundId: v.cart!.id });
    expect((confirmed.ticketIds as string[]).length).toBeGreaterThan(0);
    const after = await view(tom);
    expect(after.rounds.at(-1)?.status).toBe('IN_KITCHEN');
    expect(after.check.totalCents).toBeGreaterThan(0);
    expect(after.check.dueCents).toBe(after.check.totalCents);
  });

  it('with confirmation off, a diner round goes straight to the kitchen', async () => {
    await run(t.hub, ACTORS.ADMIN, 'UpdateBranchSettings', {
      settings: { dinerRoundsNeedConfirmation: false },
    });
    const added = await command(tom, 'AddItem', { sessionId, item: { productId: 'prod-agua', qty: 2 } });
    const r = await command(tom, 'SubmitRound', { roundId: added.body.data!.roundId });
    expect(r.body.data).toMatchObject({ status: 'IN_KITCHEN' });
    const tickets = await t.fetchJson('/api/kitchen/tickets', { token: t.tokens.KITCHEN });
    const ids = (tickets.body as Array<{ id: string }>).map((k) => k.id);
    for (const id of r.body.data!.ticketIds as string[]) expect(ids).toContain(id);
  });

  it('changing one branch setting leaves the others as they were', async () => {
    await run(t.hub, ACTORS.ADMIN, 'UpdateBranchSettings', {
      settings: { serviceCallEscalationSeconds: 300 },
    });
    await run(t.hub, ACTORS.ADMIN, 'UpdateBranchSettings', {
      settings: { dinerRoundsNeedConfirmation: false },
    });
    const row = t.hub.db.read.prepare('SELECT settings FROM branch').get() as { settings: string };
    expect(JSON.parse(row.settings)).toMatchObject({
      serviceCallEscalationSeconds: 300,
      dinerRoundsNeedConfirmation: false,
    });
  });

  it('a diner calls the waiter and asks for the check, and sees both', async () => {
    expect((await command(eva, 'CreateServiceCall', { sessionId, kind: 'CALL_WAITER' })).status).toBe(200);
    expect((await command(tom, 'RequestCheck', { sessionId })).status).toBe(200);
    const v = await view(eva);
    expect(v.serviceCalls.map((c) => c.kind)).toContain('CALL_WAITER');
    expect(v.session.status).toBe('CHECK_REQUESTED');
    expect(v.check.totalCents).toBe(
      v.rounds.filter((r) => r.status !== 'CANCELED').reduce((s, r) => s + r.totalCents, 0),
    );
  });

  it('a table token reaches its own session only: others are 404, staff routes refuse it', async () => {
    expect((await t.fetchJson(`/api/diner/sessions/${sessionId}`, { token: eva })).status).toBe(200);
    const foreign = await t.fetchJson(`/api/diner/sessions/${otherSession}`, { token: eva });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: 'NOT_FOUND' });
    const onOther = await command(eva, 'AddItem', {
      sessionId: otherSession,
      item: { productId: 'prod-agua', qty: 1 },
    });
    expect(onOther.status).toBe(404);
    const notDiners = await command(eva, 'ConfirmRound', { roundId: 'whatever' });
    expect(notDiners.status).toBe(403);
    for (const path of ['/api/floor', `/api/sessions/${sessionId}`, '/api/kitchen/tickets', '/api/menu']) {
      const r = await t.fetchJson(path, { token: eva });
      expect([401, 403]).toContain(r.status);
      expect(r.body).toHaveProperty('code');
    }
    const staffCommand = await t.fetchJson('/api/commands', {
      token: eva,
      body: {
        commandId: newCommandId('x'),
        type: 'AddItem',
        payload: { sessionId, item: { productId: 'prod-agua', qty: 1 } },
      },
    });
    expect([401, 403]).toContain(staffCommand.status);
  });

  it('a session that ends takes the table token with it', async () => {
    const { sessionId: s5 } = (await run(t.hub, ACTORS.LUIS, 'OpenSession', {
      tableId: 'table-5',
      guests: 1,
    })) as {
      sessionId: string;
    };
    const { token } = await join('table-5');
    expect((await t.fetchJson('/api/diner/session', { token })).status).toBe(200);
    await run(t.hub, ACTORS.ADMIN, 'VoidSession', { sessionId: s5, reason: 'seated by mistake' });
    const r = await t.fetchJson('/api/diner/session', { token });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("shows the waiter who placed each round: a name for staff, the table's own for diners", async () => {
    await run(t.hub, ACTORS.LUIS, 'PlaceRound', { sessionId, items: [{ productId: 'prod-cana', qty: 1 }] });
    const r = await t.fetchJson(`/api/sessions/${sessionId}`, { token: t.tokens.MANAGER });
    expect(r.status).toBe(200);
    const rounds = (r.body as { rounds: Array<{ status: string; source: string; placedBy: string | null }> })
      .rounds;
    const placed = rounds.filter((x) => x.status !== 'PENDING');
    expect(placed.some((x) => x.source === 'DINER' && x.placedBy === null)).toBe(true);
    expect(placed.at(-1)).toMatchObject({ source: 'STAFF', placedBy: 'Luis' });
  });
});
