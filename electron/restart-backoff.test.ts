import { describe, expect, it } from 'vitest';
import { parseListeningLine } from './hub-process.js';
import { RestartBackoff } from './restart-backoff.js';

describe('restart backoff', () => {
  it('starts at the initial delay and doubles on every consecutive crash, up to the cap', () => {
    const backoff = new RestartBackoff({ initialMs: 500, maxMs: 30_000 });
    const delays = Array.from({ length: 9 }, () => backoff.next());
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(backoff.consecutive).toBe(9);
  });

  it('starts again from the initial delay after a reset', () => {
    const backoff = new RestartBackoff({ initialMs: 100, maxMs: 1_000 });
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('stays at the cap however many crashes there were', () => {
    const backoff = new RestartBackoff({ initialMs: 1, maxMs: 60_000 });
    for (let i = 0; i < 2_000; i++) backoff.next();
    expect(backoff.next()).toBe(60_000);
  });

  it('refuses a policy whose initial delay is not positive or exceeds the cap', () => {
    expect(() => new RestartBackoff({ initialMs: 0, maxMs: 10 })).toThrow(RangeError);
    expect(() => new RestartBackoff({ initialMs: 20, maxMs: 10 })).toThrow(RangeError);
  });
});

describe('the hub listening line', () => {
  it('gives the port from a pino-style JSON line with msg "listening"', () => {
    expect(parseListeningLine('{"level":30,"time":1,"msg":"listening","port":8080,"host":"0.0.0.0"}')).toBe(
      8080,
    );
  });

  it('ignores other lines, other messages and ports that are not usable numbers', () => {
    expect(parseListeningLine('listening on 8080')).toBeNull();
    expect(parseListeningLine('{"msg":"ready","port":8080}')).toBeNull();
    expect(parseListeningLine('{"msg":"listening","port":"8080"}')).toBeNull();
    expect(parseListeningLine('{"msg":"listening","port":0}')).toBeNull();
    expect(parseListeningLine('{"msg":"listening"')).toBeNull();
    expect(parseListeningLine('null')).toBeNull();
  });
});
