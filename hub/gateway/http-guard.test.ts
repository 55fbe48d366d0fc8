// A bug that throws inside a uWS handler answers 500 instead of aborting the process.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createHttpServer } from './http-adapter.js';
import { guarded } from './http-guard.js';
import { uws } from './uws-native.js';

describe('guarded uWS handlers', () => {
  it('answers a bare 500 with a request id when the handler throws before answering, and keeps serving', async () => {
    const app = uws.App();
    const logger = pino({ level: 'silent' });
    app.get(
      '/bug',
      guarded(logger, () => {
        throw new Error('adapter bug with a secret');
      }),
    );
    app.get(
      '/fine',
      guarded(logger, (res) => {
        res.end('ok');
      }),
    );
    const server = createHttpServer({ maxBodyBytes: 1024, logger, app });
    const port = await server.listen('127.0.0.1', 0);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/bug`);
      expect(res.status).toBe(500);
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(await res.json()).toEqual({ code: 'INTERNAL', message: 'internal error' });
      expect(await (await fetch(`http://127.0.0.1:${port}/fine`)).text()).toBe('ok');
    } finally {
      server.close();
    }
  });

  it('keeps answering when the onResponse hook throws', async () => {
    const server = createHttpServer({
      maxBodyBytes: 1024,
      logger: pino({ level: 'silent' }),
      onResponse: () => {
        throw new Error('metrics exploded');
      },
    });
    server.route({ method: 'GET', path: '/api/ping', handler: () => ({ body: { pong: true } }) });
    const port = await server.listen('127.0.0.1', 0);
    try {
      expect((await fetch(`http://127.0.0.1:${port}/nowhere`)).status).toBe(404);
      expect(await (await fetch(`http://127.0.0.1:${port}/api/ping`)).json()).toEqual({ pong: true });
    } finally {
      server.close();
    }
  });
});
