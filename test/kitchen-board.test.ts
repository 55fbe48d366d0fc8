// GET /api/kitchen/board against the real hub: a cook and a paired kitchen screen see the same open
// tickets and held courses, a screen only its own station, and nobody without a token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KitchenBoardView } from '../protocol/kitchen-board-api.js';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';

let h: HubUnderTest;
let n = 0;
const cmd = async (token: string, type: string, payload: unknown) => {
  const r = await h.fetchJson(`/api/commands/${type}`, {
    token,
    body: { commandId: `kb-${type}-${++n}`, payload },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body as { data: Record<string, unknown> }).data;
};

beforeAll(async () => {
  h = await startTestHub();
  const opened = await cmd(h.tokens.WAITER, 'OpenSession', { tableId: 'table-5', guests: 2 });
  await cmd(h.tokens.WAITER, 'PlaceRound', {
    sessionId: opened.sessionId,
    items: [
      { productId: 'prod-croquetas', qty: 2, notes: 'sin gluten por favor' },
      { productId: 'prod-entrecot', qty: 1, modifiers: [{ groupId: 'doneness', optionId: 'rare' }] },
      { productId: 'prod-flan', qty: 2 },
    ],
    holdCourses: ['main'],
  });
});
afterAll(() => h.stop());

describe('GET /api/kitchen/board', () => {
  it('gives a cook the open tickets with allergens, the held course and the last sequence', async () => {
    const r = await h.fetchJson('/api/kitchen/board', { token: h.tokens.KITCHEN });
    expect(r.status).toBe(200);
    const board = r.body as KitchenBoardView;
    expect(board.station).toBeNull();
    expect(board.stations.map((s) => s.id)).toEqual(['grill', 'cold', 'bar', 'pastry']);
    expect(board.lastSeq).toBeGreaterThan(0);
    const croquetas = board.tickets.flatMap((t) => t.items).find((i) => i.name.es === 'Croquetas de jamón');
    expect(croquetas).toMatchObject({ qty: 2, notes: 'sin gluten por favor' });
    expect(croquetas?.allergens).toContain('gluten');
    expect(board.tickets.map((t) => t.station).sort()).toEqual(['grill', 'pastry']);
    expect(board.held).toHaveLength(1);
    expect(board.held[0]).toMatchObject({
      station: 'grill',
      course: 'main',
      tableLabel: '5',
      roundNumber: 1,
    });
    expect(board.held[0]?.items[0]?.name.es).toBe('Entrecot a la brasa');
  });

  it('filters by station for staff', async () => {
    const r = await h.fetchJson('/api/kitchen/board?station=pastry', { token: h.tokens.KITCHEN });
    const board = r.body as KitchenBoardView;
    expect(board.tickets.every((t) => t.station === 'pastry')).toBe(true);
    expect(board.held).toHaveLength(0);
  });

  it("gives a paired kitchen screen its own station's board whatever it asks for", async () => {
    const paired = await h.fetchJson('/api/devices/pair', {
      token: h.tokens.ADMIN,
      body: { commandId: 'kb-pair-1', kind: 'KDS', name: 'Pantalla parrilla', station: 'grill' },
    });
    expect(paired.status, JSON.stringify(paired.body)).toBe(200);
    const token = (paired.body as { token: string }).token;
    const r = await h.fetchJson('/api/kitchen/board?station=pastry', { token });
    expect(r.status).toBe(200);
    const board = r.body as KitchenBoardView;
    expect(board.station).toBe('grill');
    expect(board.tickets.map((t) => t.station)).toEqual(['grill']);
    expect(board.held).toHaveLength(1);
  });

  it('refuses no token, a forged device token and a printer device', async () => {
    expect((await h.fetchJson('/api/kitchen/board')).status).toBe(401);
    expect((await h.fetchJson('/api/kitchen/board', { token: 'cdv_forged' })).status).toBe(401);
    const printer = await h.fetchJson('/api/devices/pair', {
      token: h.tokens.ADMIN,
      body: { commandId: 'kb-pair-2', kind: 'PRINTER', name: 'Impresora', station: 'grill' },
    });
    const token = (printer.body as { token: string }).token;
    expect((await h.fetchJson('/api/kitchen/board', { token })).status).toBe(403);
  });
});
