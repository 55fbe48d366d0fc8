// A poison event: the cloud refuses it for good, it goes to the dead letters and parks only the later
// events of its own aggregate while every other aggregate keeps flowing; fixed and requeued (here from
// the CLI, while the hub runs) it lands once and its aggregate flows again. Purged, it never lands.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DB_TARGETS } from '../cloud-sync/test-support/db-targets.js';
import { runCli } from '../hub/sync/cli.js';
import { startSyncCloud, type SyncCloud } from './support/sync-cloud.js';
import { eventually, serveTable, startSyncHub, type SyncHub } from './support/sync-hub.js';
import { expectCloudHasHubLogOnce } from './support/sync-assertions.js';

function cli(hub: SyncHub, ...args: string[]): string {
  const out: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  try {
    expect(runCli(args, { COMANDA_DATA_DIR: hub.dir })).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return out.join('\n');
}

describe.each(DB_TARGETS)('dead letters on $name', (target) => {
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

  /** Opens a session while unpaired and spoils its SessionOpened event the way a hub bug might. */
  async function poisonedSession(tableId: string): Promise<{ sessionId: string; seq: number; data: string }> {
    const { sessionId } = (await hub.command('OpenSession', { tableId, guests: 2 })) as { sessionId: string };
    const row = hub.hub.db.write
      .prepare(`SELECT seq, data FROM event WHERE type = 'SessionOpened' AND aggregate_id = ?`)
      .get(sessionId) as { seq: number; data: string };
    hub.hub.db.write
      .prepare('UPDATE event SET data = ? WHERE seq = ?')
      .run(JSON.stringify({ sessionId }), row.seq);
    return { sessionId, ...row };
  }

  it('dead-letters a poison event, parks its aggregate only, and lands it once after requeue', async () => {
    const poison = await poisonedSession('table-4');
    await hub.command('UpdateGuests', { sessionId: poison.sessionId, guests: 3 });
    await hub.api('/api/sync/pair', {
      body: { url: cloud.url, hubId: cloud.key.hubId, keyId: cloud.key.keyId, secret: cloud.key.secret },
    });
    await eventually(
      () => hub.status().pending === 0 && hub.status().deadLetters === 1,
      'the poison to be dead-lettered',
    );

    // Other aggregates keep flowing; later events of the poisoned session are parked as they come.
    await serveTable(hub, 'table-1');
    await hub.command('UpdateGuests', { sessionId: poison.sessionId, guests: 4 });
    await eventually(() => hub.status().pending === 0, 'the other tables to flow');
    expect(hub.status()).toMatchObject({ deadLetters: 1, parked: 2 });
    const cloudIds = new Set((await cloud.events()).map((e) => e.eventId));
    const table1 = hub.events().filter((e) => e.aggregateKey.startsWith('table:table-1'));
    expect(table1.length).toBeGreaterThan(0);
    for (const e of table1) expect(cloudIds.has(e.id)).toBe(true);

    const list = await hub.api('/api/sync/dead-letters');
    expect(list.body).toEqual([
      expect.objectContaining({
        eventSeq: poison.seq,
        eventType: 'SessionOpened',
        aggregateKey: `session:${poison.sessionId}`,
        error: expect.stringMatching(/^INVALID_EVENT/),
        parkedBehind: 2,
      }),
    ]);
    const one = await hub.api(`/api/sync/dead-letters/${poison.seq}`);
    expect(one.body).toMatchObject({
      eventSeq: poison.seq,
      event: { type: 'SessionOpened', seq: poison.seq },
    });
    expect(cli(hub, 'dead-letters', 'list')).toContain('INVALID_EVENT');
    expect(cli(hub, 'status')).toMatch(/dead letters:\s+1/);

    // Fixed (the original data back), then requeued from the CLI while the hub runs.
    hub.hub.db.write.prepare('UPDATE event SET data = ? WHERE seq = ?').run(poison.data, poison.seq);
    expect(cli(hub, 'dead-letters', 'requeue', String(poison.seq))).toMatch(
      /requeued 1 .* 2 parked event\(s\) released/,
    );
    await eventually(() => hub.outboxSize() === 0, 'the requeued event and its aggregate to land');
    expect(hub.status()).toMatchObject({ deadLetters: 0, parked: 0 });
    await expectCloudHasHubLogOnce(hub, cloud);
  }, 60_000);

  it('purged, a dead letter never lands; its parked events flow and are held by the cloud until they too are dead letters', async () => {
    await hub.api('/api/sync/unpair', { method: 'POST' });
    const poison = await poisonedSession('table-9');
    await hub.command('UpdateGuests', { sessionId: poison.sessionId, guests: 5 });
    await hub.api('/api/sync/pair', {
      body: { url: cloud.url, hubId: cloud.key.hubId, keyId: cloud.key.keyId, secret: cloud.key.secret },
    });
    await eventually(
      () => hub.status().deadLetters === 1 && hub.status().pending === 0,
      'the poison to be dead-lettered',
    );
    const purged = await hub.api(`/api/sync/dead-letters/${poison.seq}`, { method: 'DELETE' });
    expect(purged.body).toEqual({ eventSeqs: [poison.seq], released: 1 });
    // The cloud answers AGGREGATE_GAP for the released event: after maxAttempts it is a dead letter too.
    await eventually(
      () => hub.status().deadLetters === 1 && hub.outboxSize() === 0,
      'the orphan to be dead-lettered',
    );
    const [orphan] = (await hub.api('/api/sync/dead-letters')).body as Array<{
      eventType: string;
      error: string;
    }>;
    expect(orphan).toMatchObject({
      eventType: 'GuestsUpdated',
      error: expect.stringMatching(/AGGREGATE_GAP/),
    });
    expect((await cloud.events()).some((e) => e.aggregateId === poison.sessionId)).toBe(false);
    expect((await hub.api('/api/sync/dead-letters/purge-all', { method: 'POST' })).body).toMatchObject({
      released: 0,
    });
  }, 60_000);
});
