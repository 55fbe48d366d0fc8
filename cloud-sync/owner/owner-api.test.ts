// The owner API over real HTTP on every database target: sign-in and its rate limit, tenant isolation,
// roles, overview, reports and CSV, live updates, the catalog editor and the hub-signed feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_CHANGES_PATH, CATALOG_SNAPSHOT_PATH } from '../../protocol/sync/catalog-feed.js';
import { INGEST_PATH } from '../../protocol/sync/ingest-batch.js';
import { signRequest } from '../../protocol/sync/request-signing.js';
import type { CatalogEditorView, Overview, SalesReport } from '../../protocol/owner-api.js';
import type { CloudDb } from '../db/cloud-db.js';
import * as cat from '../test-support/catalog-events.js';
import { DB_TARGETS, type OpenedTarget } from '../test-support/db-targets.js';
import { HubLogSimulator } from '../test-support/hub-log-simulator.js';
import { ingestAs } from '../test-support/ingest-helpers.js';
import { signIn, startOwnerFixture, type OwnerFixture } from '../test-support/owner-fixture.js';
import * as ev from '../test-support/sample-events.js';

const T0 = Date.parse('2026-11-27T21:00:00Z');
const jsonOf = <T>(res: Response): Promise<T> => res.json() as Promise<T>;
const DAY = '2026-11-27';

