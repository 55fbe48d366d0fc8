// The relay through a TCP fault proxy to the real cloud (PGlite, and Postgres when TEST_DATABASE_URL is
// set): drops, resets in mid-answer, delays, duplicated deliveries, a cloud down for a while, answers lost
// after the cloud committed, and the hub killed after the cloud acknowledged. Every hub event must land
// exactly once, in order per aggregate.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_TARGETS } from '../cloud-sync/test-support/db-targets.js';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy.js';
import { startSyncCloud, type SyncCloud } from './support/sync-cloud.js';
import { eventually, FAST_SYNC, serveTable, startSyncHub, type SyncHub } from './support/sync-hub.js';
import type { SyncOptions } from '../hub/sync/sync-service.js';
import { MIN_BATCH_BYTES } from '../hub/sync/batch-sizer.js';
import { expectCloudHasHubLogOnce } from './support/sync-assertions.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(target: (typeof DB_TARGETS)[number], dir?: string) {
  const cloud = await startSyncCloud(target);
  cleanups.push(() => cloud.close());
  const proxy = await startFaultProxy({ host: '127.0.0.1', port: cloud.port });
  cleanups.push(() => proxy.close());
  return { cloud, proxy, dir };
}

async function startHub(cleanupDir = true, dir?: string, sync?: SyncOptions): Promise<SyncHub> {
  const hub = await startSyncHub({ dir, sync });
  cleanups.push(() => hub.stop({ keepDir: !cleanupDir }));
  return hub;
}

const pair = (hub: SyncHub, cloud: SyncCloud, proxy: FaultProxy) =>
  hub.api('/api/sync/pair', {
    body: { url: proxy.url, hubId: cloud.key.hubId, keyId: cloud.key.keyId, secret: cloud.key.secret },
  });

