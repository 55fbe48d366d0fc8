// A paired kitchen screen runs the kitchen's own commands (start, bump, recall) with its device token,
// over HTTP and over the live feed, so cooks do not type a PIN with wet hands; it may do nothing else,
// another kind of device may do none of it, and an unpaired screen is signed out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KitchenBoardView } from '../protocol/kitchen-board-api.js';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { subscribed } from './support/ws-client.js';

let h: HubUnderTest;
let n = 0;
const post = (token: string, type: string, payload: unknown) =>
  h.fetchJson(`/api/commands/${type}`, { token, body: { commandId: `kds-${type}-${++n}`, payload } });

async function pair(kind: string, name: string): Promise<{ token: string; deviceId: string }> {
  const r = await h.fetchJson('/api/devices/pair', {
    token: h.tokens.ADMIN,
    body: { commandId: `kds-pair-${++n}`, kind, name, station: 'grill' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { token: string; deviceId: string };
}

async function grillTickets(token: string): Promise<KitchenBoardView['tickets']> {
  const r = await h.fetchJson('/api/kitchen/board', { token });
  return (r.body as KitchenBoardView).tickets;
}

let sessionId: string;
beforeAll(async () => {
  h = await startTestHub();
  const opened = await post(h.tokens.WAITER, 'OpenSession', { tableId: 'table-5', guests: 2 });
  sessionId = (opened.body as { data: { sessionId: string } }).data.sessionId;
  const placed = await post(h.tokens.WAITER, 'PlaceRound', {
    sessionId,
    items: [
      { productId: 'prod-entrecot', qty: 1, modifiers: [{ groupId: 'doneness', optionId: 'rare' }] },
      { productId: 'prod-bravas', qty: 2 },
    ],
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(200);
});
afterAll(() => h.stop());

describe('a paired kitchen screen', () => {
  it('starts, bumps and recalls a ticket over HTTP, and the log names the screen', async () => {
    const { token, deviceId } = await pair('KDS', 'Pantalla parrilla');
    const [ticket] = await grillTickets(token);
    expect(ticket).toBeDefined();
    for (const type of ['StartTicket', 'BumpTicket', 'RecallTicket']) {
      const r = await post(token, type, { ticketId: ticket!.id });
      expect(r.status, `${type} ${JSON.stringify(r.body)}`).toBe(200);
    }
    const actor = h.hub.db.read
      .prepare(`SELECT actor FROM event WHERE type = 'TicketBumped' ORDER BY seq DESC LIMIT 1`)
      .get() as { actor: string };
    expect(JSON.parse(actor.actor)).toEqual({ kind: 'device', deviceId });
  });

  it('bumps an item over its live feed', async () => {
    const { token } = await pair('KDS', 'Pantalla parrilla 2');
    const [ticket] = await grillTickets(token);
    const ws = await subscribed(h.hub.port, token);
    ws.send({
      type: 'command',
      command: {
        commandId: `kds-ws-${++n}`,
        type: 'BumpItem',
        payload: { ticketId: ticket!.id, itemId: ticket!.items[0]!.id },
      },
    });
    const result = await ws.next<{ result: { ok: boolean } }>((f) => f.type === 'result');
    expect(result.result.ok).toBe(true);
    await ws.close();
  });

  it('may not take orders, void or 86 (403), on the typed route or the generic one', async () => {
    const { token } = await pair('KDS', 'Pantalla parrilla 3');
    const round = { sessionId, items: [{ productId: 'prod-cana', qty: 1 }] };
    const typed = await post(token, 'PlaceRound', round);
    expect(typed.status).toBe(403);
    expect((typed.body as { code: string }).code).toBe('FORBIDDEN');
    const generic = await h.fetchJson('/api/commands', {
      token,
      body: { commandId: `kds-g-${++n}`, type: 'PlaceRound', payload: round },
    });
    expect(generic.status).toBe(403);
    expect(
      (await post(token, 'SetProductAvailability', { productId: 'prod-cana', available: false })).status,
    ).toBe(403);
  });

  it('another kind of device may not bump', async () => {
    const kds = await pair('KDS', 'Pantalla parrilla 4');
    const [ticket] = await grillTickets(kds.token);
    const tablet = await pair('TABLET', 'Tableta barra');
    const r = await post(tablet.token, 'BumpTicket', { ticketId: ticket!.id });
    expect(r.status).toBe(403);
  });

  it('once unpaired, its token bumps nothing (401)', async () => {
    const { token, deviceId } = await pair('KDS', 'Pantalla vieja');
    const [ticket] = await grillTickets(token);
    const unpaired = await h.fetchJson(`/api/devices/${deviceId}/unpair`, {
      token: h.tokens.ADMIN,
      body: {},
    });
    expect(unpaired.status, JSON.stringify(unpaired.body)).toBe(200);
    expect((await post(token, 'BumpTicket', { ticketId: ticket!.id })).status).toBe(401);
  });
});
