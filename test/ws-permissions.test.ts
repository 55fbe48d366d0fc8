// The permission matrix of the live feed, role × topic, over real sockets; what each feed carries;
// refused upgrades; device pairing and presence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { connect, subscribed, type TestSocket } from './support/ws-client.js';
import { ACTORS, joinCodeOf, newCommandId, run, serveTable } from './support/live-service.js';

let t: HubUnderTest;
let salonSession: string;
let terrazaSession: string;
let dinerToken: string;
let kdsToken: string;
let tabletToken: string;

async function pair(kind: string, name: string, station: string | null, token = t.tokens.MANAGER) {
  return t.fetchJson('/api/devices/pair', {
    token,
    body: { commandId: newCommandId('pair'), kind, name, station },
  });
}

beforeAll(async () => {
  t = await startTestHub();
  salonSession = await serveTable(t.hub, 'table-1');
  terrazaSession = await serveTable(t.hub, 'table-9');
  const join = await t.fetchJson('/api/diner/join', {
    body: { commandId: newCommandId('join'), joinCode: joinCodeOf(t.hub, 'table-1'), name: 'Eva' },
  });
  expect(join.status).toBe(200);
  dinerToken = (join.body as { token: string }).token;
  kdsToken = ((await pair('KDS', 'Grill screen', 'grill')).body as { token: string }).token;
  tabletToken = ((await pair('TABLET', 'Tablet 1', null)).body as { token: string }).token;
});
afterAll(() => t.stop());

type Who = 'ADMIN' | 'MANAGER' | 'WAITER' | 'KITCHEN' | 'diner' | 'KDS' | 'TABLET';
const WHO: Who[] = ['ADMIN', 'MANAGER', 'WAITER', 'KITCHEN', 'diner', 'KDS', 'TABLET'];
const tokenOf = (who: Who): string =>
  who === 'diner' ? dinerToken : who === 'KDS' ? kdsToken : who === 'TABLET' ? tabletToken : t.tokens[who];

// Columns: admin, expo, menu, kitchen:grill, sector:salon, sector:terraza, session (salon), session (terraza).
const MATRIX: Record<Who, string> = {
  ADMIN: 'YYYYYYYY',
  MANAGER: 'YYYYYYYY',
  WAITER: '..Y.Y.Y.',
  KITCHEN: '.YYY....',
  diner: '..Y...Y.',
  KDS: '.YYY....',
  TABLET: '..Y.....',
};

describe('permission matrix', () => {
  it('every role × topic is allowed or refused exactly as the matrix says', async () => {
    const topics = [
      'admin',
      'expo',
      'menu',
      'kitchen:grill',
      'sector:sector-salon',
      'sector:sector-terraza',
      `session:${salonSession}`,
      `session:${terrazaSession}`,
    ];
    for (const who of WHO) {
      const s = await connect(t.hub.port, tokenOf(who));
      await s.next((f) => f.type === 'welcome');
      for (const [i, topic] of topics.entries()) {
        const at = s.frames.length;
        s.send({ type: 'subscribe', topics: [topic] });
        const reply = await s.next((f) => f.type === 'subscribed' || f.type === 'error', at);
        const allowed = MATRIX[who][i] === 'Y';
        expect(reply.type, `${who} × ${topic}`).toBe(allowed ? 'subscribed' : 'error');
        if (!allowed) expect(reply).toMatchObject({ code: 'FORBIDDEN' });
      }
      await s.close();
    }
  });

  it('a waiter’s feed carries its sector’s tables and nothing of another sector', async () => {
    const s = await subscribed(t.hub.port, t.tokens.WAITER, { afterSeq: 0 });
    const text = JSON.stringify(s.events());
    expect(text).toContain(salonSession);
    expect(text).not.toContain(terrazaSession);
    expect(text).not.toContain('StaffCreated');
    await s.close();
  });

  it('a station screen sees its station’s tickets only; a diner sees only their own session', async () => {
    const kds = await subscribed(t.hub.port, kdsToken, { afterSeq: 0 });
    const tickets = kds.events().filter((e) => e.event.type === 'TicketCreated');
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.every((e) => (e.event.data as { station: string }).station === 'grill')).toBe(true);
    const diner = await subscribed(t.hub.port, dinerToken, { afterSeq: 0 });
    const sessions = new Set(
      diner
        .events()
        .map((e) => (e.event.data as { sessionId?: string }).sessionId)
        .filter(Boolean),
    );
    expect([...sessions]).toEqual([salonSession]);
    await Promise.all([kds.close(), diner.close()]);
  });

  it('a diner may order on their own table and not on another one', async () => {
    const s = await subscribed(t.hub.port, dinerToken);
    const own = newCommandId('diner-own');
    const other = newCommandId('diner-other');
    s.send({
      type: 'command',
      command: {
        commandId: own,
        type: 'AddItem',
        payload: { sessionId: salonSession, item: { productId: 'prod-agua', qty: 1 } },
      },
    });
    s.send({
      type: 'command',
      command: {
        commandId: other,
        type: 'AddItem',
        payload: { sessionId: terrazaSession, item: { productId: 'prod-agua', qty: 1 } },
      },
    });
    const a = await s.next<{ type: 'result'; result: { ok: boolean } }>(
      (f) => f.type === 'result' && f.commandId === own,
    );
    const b = await s.next<{ type: 'result'; result: { ok: boolean; error?: { code: string } } }>(
      (f) => f.type === 'result' && f.commandId === other,
    );
    expect(a.result.ok).toBe(true);
    // Another table's session is not even confirmed to exist for a diner.
    expect(b.result.ok).toBe(false);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(b.result.error?.code);
    const voidId = newCommandId('diner-void');
    s.send({
      type: 'command',
      command: { commandId: voidId, type: 'VoidSession', payload: { sessionId: salonSession, reason: 'x' } },
    });
    const c = await s.next<{ type: 'result'; result: { ok: boolean; error?: { code: string } } }>(
      (f) => f.type === 'result' && f.commandId === voidId,
    );
    expect(c.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await s.close();
  });
});