describe.each(DB_TARGETS)('owner API on $name', (target) => {
  let opened: OpenedTarget;
  let db: CloudDb;
  let f: OwnerFixture;
  let owner: string;
  let viewer: string;
  let rival: string;

  const get = (path: string, cookie?: string) =>
    fetch(`${f.base}${path}`, { headers: cookie === undefined ? {} : { cookie } });
  const post = (path: string, body: unknown, cookie?: string, headers: Record<string, string> = {}) =>
    fetch(`${f.base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(cookie === undefined ? {} : { cookie }),
        ...headers,
      },
      body: JSON.stringify(body),
    });
  const signedGet = async (path: string, query = '') => {
    const hub = f.hubA1;
    const headers = await signRequest({
      method: 'GET',
      path,
      keyId: hub.keyId,
      secret: hub.secret,
      body: '',
      nowMs: f.clock.nowMs(),
    });
    return fetch(`${f.base}${path}${query}`, { headers });
  };

  beforeAll(async () => {
    opened = await target.open();
    db = opened.db;
    f = await startOwnerFixture(db, T0);
    // Branch A1: its menu, one table closed and paid (card, with tip), one table still open with a round.
    const a1 = new HubLogSimulator(f.hubA1.hubId, f.hubA1.branchId);
    for (const cmd of cat.demoMenu()) a1.append(cmd);
    a1.append([ev.sessionOpened('s1', 'table-1')], '2026-11-27T19:10:00.000Z');
    a1.append([ev.roundPlaced('r1', 's1', [ev.item('i1', 'bife', 2400, 2)])], '2026-11-27T19:15:00.000Z');
    a1.append(
      [ev.paymentRecorded('s1', 'p1', 4800, 500), ev.sessionClosed('s1', 4800, 500)],
      '2026-11-27T20:40:00.000Z',
    );
    a1.append([ev.sessionOpened('s2', 'table-2')], '2026-11-27T20:50:00.000Z');
    a1.append([ev.roundPlaced('r2', 's2', [ev.item('i2', 'milanesa', 1800)])], '2026-11-27T20:55:00.000Z');
    await ingestAs(db, f.hubA1, a1.batch(), f.clock);
    // Branch B1 (the other tenant): a sale nobody in tenant A may see.
    const b1 = new HubLogSimulator(f.hubB1.hubId, f.hubB1.branchId);
    b1.append([ev.sessionOpened('sb', 'table-9')]);
    b1.append([ev.roundPlaced('rb', 'sb', [ev.item('ib', 'secreto', 99_900)])]);
    await ingestAs(db, f.hubB1, b1.batch(), f.clock);
    owner = await signIn(f.base, 'owner@norte.test');
    viewer = await signIn(f.base, 'viewer@norte.test');
    rival = await signIn(f.base, 'owner@sur.test');
  });
  afterAll(async () => {
    await f?.close();
    await opened?.close();
  });

  it('signs in with an httpOnly SameSite=Lax cookie, answers /me, and signs out for good', async () => {
    const res = await post('/v1/owner/login', {
      email: 'Owner@Norte.test',
      password: 'correct horse battery',
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^comanda_owner=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const session = cookie.split(';')[0] ?? '';
    expect(await (await get('/v1/owner/me', session)).json()).toMatchObject({
      email: 'owner@norte.test',
      role: 'owner',
      tenantId: f.tenantA,
      tenantName: 'Grupo Norte',
    });
    expect((await post('/v1/owner/logout', {}, session)).status).toBe(200);
    expect((await get('/v1/owner/me', session)).status).toBe(401);
    expect((await get('/v1/owner/me')).status).toBe(401);
  });

  it('gives one answer for an unknown email and a wrong password, then rate-limits the email', async () => {
    const unknown = await post('/v1/owner/login', { email: 'nobody@norte.test', password: 'whatever-123' });
    const wrong = await post('/v1/owner/login', { email: 'locked@norte.test', password: 'wrong password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    for (let i = 0; i < 4; i++)
      await post('/v1/owner/login', { email: 'locked@norte.test', password: 'wrong password' });
    const limited = await post('/v1/owner/login', {
      email: 'locked@norte.test',
      password: 'correct horse battery',
    });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    });
    // Other accounts from the same address still sign in.
    expect(
      (await post('/v1/owner/login', { email: 'viewer@norte.test', password: 'correct horse battery' }))
        .status,
    ).toBe(200);
  });

  it("shows every branch of the owner's tenant with today's sales, live tables and hub health", async () => {
    const overview = await jsonOf<Overview>(await get('/v1/owner/overview', owner));
    expect(overview).toMatchObject({ tenantId: f.tenantA, tenantName: 'Grupo Norte', day: DAY });
    expect(overview.branches.map((b: { name: string }) => b.name)).toEqual(['Centro', 'Puerto']);
    expect(overview.branches[0]).toMatchObject({
      branchId: f.hubA1.branchId,
      today: {
        revenueCents: 4800,
        orderedCents: 4800 + 1800,
        tipsCents: 500,
        sessionsClosed: 1,
        roundsPlaced: 2,
      },
      openTables: 1,
      guestsSeated: 2,
      liveRounds: 1,
      hubs: [{ hubId: f.hubA1.hubId, online: true, lagEvents: 0, deadLetters: 0, auditOk: true }],
    });
    expect(overview.branches[1]).toMatchObject({
      openTables: 0,
      hubs: [{ online: false, lastSeenAt: null }],
    });
  });

  it('keeps each tenant to its own data: overview, reports, catalog reads and writes', async () => {
    const theirs = await jsonOf<Overview>(await get('/v1/owner/overview', rival));
    expect(theirs.branches.map((b: { branchId: string }) => b.branchId)).toEqual([f.hubB1.branchId]);
    const peek = await (
      await get(`/v1/owner/reports?from=${DAY}&to=${DAY}&branches=${f.hubA1.branchId}`, rival)
    ).json();
    expect(peek).toMatchObject({ branches: [], totals: { orderedCents: 0, revenueCents: 0 }, products: [] });
    expect((await get(`/v1/owner/catalog/${f.hubA1.branchId}`, rival)).status).toBe(404);
    const write = await post(
      `/v1/owner/catalog/${f.hubA1.branchId}/changes`,
      { type: 'SetBranchPrice', payload: { productId: 'bife', priceCents: 1 } },
      rival,
    );
    expect(write.status).toBe(404);
    const mine = await jsonOf<SalesReport>(await get(`/v1/owner/reports?from=${DAY}&to=${DAY}`, owner));
    expect(mine.products.map((p: { productId: string }) => p.productId)).not.toContain('secreto');
  });

  it('reports per day, hour, branch, product and payment method, and exports CSV', async () => {
    const r = await jsonOf<SalesReport>(await get(`/v1/owner/reports?from=2026-11-26&to=${DAY}`, owner));
    expect(r.days).toEqual([
      expect.objectContaining({ day: '2026-11-26', revenueCents: 0 }),
      expect.objectContaining({ day: DAY, revenueCents: 4800, orderedCents: 6600, tipsCents: 500 }),
    ]);
    expect(r.hours).toHaveLength(24);
    // Closed at 20:40 UTC: 21:40 on the branch's clock (Europe/Madrid, the hub's default zone).
    expect(r.hours[21]).toEqual({ hour: 21, revenueCents: 4800, sessionsClosed: 1 });
    expect(r.currency).toBe('EUR');
    expect(r.byBranch.map((b: { name: string; revenueCents: number }) => [b.name, b.revenueCents])).toEqual([
      ['Centro', 4800],
      ['Puerto', 0],
    ]);
    expect(r.products).toEqual([
      { productId: 'bife', name: 'Producto bife', qty: 2, salesCents: 4800 },
      { productId: 'milanesa', name: 'Producto milanesa', qty: 1, salesCents: 1800 },
    ]);
    expect(r.paymentMethods).toEqual([
      { method: 'CARD', payments: 1, amountCents: 4800, tipsCents: 500, refundedCents: 0 },
    ]);
    const csv = await get(`/v1/owner/reports.csv?from=${DAY}&to=${DAY}&kind=products`, owner);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="comanda-products-/);
    expect(await csv.text()).toBe(
      'product_id,product,qty,sales\r\nbife,Producto bife,2,48.00\r\nmilanesa,Producto milanesa,1,18.00\r\n',
    );
    expect((await get(`/v1/owner/reports?from=${DAY}&to=2026-11-01`, owner)).status).toBe(400);
    expect((await get(`/v1/owner/reports?from=${DAY}&to=${DAY}`)).status).toBe(401);
  });

  it('lets a viewer look but not edit the menu', async () => {
    expect((await get(`/v1/owner/catalog/${f.hubA1.branchId}`, viewer)).status).toBe(200);
    const res = await post(
      `/v1/owner/catalog/${f.hubA1.branchId}/changes`,
      { type: 'SetBranchPrice', payload: { productId: 'bife', priceCents: 100 } },
      viewer,
    );
    expect(res.status).toBe(403);
    const view = await jsonOf<CatalogEditorView>(await get(`/v1/owner/catalog/${f.hubA1.branchId}`, owner));
    expect(view.headVersion).toBe(0);
  });

  it('refuses a cross-site write and a form-encoded one', async () => {
    const body = { type: 'SetBranchPrice', payload: { productId: 'bife', priceCents: 100 } };
    const cross = await post(`/v1/owner/catalog/${f.hubA1.branchId}/changes`, body, owner, {
      origin: 'https://evil.example',
    });
    expect(cross.status).toBe(403);
    const form = await fetch(`${f.base}/v1/owner/catalog/${f.hubA1.branchId}/changes`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: owner },
      body: 'type=SetBranchPrice',
    });
    expect(form.status).toBe(400);
  });

  it('pushes a live update to the dashboard when the menu changes', async () => {
    const controller = new AbortController();
    const res = await fetch(`${f.base}/v1/owner/live`, {
      headers: { cookie: owner },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`stream ended: ${text}`);
        text += decoder.decode(chunk.value);
      }
    };
    await until(/event: hello/);
    const edit = await post(
      `/v1/owner/catalog/${f.hubA1.branchId}/changes`,
      { type: 'SetBranchPrice', payload: { productId: 'bife', priceCents: 2500 } },
      owner,
    );
    expect(await edit.json()).toMatchObject({ version: 1, type: 'SetBranchPrice' });
    await until(/event: update\ndata: \{"kinds":\["catalog"\]\}/);
    controller.abort();
  });

  it('counts a feed poll as contact: an idle hub that polls stays online', async () => {
    f.clock.advance(5 * 60_000);
    const before = await jsonOf<Overview>(await get('/v1/owner/overview', owner));
    expect(before.branches[0]?.hubs[0]?.online).toBe(false);
    expect((await signedGet(CATALOG_CHANGES_PATH, '?since=0')).status).toBe(200);
    const after = await jsonOf<Overview>(await get('/v1/owner/overview', owner));
    expect(after.branches[0]?.hubs[0]).toMatchObject({ online: true, lagEvents: 0 });
  });

  it('serves the hub feed only to signed requests, and shows when the hub applied the change', async () => {
    expect((await get(`${CATALOG_CHANGES_PATH}?since=0`)).status).toBe(401);
    const changes = await (await signedGet(CATALOG_CHANGES_PATH, '?since=0')).json();
    expect(changes).toMatchObject({
      status: 'changes',
      branchId: f.hubA1.branchId,
      headVersion: 1,
      upToDate: true,
      changes: [{ version: 1, type: 'SetBranchPrice', payload: { productId: 'bife', priceCents: 2500 } }],
    });
    expect(await (await signedGet(CATALOG_CHANGES_PATH, '?since=7')).json()).toMatchObject({
      status: 'must_refetch',
    });
    expect((await signedGet(CATALOG_CHANGES_PATH, '?since=-1')).status).toBe(400);
    const snapshot = await (await signedGet(CATALOG_SNAPSHOT_PATH)).json();
    expect(snapshot).toMatchObject({ branchId: f.hubA1.branchId, version: 1 });

    // The hub applies version 1 and says so in its next batch's report.
    const log = new HubLogSimulator(f.hubA1.hubId, f.hubA1.branchId);
    const body = JSON.stringify({
      ...log.batch([]),
      prevSeq: 9,
      hub: {
        headSeq: 9,
        backlog: 0,
        deadLetters: 0,
        oldestPendingAgeMs: null,
        catalog: { version: 1, appliedAt: '2026-11-27T21:00:30.000Z' },
      },
    });
    const headers = await signRequest({
      method: 'POST',
      path: INGEST_PATH,
      keyId: f.hubA1.keyId,
      secret: f.hubA1.secret,
      body,
      nowMs: f.clock.nowMs(),
    });
    const ingest = await fetch(`${f.base}${INGEST_PATH}`, {
      method: 'POST',
      body,
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(ingest.status).toBe(200);
    const view = await jsonOf<CatalogEditorView>(await get(`/v1/owner/catalog/${f.hubA1.branchId}`, owner));
    expect(view.hubs).toEqual([
      expect.objectContaining({ appliedVersion: 1, appliedAt: '2026-11-27T21:00:30.000Z' }),
    ]);
    expect(view.changes).toEqual([
      expect.objectContaining({ version: 1, appliedAt: '2026-11-27T21:00:30.000Z' }),
    ]);
  });

  it('serves the built dashboard at / and its assets, and nothing outside its folder', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<title>Comanda</title>');
    const asset = await get('/assets/app-1234.js');
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await get('/assets/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await get('/nowhere')).status).toBe(404);
    expect((await get('/healthz')).status).toBe(200);
  });
});
