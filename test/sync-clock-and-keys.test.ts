// The hub's clock 10 minutes off either way (the cloud accepts ±5 min): the relay learns the offset from
// the cloud's Date header / its 401 TIMESTAMP_OUT_OF_WINDOW and keeps syncing. A rotated key: the old one
// works during the overlap, stops when it ends (revoked here), and the hub syncs again once re-paired.
import { afterEach, describe, expect, it } from 'vitest';
import { revokeKey } from '../cloud-sync/auth/hub-keys.js';
import { systemClock } from '../cloud-sync/clock.js';
import { DB_TARGETS } from '../cloud-sync/test-support/db-targets.js';
import { startSyncCloud, type SyncCloud } from './support/sync-cloud.js';
import { eventually, FAST_SYNC, serveTable, startSyncHub, type SyncHub } from './support/sync-hub.js';
import { expectCloudHasHubLogOnce } from './support/sync-assertions.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

async function pair(hub: SyncHub, cloud: SyncCloud, key = cloud.key) {
  const r = await hub.api('/api/sync/pair', {
    body: { url: cloud.url, hubId: key.hubId, keyId: key.keyId, secret: key.secret },
  });
  expect(r.status).toBe(200);
}

const TEN_MINUTES = 10 * 60_000;

describe.each(DB_TARGETS)('clock skew and key rotation on $name', (target) => {
  it.each([
    ['ahead', TEN_MINUTES],
    ['behind', -TEN_MINUTES],
  ])(
    'syncs with the hub clock 10 minutes %s, signing with the offset it learned',
    async (_label, skew) => {
      const cloud = await startSyncCloud(target);
      stops.push(() => cloud.close());
      const hub = await startSyncHub({ sync: { ...FAST_SYNC, now: () => Date.now() + skew } });
      stops.push(() => hub.stop());
      await pair(hub, cloud);
      await serveTable(hub, 'table-1');
      await eventually(() => hub.outboxSize() === 0, 'the outbox to drain');
      await expectCloudHasHubLogOnce(hub, cloud);
      // Cloud minus hub ≈ -skew (the Date header has 1 s resolution; a minute of slack is plenty).
      expect(Math.abs(hub.status().clockOffsetMs + skew)).toBeLessThan(60_000);
    },
    60_000,
  );

  it('keeps syncing on the old key during the overlap, stops when it ends, and syncs after re-pairing', async () => {
    const cloud = await startSyncCloud(target);
    stops.push(() => cloud.close());
    const hub = await startSyncHub();
    stops.push(() => hub.stop());
    await pair(hub, cloud);
    await eventually(() => hub.outboxSize() === 0, 'the demo to drain');

    const next = await cloud.rotate();
    await serveTable(hub, 'table-1');
    await eventually(() => hub.outboxSize() === 0, 'the old key to keep working during the overlap');

    await revokeKey(cloud.db, cloud.key.keyId, systemClock);
    await serveTable(hub, 'table-2');
    await eventually(() => /KEY_REVOKED/.test(hub.status().lastError ?? ''), 'the old key to be refused');
    expect(hub.status().lastError).toMatch(/pair the hub again/);
    expect(hub.outboxSize()).toBeGreaterThan(0);

    await pair(hub, cloud, next);
    await eventually(() => hub.outboxSize() === 0, 'the new key to drain the backlog');
    await expectCloudHasHubLogOnce(hub, cloud);
  }, 60_000);
});
