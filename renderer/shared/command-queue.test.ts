import { describe, expect, it } from 'vitest';
import { NetworkError } from './api-client.js';
import { createCommandQueue, type CommandOutcome, type CommandTransport } from './command-queue.js';
import { memoryPendingStore } from './pending-store.js';

/** A hub that can be switched off; it remembers every id it ran, like the command log does. */
function fakeHub() {
  const ran = new Map<string, CommandOutcome>();
  const seen: string[] = [];
  let up = true;
  const transport: CommandTransport = async (cmd) => {
    seen.push(cmd.commandId);
    if (!up) throw new NetworkError('unreachable');
    const first = ran.get(cmd.commandId);
    if (first) return first;
    const outcome: CommandOutcome =
      cmd.type === 'Bad'
        ? { ok: false, error: { code: 'INVALID', message: 'no' } }
        : { ok: true, data: {}, seq: ran.size + 1 };
    ran.set(cmd.commandId, outcome);
    return outcome;
  };
  return { transport, ran, seen, setUp: (v: boolean) => (up = v) };
}

describe('command queue', () => {
  it('runs a command at once when the hub answers, and keeps nothing pending', async () => {
    const hub = fakeHub();
    const q = createCommandQueue(memoryPendingStore(), hub.transport);
    const r = await q.submit('PlaceRound', { sessionId: 's1' });
    expect(r.status).toBe('done');
    expect(q.pending()).toEqual([]);
  });

  it('keeps commands made offline, in order, and sends each once when the hub is back', async () => {
    const hub = fakeHub();
    const store = memoryPendingStore();
    const q = createCommandQueue(store, hub.transport);
    hub.setUp(false);
    const a = await q.submit('OpenSession', {}, 'open table 5');
    const b = await q.submit('PlaceRound', {}, 'round');
    expect([a.status, b.status]).toEqual(['queued', 'queued']);
    expect(q.pending().map((p) => p.label)).toEqual(['open table 5', 'round']);
    expect((await store.all()).length).toBe(2);
    hub.setUp(true);
    await q.flush();
    expect(q.pending()).toEqual([]);
    expect([...hub.ran.keys()]).toEqual([a.commandId, b.commandId]);
  });

  it('a reload mid-send resends with the same id, so the hub runs it once', async () => {
    const hub = fakeHub();
    const store = memoryPendingStore();
    await store.put({
      commandId: 'cmd-1',
      type: 'PlaceRound',
      payload: {},
      label: 'round',
      createdAt: 1,
      state: 'sending',
      attempts: 1,
    });
    await hub.transport({ commandId: 'cmd-1', type: 'PlaceRound', payload: {} }); // the hub got it before the reload
    const q = createCommandQueue(store, hub.transport);
    await q.flush();
    expect(hub.ran.size).toBe(1);
    expect(q.pending()).toEqual([]);
  });

  it('keeps a refused command as failed until dismissed, and does not retry it', async () => {
    const hub = fakeHub();
    const q = createCommandQueue(memoryPendingStore(), hub.transport);
    const r = await q.submit('Bad', {});
    expect(r.status).toBe('refused');
    expect(q.pending()[0]?.state).toBe('failed');
    await q.flush();
    expect(hub.seen.length).toBe(1);
    await q.dismiss(r.commandId);
    expect(q.pending()).toEqual([]);
  });
});
