// Routing, replies and error mapping of the uWS HTTP adapter, through a real server and real fetch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../protocol/errors.js';
import { rawAfterBodilessReply, startTestServer, type TestServer } from './http-test-kit.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer((server) => {
    server.route({
      method: 'GET',
      path: '/api/sessions/:sessionId/rounds/:roundNo',
      handler: (req) => ({ body: { params: req.params, query: req.query, path: req.path } }),
    });
    server.route({
      method: 'GET',
      path: '/api/sessions/active',
      handler: () => ({ body: { which: 'static' } }),
    });
    server.route({
      method: 'POST',
      path: '/api/echo',
      handler: (req) => ({
        status: 201,
        body: {
          received: req.body,
          bytes: req.rawBody.length,
          contentType: req.headers['content-type'] ?? null,
        },
        headers: { 'X-Custom': 'yes' },
      }),
    });
    server.route({
      method: 'PUT',
      path: '/api/echo',
      handler: async (req) => {
        await new Promise((resolve) => setImmediate(resolve));
        return { body: { method: req.method, empty: req.body === undefined } };
      },
    });
    server.route({ method: 'DELETE', path: '/api/things/:id', handler: () => ({}) });
    server.route({
      method: 'PATCH',
      path: '/api/conflict',
      handler: () => {
        throw new AppError('CONFLICT', 'table already open', { tableId: 't1' });
      },
    });
    server.route({
      method: 'GET',
      path: '/api/boom',
      handler: async () => {
        throw new Error('db password is hunter2');
      },
    });
    server.route({
      method: 'GET',
      path: '/api/raw',
      handler: () => ({ raw: { data: 'a,b\n1,2\n', contentType: 'text/csv' } }),
    });
    server.route({
      method: 'GET',
      path: '/api/whoami',
      handler: (req) => ({ body: { id: req.requestId, ip: req.remoteAddress } }),
    });
  });
});

afterAll(() => t.server.close());

const get = (path: string, init?: RequestInit) => fetch(`${t.baseUrl}${path}`, init);

describe('routes', () => {
  it('passes decoded path params, the raw path and the parsed query to the handler', async () => {
    const res = await get('/api/sessions/s%201/rounds/3?station=grill&limit=5&q=a+b');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      params: { sessionId: 's 1', roundNo: '3' },
      query: { station: 'grill', limit: '5', q: 'a b' },
      path: '/api/sessions/s%201/rounds/3',
    });
  });

  it('prefers a static segment over a param segment', async () => {
    const res = await get('/api/sessions/active');
    expect(await res.json()).toEqual({ which: 'static' });
  });

  it('round-trips a JSON body with the handler status and headers', async () => {
    const payload = { items: [{ productId: 'p1', qty: 2, note: 'sin cebolla ñ' }] };
    const res = await get('/api/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-custom')).toBe('yes');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { received: unknown; bytes: number; contentType: string };
    expect(body.received).toEqual(payload);
    expect(body.bytes).toBe(Buffer.byteLength(JSON.stringify(payload)));
    expect(body.contentType).toBe('application/json');
  });

  it('gives the handler an undefined body when the request has none, even after an await', async () => {
    const res = await get('/api/echo', { method: 'PUT' });
    expect(await res.json()).toEqual({ method: 'PUT', empty: true });
  });

  it('answers 204 with no body when the handler returns nothing', async () => {
    const res = await get('/api/things/42', { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('sends a raw reply with its own content type', async () => {
    const res = await get('/api/raw');
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(await res.text()).toBe('a,b\n1,2\n');
  });

  it('reports each response with the route pattern, not the concrete path', async () => {
    await get('/api/sessions/xyz/rounds/1');
    expect(t.responses).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        route: '/api/sessions/:sessionId/rounds/:roundNo',
        status: 200,
      }),
    );
  });

  it('refuses to register the same method and path twice', () => {
    expect(() => t.server.route({ method: 'GET', path: '/api/raw', handler: () => ({}) })).toThrow(/twice/);
  });
});

describe('errors', () => {
  it('maps a thrown AppError to its status and {code, message, details}', async () => {
    const res = await get('/api/conflict', { method: 'PATCH' });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      code: 'CONFLICT',
      message: 'table already open',
      details: { tableId: 't1' },
    });
  });

  it('answers any other error with a bare 500 and logs the cause without leaking it', async () => {
    const res = await get('/api/boom', { headers: { 'x-request-id': 'boom-1' } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ code: 'INTERNAL', message: 'internal error' });
    expect(text).not.toContain('hunter2');
    const logged = t.logs.find((line) => line.requestId === 'boom-1' && line.level === 50);
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it('answers 404 NOT_FOUND for an unknown path', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 404 NOT_FOUND for a known path with an unregistered method', async () => {
    const res = await get('/api/echo', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND', message: 'no route for DELETE /api/echo' });
  });

  it('answers HEAD to an unknown path without a body and keeps the connection usable', async () => {
    const { first, second } = await rawAfterBodilessReply(
      t.port,
      'HEAD /api/nothing HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/raw HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(first.status).toBe(404);
    expect(Number(first.headers['content-length'])).toBeGreaterThan(0);
    expect(second.status).toBe(200);
    expect(second.body).toBe('a,b\n1,2\n');
  });

  it('answers 404 for the root path', async () => {
    expect((await get('/')).status).toBe(404);
  });
});

describe('request ids', () => {
  it('echoes a sane X-Request-ID and hands it to the handler', async () => {
    const res = await get('/api/whoami', { headers: { 'x-request-id': 'tablet-7.req_42-a' } });
    expect(res.headers.get('x-request-id')).toBe('tablet-7.req_42-a');
    expect(await res.json()).toMatchObject({ id: 'tablet-7.req_42-a', ip: '127.0.0.1' });
  });

  it('generates a UUID when the header is absent', async () => {
    const res = await get('/api/whoami');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await res.json()).toMatchObject({ id });
  });

  it.each([['x'.repeat(65)], ['has space'], ['semi;colon'], ['<script>']])(
    'replaces the insane id %j',
    async (bad) => {
      const res = await get('/api/whoami', { headers: { 'x-request-id': bad } });
      const id = res.headers.get('x-request-id');
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('puts the id on errors and 404s too', async () => {
    const notFound = await get('/nope', { headers: { 'x-request-id': 'nf-1' } });
    expect(notFound.headers.get('x-request-id')).toBe('nf-1');
    const failed = await get('/api/conflict', { method: 'PATCH', headers: { 'x-request-id': 'c-1' } });
    expect(failed.headers.get('x-request-id')).toBe('c-1');
  });

  it('tags the handler log lines with the request id', async () => {
    await get('/api/boom', { headers: { 'x-request-id': 'log-tag-1' } });
    expect(t.logs.some((line) => line.requestId === 'log-tag-1')).toBe(true);
  });
});
