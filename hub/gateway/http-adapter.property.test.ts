// Property: whatever method, path, headers and body a client sends, the server answers with a
// success or a well-formed {code, message} error whose status matches its code, and keeps running.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, HTTP_STATUS, errorBodySchema } from '../../protocol/errors.js';
import { rawRequest, sendAndDrop, startTestServer, type TestServer } from './http-test-kit.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(
    (server) => {
      server.route({
        method: 'POST',
        path: '/api/echo/:id',
        handler: (req) => ({ body: { id: req.params.id, body: req.body } }),
      });
      server.route({ method: 'GET', path: '/api/items', handler: (req) => ({ body: { query: req.query } }) });
      server.route({
        method: 'PUT',
        path: '/api/strict',
        handler: (req) => {
          if (typeof req.body !== 'object' || req.body === null)
            throw new AppError('INVALID', 'expected an object');
          return { body: { ok: true } };
        },
      });
      server.route({
        method: 'PATCH',
        path: '/api/flaky/:n',
        handler: (req) => {
          if (Number(req.params.n) % 2 === 0) throw new Error('even numbers break this');
          return { body: { ok: true } };
        },
      });
      server.serveStatic({ prefix: '/waiter/', dir: import.meta.dirname, spaFallback: false });
    },
    { maxBodyBytes: 512 },
  );
});

afterAll(() => t.server.close());

const KNOWN_PATHS = [
  '/api/echo/abc',
  '/api/echo/%ZZ',
  '/api/items',
  '/api/strict',
  '/api/flaky/2',
  '/api/flaky/3',
  '/waiter/x',
];

const methodArb = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS');
const pathArb = fc.oneof(
  fc.constantFrom(...KNOWN_PATHS),
  fc.webPath(),
  fc.array(fc.webSegment(), { maxLength: 5 }).map((segments) => `/api/${segments.join('/')}`),
);
const queryArb = fc.option(fc.webQueryParameters(), { nil: undefined });
const bodyArb = fc.oneof(
  fc.constant(undefined),
  fc.json(),
  fc.string({ maxLength: 600 }),
  fc.uint8Array({ maxLength: 700 }).map((bytes) => Buffer.from(bytes)),
);

function expectWellFormed(status: number, text: string): void {
  if (status >= 200 && status < 400) return;
  const parsed = errorBodySchema.safeParse(JSON.parse(text));
  expect(parsed.success, `status ${status} with body ${text}`).toBe(true);
  if (parsed.success) {
    expect(ERROR_CODES).toContain(parsed.data.code);
    expect(status).toBe(HTTP_STATUS[parsed.data.code]);
    expect(text).not.toContain('even numbers break this');
  }
}

describe('the server under random requests', () => {
  it('always answers with success or a well-formed error, and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(methodArb, pathArb, queryArb, bodyArb, async (method, path, query, body) => {
        const url = `${t.baseUrl}${path}${query === undefined ? '' : `?${query}`}`;
        const sendsBody = method !== 'GET' && method !== 'HEAD' && body !== undefined;
        const res = await fetch(url, { method, body: sendsBody ? body : undefined });
        expect(res.headers.get('x-request-id')).toBeTruthy();
        const text = await res.text();
        if (method === 'HEAD') expect(text).toBe('');
        else expectWellFormed(res.status, text);
      }),
      { numRuns: 150 },
    );
    expect((await fetch(`${t.baseUrl}/api/items`)).status).toBe(200);
  });

  it('answers raw request lines with odd paths without crashing', async () => {
    const oddPathArb = fc
      .string({
        unit: fc.constantFrom('a', '/', '.', '%', '2', 'e', 'f', 'Z', '~', ':', '\\', '?', '&', '='),
        maxLength: 30,
      })
      .map((s) => `/${s}`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'HEAD', 'PUT'), oddPathArb, async (method, path) => {
        const res = await rawRequest(
          t.port,
          `${method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
        );
        // uWS itself may refuse a request line it cannot parse (no status at all); anything we answer is well-formed.
        if (Number.isNaN(res.status) || method === 'HEAD' || res.body === '') return;
        expectWellFormed(res.status, res.body);
      }),
      { numRuns: 100 },
    );
    expect((await fetch(`${t.baseUrl}/api/items`)).status).toBe(200);
  });

  it('survives arbitrary bytes sent as a request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (bytes) => {
        // Garbage may leave uWS waiting for more, so drop the socket rather than wait for an answer.
        await sendAndDrop(t.port, Buffer.concat([Buffer.from(bytes), Buffer.from('\r\n\r\n')]));
      }),
      { numRuns: 50 },
    );
    expect((await fetch(`${t.baseUrl}/api/items`)).status).toBe(200);
  });
});
