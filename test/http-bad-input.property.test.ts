// Generated bad input against the real server: every answer is a clear 4xx error, nothing changes, the hub stays up.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastSeq } from '../hub/store/event-log.js';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';

let t: HubUnderTest;
let sessionId: string;
beforeAll(async () => {
  t = await startTestHub();
  ({ sessionId } = (await t.command('OpenSession', { tableId: 'table-2', guests: 2 })) as {
    sessionId: string;
  });
});
afterAll(() => t.stop());

const validRound = () => ({
  type: 'PlaceRound',
  payload: { sessionId, items: [{ productId: 'prod-agua', qty: 1, notes: 'sin hielo' }] },
});

/** Replaces the value at a random path of a valid command with something of the wrong kind. */
const corrupt = fc.record({
  path: fc.constantFrom(
    ['type'],
    ['payload'],
    ['payload', 'sessionId'],
    ['payload', 'items'],
    ['payload', 'items', 0, 'qty'],
    ['payload', 'items', 0, 'productId'],
    ['payload', 'items', 0, 'notes'],
    ['payload', 'holdCourses'],
    ['commandId'],
  ),
  value: fc.oneof(
    fc.constant(null),
    fc.constant(-1),
    fc.constant(1.5),
    fc.constant(0),
    fc.constant(1e12),
    fc.string({ maxLength: 5 }),
    fc.constant('x'.repeat(5000)),
    fc.constant('\u001b@\u001dV'),
    fc.constant([]),
    fc.constant({}),
    fc.boolean(),
  ),
});

function setPath(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let cur: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
}

const expectClearError = (r: { status: number; body: unknown }) => {
  expect(r.status).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(r.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
};

describe('bad input over HTTP', () => {
  it('a corrupted command is refused with a 4xx and changes nothing', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(corrupt, async ({ path, value }) => {
        const command = { commandId: `bad-${++n}`, ...validRound() } as Record<string, unknown>;
        setPath(command, path, value);
        const before = lastSeq(t.hub.db.read);
        const r = await t.fetchJson('/api/commands', { token: t.tokens.WAITER, body: command });
        if (r.status === 200) return; // the corruption happened to be valid (e.g. a new note)
        expectClearError(r);
        expect(lastSeq(t.hub.db.read)).toBe(before);
      }),
      { numRuns: 120 },
    );
  });

  it('random JSON bodies on every command route are refused and change nothing', async () => {
    const types = t.hub.server.routes.filter((r) => r.path.startsWith('/api/commands/')).map((r) => r.path);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), fc.jsonValue({ maxDepth: 3 }), async (path, body) => {
        const before = lastSeq(t.hub.db.read);
        const r = await t.fetchJson(path, { token: t.tokens.ADMIN, body: JSON.stringify(body) });
        expectClearError(r);
        expect(lastSeq(t.hub.db.read)).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it('negative or fractional money is refused', async () => {
    for (const amountCents of [-100, 10.5, Number.MAX_SAFE_INTEGER]) {
      const r = await t.fetchJson('/api/commands/RecordPayment', {
        token: t.tokens.WAITER,
        body: {
          commandId: `money-${String(amountCents).replace(/\W/g, '')}`,
          payload: { sessionId, method: 'CASH', amountCents },
        },
      });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'INVALID' });
    }
  });

  it('ids of another session or of nothing are NOT_FOUND', async () => {
    const r = await t.fetchJson('/api/commands/PlaceRound', {
      token: t.tokens.WAITER,
      body: {
        commandId: 'ghost-round',
        payload: { sessionId: 'no-such-session', items: [{ productId: 'prod-agua', qty: 1 }] },
      },
    });
    expect(r.status).toBe(404);
  });

  it('non-JSON, oversize and unknown-command bodies get 400, 413 and 400', async () => {
    expect((await t.fetchJson('/api/commands', { token: t.tokens.WAITER, body: '{not json' })).status).toBe(
      400,
    );
    const huge = { commandId: 'huge', type: 'AddItem', payload: { note: 'x'.repeat(400 * 1024) } };
    expect((await t.fetchJson('/api/commands', { token: t.tokens.WAITER, body: huge })).status).toBe(413);
    const unknown = await t.fetchJson('/api/commands', {
      token: t.tokens.WAITER,
      body: { commandId: 'u1', type: 'Teleport', payload: {} },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'INVALID' });
  });

  it('is still up and answering after all of it', async () => {
    expect((await t.fetchJson('/healthz')).status).toBe(200);
    const ok = await t.fetchJson('/api/commands', {
      token: t.tokens.WAITER,
      body: { commandId: 'after-all', ...validRound() },
    });
    expect(ok.status).toBe(200);
  });
});
