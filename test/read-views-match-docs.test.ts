// The read views answer exactly what their documented schemas say: parsing a real response with the
// schema (which drops undeclared fields) must give the response back unchanged, so a field the docs
// leave out, or one they promise and the hub does not send, fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionDetailSchema } from '../protocol/api-views.js';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';

let t: HubUnderTest;
let sessionId: string;

const ok = (type: string, payload: unknown) => t.command(type, payload, 'MANAGER');

beforeAll(async () => {
  t = await startTestHub();
  ({ sessionId } = (await ok('OpenSession', { tableId: 'table-3', guests: 2 })) as { sessionId: string });
  const joinCode = (
    t.hub.db.read.prepare('SELECT join_code FROM dining_table WHERE id = ?').get('table-3') as {
      join_code: string;
    }
  ).join_code;
  const { dinerId } = (await ok('JoinSession', { joinCode, name: 'Eva' })) as { dinerId: string };
  const placed = (await ok('PlaceRound', {
    sessionId,
    items: [
      { productId: 'prod-cana', qty: 2, dinerId, notes: 'sin espuma' },
      { productId: 'prod-croquetas', qty: 1, seat: 2 },
    ],
  })) as { ticketIds: string[] };
  for (const ticketId of placed.ticketIds) await ok('BumpTicket', { ticketId });
  await ok('ApplyDiscount', { sessionId, kind: 'AMOUNT', value: 50, reason: 'cliente habitual' });
  await ok('CreateServiceCall', { sessionId, kind: 'CALL_WAITER' }).catch(() => undefined);
  const split = (await ok('SplitCheck', { sessionId, split: { mode: 'EQUAL', parts: 2 } })) as {
    shares: Array<{ key: string; amountCents: number }>;
  };
  await ok('RecordPayment', {
    sessionId,
    shareKey: split.shares[0]!.key,
    method: 'CARD',
    amountCents: split.shares[0]!.amountCents,
    tipCents: 100,
  });
});
afterAll(() => t.stop());

describe('documented read views', () => {
  it('GET /api/sessions/:id is exactly sessionDetailSchema', async () => {
    const r = await t.fetchJson(`/api/sessions/${sessionId}`, { token: t.tokens.WAITER });
    expect(r.status).toBe(200);
    const body = r.body as Record<string, unknown>;
    expect(sessionDetailSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({ split: { shares: expect.any(Array) }, payments: [expect.any(Object)] });
  });
});
