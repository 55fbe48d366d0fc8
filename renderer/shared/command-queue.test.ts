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

  it('a command never passes an earlier one still on its way, even when that one is held up', async () => {
    // The kitchen's bump hangs on a dying connection; the recall made after it must not reach the hub
    // first (it would be refused: the ticket is not bumped yet there).
    const arrived: string[] = [];
    let release: () => void = () => undefined;
    const transport: CommandTransport = async (cmd) => {
      if (cmd.type === 'BumpTicket' && arrived.length === 0) {
        await new Promise<void>((resolve) => (release = resolve));
      }
      arrived.push(cmd.type);
      return { ok: true, data: {}, seq: arrived.length };
    };
    const q = createCommandQueue(memoryPendingStore(), transport);
    const bump = q.submit('BumpTicket', { ticketId: 't1' });
    await new Promise((r) => setTimeout(r, 5));
    const recall = q.submit('RecallTicket', { ticketId: 't1' });
    const flushed = q.flush(); // the timer or `online` firing meanwhile must not send the recall either
    await new Promise((r) => setTimeout(r, 5));
    expect(arrived).toEqual([]);
    release();
    expect((await bump).status).toBe('done');
    expect((await recall).status).toBe('done');
    await flushed;
    expect(arrived).toEqual(['BumpTicket', 'RecallTicket']);
    expect(q.pending()).toEqual([]);
  });

  it('offline, then a timer flush under way while a new command is made: all go in creation order', async () => {
    const hub = fakeHub();
    const store = memoryPendingStore();
    const q = createCommandQueue(store, hub.transport);
    hub.setUp(false);
    const a = await q.submit('BumpTicket', {});
    const flushing = q.flush();
    const b = q.submit('RecallTicket', {});
    const c = q.submit('StartTicket', {});
    await Promise.all([flushing, b, c]);
    hub.setUp(true);
    await q.flush();
    expect([...hub.ran.keys()]).toEqual([a.commandId, (await b).commandId, (await c).commandId]);
    // Made in one millisecond or not, they reload in the order they were made.
    const reloaded = createCommandQueue(store, hub.transport);
    await reloaded.flush();
    expect(reloaded.pending()).toEqual([]);
  });

  it('a command a flush sent for it still tells its submitter how it went', async () => {
    const hub = fakeHub();
    const q = createCommandQueue(memoryPendingStore(), hub.transport);
    hub.setUp(false);
    await q.submit('OpenSession', {});
    hub.setUp(true);
    const flushing = q.flush(); // on the chain before the next submit's own turn
    const r = await q.submit('Bad', {});
    await flushing;
    expect(r.status).toBe('refused');
    expect(q.pending().map((p) => p.state)).toEqual(['failed']);
  });
});
