// The hub's relay against the real cloud service: pairing over the admin API, a whole service shipped
// exactly once, the outbox emptied, status and metrics.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../hub/sync/cli.js';
import { DB_TARGETS } from '../cloud-sync/test-support/db-targets.js';
import { hubStatus } from '../cloud-sync/read/owner-reads.js';
import { startSyncCloud, type SyncCloud } from './support/sync-cloud.js';
import { eventually, serveTable, startSyncHub, type SyncHub } from './support/sync-hub.js';
import { expectCloudHasHubLogOnce } from './support/sync-assertions.js';

describe.each(DB_TARGETS)('relay to the cloud on $name', (target) => {
  let cloud: SyncCloud;
  let hub: SyncHub;
  beforeAll(async () => {
    cloud = await startSyncCloud(target);
    hub = await startSyncHub();
  }, 60_000);
  afterAll(async () => {
    await hub?.stop();
    await cloud?.close();
  });

  it('runs standalone until paired, then ships every event once and empties the outbox', async () => {
    expect(hub.status()).toMatchObject({ paired: false, running: false });
    await serveTable(hub, 'table-1');
    expect(hub.outboxSize()).toBeGreaterThan(0);
    const paired = await hub.api('/api/sync/pair', {
      body: { url: cloud.url, hubId: cloud.key.hubId, keyId: cloud.key.keyId, secret: cloud.key.secret },
    });
    expect(paired.status).toBe(200);
    expect(paired.body).toMatchObject({ paired: true, running: true, cloud: { hubId: cloud.key.hubId } });
    expect(JSON.stringify(paired.body)).not.toContain(cloud.key.secret);
    await serveTable(hub, 'table-2');
    await eventually(() => hub.outboxSize() === 0, 'the outbox to empty');
    await expectCloudHasHubLogOnce(hub, cloud);
    // The money events went with the hub's audit entries, and the cloud's chain agrees with every one.
    const cloudStatus = await hubStatus(cloud.db, cloud.key.hubId);
    expect(cloudStatus?.audit).toMatchObject({ ok: true, breakAtSeq: null });
    expect(cloudStatus?.audit.entries).toBeGreaterThan(0);
    const status = await hub.api('/api/sync/status');
    expect(status.body).toMatchObject({
      backlog: 0,
      deadLetters: 0,
      lastError: null,
      lastSuccessAt: expect.any(String),
    });
    const metrics = await (await fetch(`http://127.0.0.1:${hub.hub.port}/metrics`)).text();
    expect(metrics).toMatch(/comanda_sync_paired 1/);
    expect(metrics).toMatch(/comanda_sync_backlog 0/);
    expect(metrics).toMatch(/comanda_sync_events_total\{status="applied"\} \d+/);
  });

  it('refuses bad pairing input (400), unknown dead letters (404) and callers without a token (401)', async () => {
    const bad = await hub.api('/api/sync/pair', {
      body: { url: 'ftp://x', hubId: '', keyId: 'k', secret: 'short' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID', message: expect.any(String) });
    const missing = await hub.api('/api/sync/dead-letters/999999');
    expect(missing.status).toBe(404);
    const notSeq = await hub.api('/api/sync/dead-letters/abc/requeue', { method: 'POST' });
    expect(notSeq.status).toBe(400);
    const anonymous = await fetch(`http://127.0.0.1:${hub.hub.port}/api/sync/status`);
    expect(anonymous.status).toBe(401);
  });

  it('unpairs: the relay stops and the outbox keeps new events for a later pairing', async () => {
    const r = await hub.api('/api/sync/unpair', { method: 'POST' });
    expect(r.body).toEqual({ unpaired: true });
    expect(hub.status()).toMatchObject({ paired: false, running: false });
    await serveTable(hub, 'table-3');
    expect(hub.outboxSize()).toBeGreaterThan(0);
    // Paired again from the CLI, on the same file while the hub runs: the hub notices and syncs.
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const { hubId, keyId, secret } = cloud.key;
      const args = ['pair', '--url', cloud.url, '--hub', hubId, '--key-id', keyId, '--secret', secret];
      expect(runCli(args, { COMANDA_DATA_DIR: hub.dir })).toBe(0);
    } finally {
      log.mockRestore();
    }
    await eventually(() => hub.status().running, 'the hub to pick up the pairing');
    await eventually(() => hub.outboxSize() === 0, 'the outbox to empty after pairing again');
    await expectCloudHasHubLogOnce(hub, cloud);
  });
});
