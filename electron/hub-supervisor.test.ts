// The supervisor against the hub's process contract, for every hub in `contractHubs` (the
// fixture today; the real hub once it lands). Delays are asserted as planned, never timed.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { contractHubs } from './test-fixtures/hubs-under-test.js';
import { getStatus, supervise, untilState } from './test-fixtures/supervise.js';

describe.each(contractHubs)('the supervisor running $name', (hub) => {
  it('starts the hub, waits until it is ready, and the hub then serves /healthz', async () => {
    const { supervisor, states, lines } = supervise(hub);
    await supervisor.start();
    expect(supervisor.state).toBe('ready');
    expect(states).toEqual(['starting', 'ready']);
    expect(supervisor.port).toBeGreaterThan(0);
    expect(supervisor.baseUrl).toBe(`http://127.0.0.1:${supervisor.port}`);
    expect(await getStatus(`${supervisor.baseUrl}/healthz`)).toBe(200);
    expect(await getStatus(`${supervisor.baseUrl}/readyz`)).toBe(200);
    expect(lines.some((line) => line.startsWith('stdout: {') && line.includes('"msg":"listening"'))).toBe(
      true,
    );
  });

  it('brings a hub killed with SIGKILL back on the same port, where it serves again', async () => {
    const { supervisor, exits } = supervise(hub);
    await supervisor.start();
    const { port, pid } = supervisor;
    const back = untilState(supervisor, 'ready');
    process.kill(pid!, 'SIGKILL');
    await back;
    expect(exits).toEqual([{ pid, code: null, signal: 'SIGKILL', expected: false, wasReady: true }]);
    expect(supervisor.restarts).toBe(1);
    expect(supervisor.port).toBe(port);
    expect(supervisor.pid).not.toBe(pid);
    expect(await getStatus(`http://127.0.0.1:${port}/healthz`)).toBe(200);
  });

  it('stop() drains the hub: SIGTERM, a clean exit with code 0, and no restart', async () => {
    const { supervisor, states, exits } = supervise(hub);
    await supervisor.start();
    const { baseUrl, pid } = supervisor;
    expect(await supervisor.stop()).toEqual({ clean: true, exitCode: 0, signal: null });
    expect(states).toEqual(['starting', 'ready', 'stopping', 'stopped']);
    expect(exits).toEqual([{ pid, code: 0, signal: null, expected: true, wasReady: true }]);
    expect(await getStatus(`${baseUrl}/healthz`)).toBeNull();
    expect(supervisor.restarts).toBe(0);
  });

  it('keeps retrying its port while another process holds it, then comes back on it', async () => {
    const { supervisor, exits, delays } = supervise(hub, { backoff: { initialMs: 100, maxMs: 400 } });
    await supervisor.start();
    const port = supervisor.port!;
    const squatter = net.createServer();
    let squatted: Error | true | undefined;
    squatter.on('listening', () => (squatted = true)).on('error', (error) => (squatted = error));
    supervisor.on('exit', () => {
      // The first exit frees the port: take it before the restart. The second exit is the
      // restarted hub failing to bind: give the port back.
      if (exits.length === 1) squatter.listen(port, '127.0.0.1');
      else if (squatter.listening) squatter.close();
    });
    const back = untilState(supervisor, 'ready');
    process.kill(supervisor.pid!, 'SIGKILL');
    await back;
    expect(squatted).toBe(true);
    expect(exits).toHaveLength(2);
    expect(exits[1]).toMatchObject({ wasReady: false, expected: false });
    expect(exits[1]!.code).not.toBe(0);
    expect(delays).toEqual([100, 200]);
    expect(supervisor.port).toBe(port);
    expect(await getStatus(`http://127.0.0.1:${port}/healthz`)).toBe(200);
  });
});
