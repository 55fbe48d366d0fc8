// Listening, sharing the uWS app with the WebSocket gateway, big replies under backpressure, closing.
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createHttpServer } from './http-adapter.js';
import { uws } from './uws-native.js';

const quiet = () => pino({ level: 'silent' });

describe('server lifecycle', () => {
  it('resolves listen with the real port when asked for port 0', async () => {
    const server = createHttpServer({ maxBodyBytes: 1024, logger: quiet() });
    server.route({ method: 'GET', path: '/api/ping', handler: () => ({ body: { pong: true } }) });
    const port = await server.listen('127.0.0.1', 0);
    try {
      expect(port).toBeGreaterThan(0);
      expect(await (await fetch(`http://127.0.0.1:${port}/api/ping`)).json()).toEqual({ pong: true });
    } finally {
      server.close();
    }
  });

  it('rejects listen when the port is taken', async () => {
    const first = createHttpServer({ maxBodyBytes: 1024, logger: quiet() });
    const port = await first.listen('127.0.0.1', 0);
    const second = createHttpServer({ maxBodyBytes: 1024, logger: quiet() });
    try {
      await expect(second.listen('127.0.0.1', port)).rejects.toThrow(/could not listen/);
    } finally {
      first.close();
      second.close();
    }
  });

  it('stops answering after close', async () => {
    const server = createHttpServer({ maxBodyBytes: 1024, logger: quiet() });
    const port = await server.listen('127.0.0.1', 0);
    server.close();
    await expect(fetch(`http://127.0.0.1:${port}/api/ping`)).rejects.toThrow();
  });

  it('shares a uWS app given to it, so other handlers answer on the same port', async () => {
    const app = uws.App();
    app.get('/shared', (res) => {
      res.end('from the shared app');
    });
    const server = createHttpServer({ maxBodyBytes: 1024, logger: quiet(), app });
    server.route({ method: 'GET', path: '/api/ping', handler: () => ({ body: { pong: true } }) });
    expect(server.app).toBe(app);
    const port = await server.listen('127.0.0.1', 0);
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/shared`)).text()).toBe('from the shared app');
      expect((await fetch(`http://127.0.0.1:${port}/api/ping`)).status).toBe(200);
    } finally {
      server.close();
    }
  });

  it('sends a reply far larger than the socket buffer in full', async () => {
    const big = randomBytes(16 * 1024 * 1024);
    const server = createHttpServer({ maxBodyBytes: 1024, logger: quiet() });
    server.route({
      method: 'GET',
      path: '/api/export',
      handler: () => ({ raw: { data: big, contentType: 'application/octet-stream' } }),
    });
    const port = await server.listen('127.0.0.1', 0);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/export`);
      const received = Buffer.from(await res.arrayBuffer());
      expect(received.length).toBe(big.length);
      expect(received.equals(big)).toBe(true);
    } finally {
      server.close();
    }
  });
});
