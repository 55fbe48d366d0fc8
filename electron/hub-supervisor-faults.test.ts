// The supervisor against hubs that misbehave on purpose (the fixture's fault flags): ignoring
// SIGTERM, crash loops, never becoming ready, a missing runtime. Delays are asserted as planned.
import { describe, expect, it } from 'vitest';
import { sleep } from './hub-readiness.js';
import { fixtureHub } from './test-fixtures/hubs-under-test.js';
import { supervise, untilDelays } from './test-fixtures/supervise.js';

describe('the supervisor with a misbehaving hub', () => {
  it('kills a hub that ignores SIGTERM once the grace period is over, and says it was not clean', async () => {
    const { supervisor, exits, lines } = supervise(fixtureHub(['--ignore-sigterm']), { stopGraceMs: 300 });
    await supervisor.start();
    expect(await supervisor.stop()).toEqual({ clean: false, exitCode: null, signal: 'SIGKILL' });
    expect(exits).toMatchObject([{ signal: 'SIGKILL', expected: true }]);
    expect(supervisor.state).toBe('stopped');
    expect(lines.some((line) => line.includes('"msg":"ignoring SIGTERM"'))).toBe(true);
  });

  it('backs off longer after each crash of a hub that keeps crashing, up to the cap', async () => {
    const recorded = supervise(fixtureHub(['--start-delay-ms', '10', '--crash-after-ms', '100']), {
      backoff: { initialMs: 20, maxMs: 80, resetAfterMs: 60_000 },
      maxFailedStarts: Infinity,
    });
    await recorded.supervisor.start();
    await untilDelays(recorded, 4);
    expect(recorded.delays).toEqual([20, 40, 80, 80]);
    expect(recorded.supervisor.restarts).toBeGreaterThanOrEqual(3);
    expect(recorded.exits.every((exit) => exit.code === 1 && !exit.expected)).toBe(true);
    expect(recorded.lines).toContain('stderr: fixture hub: crashing on purpose');
  });

  it('forgets earlier crashes once the hub has stayed ready for a while', async () => {
    const recorded = supervise(fixtureHub(['--start-delay-ms', '10', '--crash-after-ms', '300']), {
      backoff: { initialMs: 20, maxMs: 80, resetAfterMs: 50 },
      maxFailedStarts: Infinity,
    });
    await recorded.supervisor.start();
    await untilDelays(recorded, 2);
    expect(recorded.delays).toEqual([20, 20]);
  });

  it('never restarts the hub once stop() was called, even in the middle of a backoff wait', async () => {
    const recorded = supervise(fixtureHub(), { backoff: { initialMs: 300, maxMs: 300 } });
    await recorded.supervisor.start();
    const stopped = new Promise<unknown>((resolve) =>
      recorded.supervisor.on('restart-scheduled', () => resolve(recorded.supervisor.stop())),
    );
    process.kill(recorded.supervisor.pid!, 'SIGKILL');
    expect(await stopped).toEqual({ clean: true, exitCode: null, signal: null });
    await sleep(600); // longer than the planned delay: a restart would have happened by now
    expect(recorded.supervisor.restarts).toBe(0);
    expect(recorded.supervisor.pid).toBeUndefined();
    expect(recorded.states.slice(-3)).toEqual(['restarting', 'stopping', 'stopped']);
  });

  it('stop() while the hub is still starting makes start() fail and leaves nothing running', async () => {
    const { supervisor } = supervise(fixtureHub(['--start-delay-ms', '60000']));
    const listening = new Promise<void>((resolve) =>
      supervisor.on('log', ({ line }) => line.includes('"listening"') && resolve()),
    );
    const started = supervisor.start();
    await listening;
    expect(await supervisor.stop()).toEqual({ clean: true, exitCode: 0, signal: null });
    await expect(started).rejects.toThrow(/stopped before the hub became ready/);
    expect(supervisor.pid).toBeUndefined();
  });

  it('gives up with state "failed" when the hub never becomes ready, and can be started again', async () => {
    const { supervisor, exits, delays } = supervise(fixtureHub(['--never-ready']), {
      readyTimeoutMs: 300,
      maxFailedStarts: 2,
      backoff: { initialMs: 20, maxMs: 20 },
    });
    await expect(supervisor.start()).rejects.toThrow(/2 starts in a row never became ready/);
    expect(supervisor.state).toBe('failed');
    expect(exits).toMatchObject([
      { signal: 'SIGKILL', expected: true, wasReady: false },
      { signal: 'SIGKILL', expected: true, wasReady: false },
    ]);
    expect(delays).toEqual([20]);
    // A person asking again (the tray's "Restart hub") gets a fresh round of attempts.
    await expect(supervisor.start()).rejects.toThrow(/2 starts in a row/);
    expect(exits).toHaveLength(4);
  });

  it('fails at once, without retrying, when the hub command does not exist', async () => {
    const { supervisor, delays } = supervise({ ...fixtureHub(), command: '/nonexistent/comanda-node' });
    await expect(supervisor.start()).rejects.toThrow(/ENOENT/);
    expect(supervisor.state).toBe('failed');
    expect(delays).toEqual([]);
  });
});