describe('refused upgrades', () => {
  const refusal = (token: string | undefined) =>
    connect(t.hub.port, token).then(
      () => {
        throw new Error('upgrade should have been refused');
      },
      (err: { status: number; body: string }) => ({
        status: err.status,
        body: JSON.parse(err.body) as unknown,
      }),
    );

  it('answers 401 with a reason for a missing, forged or unknown token', async () => {
    for (const token of [undefined, t.tokens.WAITER.slice(0, -3) + 'xyz', 'cdv_not-a-real-device-token']) {
      const r = await refusal(token);
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('takes a bearer header as well as ?token=', async () => {
    const s = await connect(t.hub.port, t.tokens.KITCHEN, { header: true });
    const welcome = await s.next((f) => f.type === 'welcome');
    expect(welcome).toMatchObject({ principal: { kind: 'staff', role: 'KITCHEN' } });
    await s.close();
  });

  it('only managers may pair a device, and pairing again retires the old token', async () => {
    expect((await pair('KDS', 'Cold screen', 'cold', t.tokens.WAITER)).status).toBe(403);
    const first = await pair('KDS', 'Bar screen', 'bar');
    const { deviceId, token } = first.body as { deviceId: string; token: string };
    const s = await connect(t.hub.port, token);
    await s.next((f) => f.type === 'welcome');
    const again = await t.fetchJson('/api/devices/pair', {
      token: t.tokens.ADMIN,
      body: { commandId: newCommandId('repair'), deviceId, kind: 'KDS', name: 'Bar screen', station: 'bar' },
    });
    expect(again.status).toBe(200);
    expect((await s.closed).code).toBe(4001);
    expect((await refusal(token)).status).toBe(401);
  });
});

describe('presence', () => {
  it('shows which screens are online and which stations have none', async () => {
    const before = await t.fetchJson('/api/devices/presence', { token: t.tokens.MANAGER });
    expect(before.status).toBe(200);
    expect((before.body as { stationsWithoutScreen: string[] }).stationsWithoutScreen).toContain('grill');
    const kds: TestSocket = await subscribed(t.hub.port, kdsToken);
    const during = (await t.fetchJson('/api/devices/presence', { token: t.tokens.ADMIN })).body as {
      stationsWithoutScreen: string[];
      devices: Array<{ name: string; online: boolean }>;
      connections: { device: number };
    };
    expect(during.stationsWithoutScreen).not.toContain('grill');
    expect(during.devices.find((d) => d.name === 'Grill screen')?.online).toBe(true);
    expect(during.connections.device).toBeGreaterThanOrEqual(1);
    await kds.close();
    const waiter = await t.fetchJson('/api/devices/presence', { token: t.tokens.WAITER });
    expect(waiter.status).toBe(403);
    void ACTORS;
    void run;
  });
});