async function metric(hub: SyncHub, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${hub.hub.port}/metrics`)).text();
  return Number(pattern.exec(text)?.[1] ?? 0);
}
const DUPLICATES = /comanda_sync_events_total\{status="duplicate"\} (\d+)/;

describe.each(DB_TARGETS)('relay through a faulty network on $name', (target) => {
  it('lands every event exactly once through drops, resets, delays, duplicates and a long outage', async () => {
    const { cloud, proxy } = await setup(target);
    const hub = await startHub();
    const mix: Fault[] = [
      { kind: 'drop-response' },
      { kind: 'reset-mid-response' },
      { kind: 'duplicate' },
      { kind: 'delay', ms: 30 },
      { kind: 'refuse' },
      { kind: 'pass' },
    ];
    for (let i = 0; i < 4; i++) proxy.queue(...mix);
    expect((await pair(hub, cloud, proxy)).status).toBe(200);
    // One table at a time, each drained before the next, so the queued faults meet many batches.
    for (const table of ['table-1', 'table-2', 'table-3']) {
      await serveTable(hub, table);
      await eventually(() => hub.outboxSize() === 0, `${table} to drain`);
    }
    await Promise.all(['table-5', 'table-6'].map((t) => serveTable(hub, t)));

    // The cloud goes away for a while: the relay keeps trying, the hub keeps serving.
    proxy.setDefault({ kind: 'refuse' });
    const refusedBefore = proxy.stats.refuse;
    await serveTable(hub, 'table-4');
    await eventually(() => proxy.stats.refuse >= refusedBefore + 5, 'several refused attempts');
    expect(hub.status()).toMatchObject({ lastError: expect.stringMatching(/^network/) });
    expect(hub.status().consecutiveFailures).toBeGreaterThan(0);
    expect(hub.outboxSize()).toBeGreaterThan(0);

    proxy.setDefault({ kind: 'pass' });
    await eventually(() => hub.outboxSize() === 0, 'the outbox to drain after the outage');
    await expectCloudHasHubLogOnce(hub, cloud);
    expect(proxy.stats['drop-response']).toBeGreaterThan(0);
    expect(proxy.stats['reset-mid-response']).toBeGreaterThan(0);
    expect(proxy.stats.duplicate).toBeGreaterThan(0);
    expect(hub.status()).toMatchObject({ consecutiveFailures: 0, deadLetters: 0 });
  }, 60_000);

  it('acknowledges a batch whose answer was lost after the cloud committed: it comes back as duplicate', async () => {
    const { cloud, proxy } = await setup(target);
    const hub = await startHub();
    proxy.queue({ kind: 'drop-response' });
    await pair(hub, cloud, proxy);
    await eventually(() => hub.outboxSize() === 0, 'the outbox to drain');
    expect(proxy.stats['drop-response']).toBe(1);
    expect(await metric(hub, DUPLICATES)).toBeGreaterThan(0);
    await expectCloudHasHubLogOnce(hub, cloud);
  }, 60_000);

  it('the hub killed after the cloud acknowledged sends again on restart and the cloud answers duplicate', async () => {
    const { cloud, proxy } = await setup(target);
    const dir = mkdtempSync(join(tmpdir(), 'comanda-sync-kill-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    proxy.setDefault({ kind: 'hold-response' });
    const held = proxy.waitForHeld();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'support/sync-hub-child.ts'),
        dir,
        proxy.url,
        cloud.key.hubId,
        cloud.key.keyId,
        cloud.key.secret,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    expect(JSON.parse(line)).toMatchObject({ paired: true });
    // The cloud answered (so it committed) but the answer is held: kill the hub before it can settle.
    await held;
    const committed = (await cloud.events()).length;
    expect(committed).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    proxy.setDefault({ kind: 'pass' });
    const peek = new Database(join(dir, 'hub.db'), { readonly: true });
    const left = (peek.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    peek.close();
    expect(left).toBeGreaterThanOrEqual(committed);
    const hub = await startHub(false, dir);
    await eventually(() => hub.outboxSize() === 0, 'the outbox to drain after the restart');
    expect(await metric(hub, DUPLICATES)).toBeGreaterThanOrEqual(committed);
    await expectCloudHasHubLogOnce(hub, cloud);
  }, 90_000);

  it('shrinks its batches on an uplink too slow for them, keeps the size through an outage, grows back', async () => {
    const { cloud, proxy } = await setup(target);
    // 64 KB batches, 1 s to get each through, an uplink of 24 KB/s: 64 and 32 KB time out, 16 KB fits.
    const hub = await startHub(true, undefined, {
      ...FAST_SYNC,
      timeoutMs: 1000,
      relay: { ...FAST_SYNC.relay, limits: { maxEvents: 1000, maxBytes: 64 * 1024 } },
    });
    for (const table of ['table-1', 'table-2', 'table-3', 'table-4']) await serveTable(hub, table);
    proxy.setDefault({ kind: 'throttle', bytesPerSecond: 24 * 1024 });
    expect((await pair(hub, cloud, proxy)).status).toBe(200);
    await eventually(() => hub.outboxSize() === 0, 'the backlog to drain over the slow uplink', 60_000);
    expect(hub.status().batchLimitBytes).toBe(MIN_BATCH_BYTES);
    expect(hub.status().lastError).toMatch(/did not answer in time/);
    expect(await metric(hub, /comanda_sync_batch_limit_bytes (\d+)/)).toBe(MIN_BATCH_BYTES);
    await expectCloudHasHubLogOnce(hub, cloud);

    // The cloud unreachable says nothing about the uplink's speed: the size stays.
    proxy.setDefault({ kind: 'refuse' });
    const refusedBefore = proxy.stats.refuse;
    for (const table of ['table-5', 'table-6', 'table-7', 'table-8', 'table-9', 'table-10'])
      await serveTable(hub, table);
    await eventually(() => proxy.stats.refuse >= refusedBefore + 3, 'refused attempts');
    expect(hub.status().batchLimitBytes).toBe(MIN_BATCH_BYTES);

    // A fast link again: full batches answered quickly double the size.
    proxy.setDefault({ kind: 'pass' });
    await eventually(() => hub.outboxSize() === 0, 'the backlog to drain after the outage');
    expect(hub.status().batchLimitBytes).toBeGreaterThan(MIN_BATCH_BYTES);
    await expectCloudHasHubLogOnce(hub, cloud);
  }, 90_000);
});
