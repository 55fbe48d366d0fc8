// The real service on port 0 over HTTP: health, metrics, signed ingest end to end, the read API's guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestResponseSchema, INGEST_PATH, MAX_BATCH_EVENTS } from '../../protocol/sync/ingest-batch.js';
import { signRequest } from '../../protocol/sync/request-signing.js';
import { manualClock } from '../clock.js';
import { startCloudService, type CloudService } from '../cloud-service.js';
import { parseCloudConfig } from '../config.js';
import type { CloudDb } from '../db/cloud-db.js';
import { DB_TARGETS, type OpenedTarget } from '../test-support/db-targets.js';
import { HubLogSimulator } from '../test-support/hub-log-simulator.js';
import * as ev from '../test-support/sample-events.js';
import { seedHub, type SeededHub } from '../test-support/seed.js';

const T0 = Date.parse('2026-11-27T21:00:00Z');
const TOKEN = 'operator-token-for-tests';
const pglite = DB_TARGETS[0]!;

describe('cloud-sync over HTTP', () => {
  let opened: OpenedTarget;
  let db: CloudDb;
  let service: CloudService;
  let base: string;
  let hub: SeededHub;
  const clock = manualClock(T0);

  beforeAll(async () => {
    opened = await pglite.open();
    db = opened.db;
    const config = parseCloudConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      COMANDA_CLOUD_OPERATOR_TOKEN: TOKEN,
      LOG_LEVEL: 'silent',
    });
    service = await startCloudService({ config, clock, dbs: { write: db, read: db, close: async () => {} } });
    base = `http://127.0.0.1:${service.port}`;
    hub = await seedHub(db, clock);
  });
  afterAll(async () => {
    await service?.close();
    await opened?.close();
  });

  async function post(body: string, headers: Record<string, string>) {
    return fetch(`${base}${INGEST_PATH}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  }
  const sign = (body: string, nonce?: string) =>
    signRequest({
      method: 'POST',
      path: INGEST_PATH,
      keyId: hub.keyId,
      secret: hub.secret,
      body,
      nowMs: clock.nowMs(),
      ...(nonce ? { nonce } : {}),
    });
  /** A signed batch around `events`, which may be anything: the bad-input cases. */
  async function postSignedBatch(batchId: string, events: unknown[]) {
    const body = JSON.stringify({
      protocolVersion: 1,
      hubId: hub.hubId,
      batchId,
      prevSeq: 0,
      events,
      hub: {},
    });
    return post(body, await sign(body));
  }
  const operator = { authorization: `Bearer ${TOKEN}` };

  it('answers /healthz with the database in use and that Redis is not wired yet, and /readyz', async () => {
    const health = await (await fetch(`${base}/healthz`)).json();
    expect(health).toMatchObject({
      ok: true,
      database: { kind: 'pglite' },
      redis: { wired: false },
      nonceStore: 'memory',
    });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('ingests a signed batch over HTTP and echoes the request id', async () => {
    const log = new HubLogSimulator(hub.hubId, hub.branchId);
    log.append([ev.sessionOpened('s-http')]);
    log.append([ev.paymentRecorded('s-http', 'p-http', 900, 100), ev.sessionClosed('s-http', 900, 100)]);
    const body = JSON.stringify(log.batch());
    const res = await post(body, { ...(await sign(body)), 'x-request-id': 'req-123' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-123');
    const answer = ingestResponseSchema.parse(await res.json());
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(answer.highestContiguousSeq).toBe(3);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/cloud_ingest_events_total\{status="applied"\} 3/);
  });

  it('refuses a replayed request and a tampered body with 401 and the reason', async () => {
    const log = new HubLogSimulator(hub.hubId, hub.branchId);
    const body = JSON.stringify(log.batch([]));
    const headers = await sign(body);
    expect((await post(body, headers)).status).toBe(200);
    const replay = await post(body, headers);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'REPLAYED_NONCE' },
    });
    const tampered = await post(body.replace('"events":[]', '"events": []'), await sign(body));
    expect(await tampered.json()).toMatchObject({ details: { reason: 'BAD_SIGNATURE' } });
  });

  it('answers 400 naming the failing path when a signed batch is malformed', async () => {
    const res = await postSignedBatch('b1', [{ id: 'x' }]);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(/ingest batch is invalid at events\.0\./),
    });
  });

  it('answers 413 to a signed batch with more events than a batch may hold, so the relay halves its batches', async () => {
    const res = await postSignedBatch(
      'b-big',
      Array.from({ length: MAX_BATCH_EVENTS + 1 }, () => ({})),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining(`at most ${MAX_BATCH_EVENTS} events`),
    });
  });

  it('guards the read API with the operator token', async () => {
    const url = `${base}/v1/branches/${hub.branchId}/sales?from=2026-11-27&to=2026-11-27`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-000000' } })).status).toBe(401);
    const sales = await (await fetch(url, { headers: operator })).json();
    expect(sales).toMatchObject({ branchId: hub.branchId, totals: { revenueCents: 900, tipsCents: 100 } });
    const status = await (await fetch(`${base}/v1/hubs/${hub.hubId}/status`, { headers: operator })).json();
    expect(status).toMatchObject({
      hubId: hub.hubId,
      highestContiguousSeq: 3,
      audit: { ok: true, entries: 2 },
    });
  });

  it('answers 404 for unknown branches and hubs and 400 for a bad date range', async () => {
    expect(
      (await fetch(`${base}/v1/branches/nope/sales?from=2026-11-01&to=2026-11-02`, { headers: operator }))
        .status,
    ).toBe(404);
    expect((await fetch(`${base}/v1/hubs/nope/status`, { headers: operator })).status).toBe(404);
    const bad = await fetch(`${base}/v1/branches/${hub.branchId}/sales?from=2026-11-03&to=2026-11-02`, {
      headers: operator,
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });
});

describe('cloud-sync configuration', () => {
  it('defaults to port 8090 and ./data/cloud, and names a bad setting', () => {
    expect(parseCloudConfig({})).toMatchObject({ PORT: 8090, COMANDA_CLOUD_DATA_DIR: './data/cloud' });
    expect(() => parseCloudConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseCloudConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
