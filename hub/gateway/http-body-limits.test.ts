// Body handling at the edge: size limit, malformed JSON, clients that vanish mid-request.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rawRequest, sendAndDrop, startTestServer, type TestServer } from './http-test-kit.js';

const LIMIT = 1024;
let t: TestServer;
let handled = 0;

beforeAll(async () => {
  t = await startTestServer(
    (server) => {
      server.route({
        method: 'POST',
        path: '/api/orders',
        handler: (req) => {
          handled += 1;
          return { body: { bytes: req.rawBody.length } };
        },
      });
    },
    { maxBodyBytes: LIMIT },
  );
});

afterAll(() => t.server.close());

const post = (body: RequestInit['body'], headers?: Record<string, string>) =>
  fetch(`${t.baseUrl}/api/orders`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

function streamOf(bytes: Buffer, chunkSize: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += chunkSize)
        controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      controller.close();
    },
  });
}

describe('body size limit', () => {
  it('accepts a body of exactly the limit', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(LIMIT - 10) });
    expect(Buffer.byteLength(body)).toBe(LIMIT);
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bytes: LIMIT });
  });

  it('answers 413 PAYLOAD_TOO_LARGE when Content-Length is over the limit, and keeps serving', async () => {
    const before = handled;
    const res = await post(Buffer.alloc(LIMIT + 1, 'a'), { 'x-request-id': 'big-1' });
    expect(res.status).toBe(413);
    expect(res.headers.get('x-request-id')).toBe('big-1');
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(handled).toBe(before);

    const next = await post('{"ok":true}');
    expect(next.status).toBe(200);
  });

  it('answers 413 for a chunked body that grows past the limit, and keeps serving', async () => {
    const res = await post(streamOf(Buffer.alloc(200 * 1024, 'b'), 4096));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });

    const next = await post(streamOf(Buffer.from('{"small":1}'), 4));
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ bytes: 11 });
  });

  it('survives a many-megabyte upload it refuses', async () => {
    const res = await post(Buffer.alloc(8 * 1024 * 1024, 'c'));
    expect(res.status).toBe(413);
    expect((await post('{}')).status).toBe(200);
  });
});

describe('malformed bodies', () => {
  it.each([['{'], ['not json'], ['{"a":1}x'], ['   ']])('answers 400 INVALID for %j', async (body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'INVALID', message: 'request body is not valid JSON' });
  });

  it('gives a request with an empty body an undefined body rather than an error', async () => {
    const res = await post('');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bytes: 0 });
  });
});

describe('clients that go away', () => {
  it('does not crash when the client drops the connection mid-body', async () => {
    const before = handled;
    const head =
      'POST /api/orders HTTP/1.1\r\nHost: x\r\nX-Request-ID: dropper-1\r\nContent-Type: application/json\r\n' +
      'Content-Length: 800\r\n\r\n{"items":[';
    await sendAndDrop(t.port, head);
    await vi.waitFor(() => {
      expect(
        t.logs.some((line) => line.requestId === 'dropper-1' && line.msg === 'client aborted the request'),
      ).toBe(true);
    });
    expect(handled).toBe(before);
    expect((await post('{"after":"drop"}')).status).toBe(200);
  });

  it('does not crash when many clients drop at once', async () => {
    const drops = Array.from({ length: 20 }, (_, i) =>
      sendAndDrop(t.port, `POST /api/orders HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"n":${i}`),
    );
    await Promise.all(drops);
    expect((await post('{}')).status).toBe(200);
  });

  it('answers a hand-written HTTP/1.1 request and then closes as asked', async () => {
    const res = await rawRequest(
      t.port,
      'POST /api/orders HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}',
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ bytes: 2 });
  });
});
