// The Redis side through the real service on port 0: /healthz says what is wired, a signed ingest is
// fanned out to the tenant after it commits, a hub over its rate gets 429 + Retry-After, the menu is
// warmed at start and served from the cache until a clear by pattern. Once in-process, once on the real
// Redis at TEST_REDIS_URL (own key prefix, keys removed after).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_PATH } from '../../protocol/sync/ingest-batch.js';
import { signRequest } from '../../protocol/sync/request-signing.js';
import { manualClock } from '../clock.js';
import { startCloudService, type CloudService } from '../cloud-service.js';
import { parseCloudConfig } from '../config.js';
import type { CloudDb } from '../db/cloud-db.js';
import { DB_TARGETS, type OpenedTarget } from '../test-support/db-targets.js';
import { HubLogSimulator } from '../test-support/hub-log-simulator.js';
import { redisBackend } from '../test-support/redis-backends.js';
import * as ev from '../test-support/sample-events.js';
import { seedHub, type SeededHub } from '../test-support/seed.js';
import type { AppliedEventsMessage } from './tenant-fanout.js';

const TOKEN = 'operator-token-for-tests';
const url = process.env.TEST_REDIS_URL;
const MODES = url ? (['in-process', 'redis'] as const) : (['in-process'] as const);
if (!url)
  console.warn('TEST_REDIS_URL is not set: the Redis service test runs in-process only (SKIPPED on Redis)');

interface MenuBody {
  categories: { products: { productId: string }[] }[];
}
const menuOf = async (res: Response) => (await res.json()) as MenuBody;

async function addProduct(db: CloudDb, branchId: string, productId: string, priceCents: number) {
  await db.query(
    `INSERT INTO catalog_products (branch_id, product_id, category_id, name, description, price_cents, station, course,
       tax_rate_bp, allergens, modifier_groups)
     VALUES ($1, $2, 'mains', $3::jsonb, '{"es":"","en":""}'::jsonb, $4, 'grill', 'main', 1000, '[]'::jsonb, '[]'::jsonb)`,
    [branchId, productId, JSON.stringify({ es: productId, en: productId }), priceCents],
  );
}

describe.each(MODES)('the Redis side of the service, %s', (mode) => {
  let opened: OpenedTarget;
  let db: CloudDb;
  let service: CloudService;
  let base: string;
  let hub: SeededHub;
  const prefix = `comanda-test:${randomBytes(6).toString('hex')}:`;
  const clock = manualClock(Date.parse('2026-11-27T21:00:00Z'));

  beforeAll(async () => {
    opened = await DB_TARGETS[0]!.open();
    db = opened.db;
    hub = await seedHub(db, clock);
    await db.query(
      `INSERT INTO catalog_categories (branch_id, category_id, name, position) VALUES ($1, 'mains', '{"es":"Principales","en":"Mains"}'::jsonb, 1)`,
      [hub.branchId],
    );
    await addProduct(db, hub.branchId, 'burger', 1200);
    const config = parseCloudConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      COMANDA_CLOUD_OPERATOR_TOKEN: TOKEN,
      LOG_LEVEL: 'silent',
      COMANDA_INGEST_RATE_PER_S: '0.5',
      COMANDA_INGEST_BURST: '2',
      COMANDA_REDIS_PREFIX: prefix,
      ...(mode === 'redis' ? { REDIS_URL: url } : {}),
    });
    service = await startCloudService({ config, clock, dbs: { write: db, read: db, close: async () => {} } });
    base = `http://127.0.0.1:${service.port}`;
  });
  afterAll(async () => {
    await service?.close();
    await opened?.close();
    if (mode === 'redis') await redisBackend({ url: url! }).cleanup(prefix);
  });

  const operator = { authorization: `Bearer ${TOKEN}` };
  function postBatch(body: string) {
    const headers = signRequest({
      method: 'POST',
      path: INGEST_PATH,
      keyId: hub.keyId,
      secret: hub.secret,
      body,
      nowMs: clock.nowMs(),
    });
    return headers.then((h) =>
      fetch(`${base}${INGEST_PATH}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...h },
      }),
    );
  }

  it('/healthz says whether Redis is wired, and in which mode', async () => {
    const health = (await (await fetch(`${base}/healthz`)).json()) as Record<string, unknown>;
    if (mode === 'redis') {
      expect(health.redis).toMatchObject({ wired: true, mode: 'standalone', ok: true, configured: true });
      expect(health.nonceStore).toBe('redis-standalone');
    } else {
      expect(health.redis).toMatchObject({ wired: false, mode: 'in-process', configured: false });
      expect(String((health.redis as { warning?: string }).warning)).toMatch(/in-process/);
      expect(health.nonceStore).toBe('memory');
    }
  });

  it('warms the menu at start, serves it from the cache, and a clear by pattern reloads it', async () => {
    expect(await service.menusWarmed).toBeGreaterThanOrEqual(1);
    const before = service.redis.cache.stats();
    const menu = await (
      await fetch(`${base}/v1/branches/${hub.branchId}/menu`, { headers: operator })
    ).json();
    expect(menu).toMatchObject({
      branchId: hub.branchId,
      categories: [{ categoryId: 'mains', products: [{ productId: 'burger', priceCents: 1200 }] }],
    });
    expect(service.redis.cache.stats().hits).toBe(before.hits + 1); // warmed: no miss
    await addProduct(db, hub.branchId, 'salad', 900);
    const cached = await menuOf(
      await fetch(`${base}/v1/branches/${hub.branchId}/menu`, { headers: operator }),
    );
    expect(cached.categories[0]?.products).toHaveLength(1);
    const clear = await fetch(`${base}/v1/ops/cache/clear`, {
      method: 'POST',
      headers: { ...operator, 'content-type': 'application/json' },
      body: JSON.stringify({ pattern: 'menu:*' }),
    });
    expect(await clear.json()).toMatchObject({ pattern: 'menu:*', deleted: 1 });
    const fresh = await menuOf(
      await fetch(`${base}/v1/branches/${hub.branchId}/menu`, { headers: operator }),
    );
    expect(fresh.categories[0]?.products.map((p) => p.productId)).toEqual(['burger', 'salad']);
    expect((await fetch(`${base}/v1/ops/cache/clear`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it("publishes a committed batch's applied events to the tenant, then rate-limits the hub with 429", async () => {
    const got: AppliedEventsMessage[] = [];
    const off = await service.redis.fanout.subscribe(hub.tenantId, (m) => got.push(m));
    const log = new HubLogSimulator(hub.hubId, hub.branchId);
    log.append([ev.sessionOpened('s-live')]);
    const first = await postBatch(JSON.stringify(log.batch()));
    expect(first.status).toBe(200);
    const deadline = Date.now() + 3000;
    while (got.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(got[0]).toMatchObject({
      kind: 'ingest',
      tenantId: hub.tenantId,
      branchId: hub.branchId,
      hubId: hub.hubId,
      events: [{ eventId: log.events[0]!.id, seq: 1, type: 'SessionOpened' }],
    });
    await off();

    // Burst 2 at 0.5/s: the first batch took one token, a resend takes the other, the next must wait.
    const second = await postBatch(JSON.stringify(log.batch()));
    expect(second.status).toBe(200);
    const third = await postBatch(JSON.stringify(log.batch()));
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await third.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(got).toHaveLength(1); // the resend applied nothing, so nothing more was published
  });
});
