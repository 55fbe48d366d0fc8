// POST /api/diner/join is public and writes an event per join: it is rate limited per address and per
// join code, answering 429 RATE_LIMITED with Retry-After; looking codes up shares the same limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { ACTORS, joinCodeOf, newCommandId, run } from './support/live-service.js';

let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub({
    liveLimits: {
      join: { perAddress: { perSecond: 0.1, burst: 4 }, perCode: { perSecond: 0.1, burst: 100 } },
    },
  });
  await run(t.hub, ACTORS.LUIS, 'OpenSession', { tableId: 'table-6', guests: 4 });
});
afterAll(() => t.stop());

const joinOnce = (joinCode: string, headers: Record<string, string> = {}) =>
  t.fetchJson('/api/diner/join', { body: { commandId: newCommandId('join'), joinCode }, headers });

describe('diner join rate limit', () => {
  it('lets a burst in, then answers 429 with Retry-After, without writing anything', async () => {
    const code = joinCodeOf(t.hub, 'table-6');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await joinOnce(code)).status);
    // A guessed code counts against the same address.
    statuses.push((await t.fetchJson('/api/diner/tables/QQQQQ1')).status);
    expect(statuses).toEqual([200, 200, 200, 404]);
    const before = (t.hub.db.read.prepare('SELECT count(*) AS n FROM diner').get() as { n: number }).n;
    const limited = await joinOnce(code);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 10 } });
    expect(limited.headers.get('retry-after')).toBe('10');
    expect((await t.fetchJson(`/api/diner/tables/${code}`)).status).toBe(429);
    const after = (t.hub.db.read.prepare('SELECT count(*) AS n FROM diner').get() as { n: number }).n;
    expect(after).toBe(before);
  });
});
