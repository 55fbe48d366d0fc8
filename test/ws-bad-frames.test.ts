// Bad input on the socket: an error frame or a close with a reason, nothing changes, other clients
// carry on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { connect, subscribed, type TestSocket } from './support/ws-client.js';
import { lastSeq, newCommandId } from './support/live-service.js';

let t: HubUnderTest;
let bystander: TestSocket;
beforeAll(async () => {
  t = await startTestHub({ liveLimits: { maxRateStrikes: 100 } });
  bystander = await subscribed(t.hub.port, t.tokens.MANAGER);
});
afterAll(async () => {
  await bystander.close();
  await t.stop();
});

async function errorFor(
  frame: string | Buffer,
): Promise<{ code: string; message: string; details?: unknown }> {
  const s = await connect(t.hub.port, t.tokens.WAITER);
  await s.next((f) => f.type === 'welcome');
  s.ws.send(frame);
  const e = await s.next<{ type: 'error'; code: string; message: string }>((f) => f.type === 'error');
  await s.close();
  return e;
}

describe('bad frames', () => {
  it('answers each bad frame with an INVALID error that says what is wrong, and changes nothing', async () => {
    const before = lastSeq(t.hub);
    const cases: Array<[string | Buffer, RegExp]> = [
      ['not json', /not valid JSON/],
      [Buffer.from([1, 2, 3]), /binary/],
      [JSON.stringify({ type: 'launch-missiles' }), /type/],
      [JSON.stringify({ type: 'subscribe', afterSeq: 'yesterday' }), /afterSeq/],
      [JSON.stringify({ type: 'subscribe', topics: ['kitchen:GRILL!'] }), /topics/],
      [JSON.stringify([1, 2]), /invalid/],
      [JSON.stringify({ type: 'command', command: { commandId: 'x1', type: 'Nope', payload: {} } }), /type/],
      [
        JSON.stringify({
          type: 'command',
          command: { commandId: 'x2', type: 'OpenSession', payload: { tableId: 'table-1', guests: 'two' } },
        }),
        /payload\.guests/,
      ],
      [
        JSON.stringify({
          type: 'command',
          command: {
            commandId: 'x3',
            type: 'OpenSession',
            payload: { tableId: 'table-1', guests: 2 },
            branchId: 'other',
          },
        }),
        /invalid/,
      ],
    ];
    for (const [frame, why] of cases) {
      const e = await errorFor(frame);
      expect(e.code, String(frame)).toBe('INVALID');
      expect(e.message, String(frame)).toMatch(why);
    }
    expect(lastSeq(t.hub)).toBe(before);
  });

  it('closes with 1009 on a frame above the size limit', async () => {
    const s = await connect(t.hub.port, t.tokens.WAITER);
    s.ws.send(JSON.stringify({ type: 'ping', id: 'x'.repeat(70 * 1024) }));
    expect((await s.closed).code).toBe(1009);
  });

  it('rate-limits a flood, then closes it with 1008; others are unaffected', async () => {
    const s = await connect(t.hub.port, t.tokens.WAITER);
    await s.next((f) => f.type === 'welcome');
    for (let i = 0; i < 400; i++) s.send({ type: 'ping', id: String(i) });
    const limited = await s.next((f) => f.type === 'error');
    expect(limited).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await s.closed).code).toBe(1008);
    const at = bystander.frames.length;
    bystander.send({ type: 'ping', id: 'still-here' });
    expect(await bystander.next((f) => f.type === 'pong', at)).toMatchObject({ id: 'still-here' });
  });

  it('a command error names the command id it answers', async () => {
    const s = await connect(t.hub.port, t.tokens.WAITER);
    const commandId = newCommandId('bad');
    s.send({ type: 'command', command: { commandId, type: 'AddItem', payload: {} } });
    const e = await s.next((f) => f.type === 'error');
    expect(e).toMatchObject({ code: 'INVALID', commandId });
    await s.close();
  });
});
