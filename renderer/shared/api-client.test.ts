// The apps' HTTP client: what counts as an answer, a refusal, or none. `fetch` is the browser's edge
// here (renderer/ runs no server), stubbed with real Responses and the abort behaviour browsers have.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, NetworkError } from './api-client.js';

afterEach(() => vi.unstubAllGlobals());

/** A fetch answering `status` with headers at once and the body from `body` (a stream may never end). */
function stubFetch(status: number, body: string | 'never-ends'): void {
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    if (body !== 'never-ends') return new Response(body, { status });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"ok":'));
        // As in a browser: aborting the request errors a body still being read.
        init.signal?.addEventListener('abort', () =>
          controller.error(new DOMException('The operation was aborted.', 'AbortError')),
        );
      },
    });
    return new Response(stream, { status });
  });
}

describe('api client', () => {
  it('returns the parsed body of a 2xx', async () => {
    stubFetch(200, '{"ok":true,"seq":7}');
    expect(await createApiClient().post('/api/commands', {})).toEqual({ ok: true, seq: 7 });
  });

  it('a 4xx is a refusal with its code; a 503 is a refusal that may be retried', async () => {
    stubFetch(409, JSON.stringify({ code: 'NOPE', message: 'no' }));
    const refused = await createApiClient()
      .get('/x')
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 409, code: 'NOPE', retryable: false });
    stubFetch(503, JSON.stringify({ code: 'UNAVAILABLE', message: 'busy' }));
    const busy = await createApiClient()
      .get('/x')
      .catch((e: unknown) => e);
    expect(busy).toMatchObject({ status: 503, retryable: true });
  });

  it('headers sent and the body never finished is no answer (retried), not a hang', async () => {
    // The command queue sends one command at a time: a request stuck on its body would hold back every
    // command after it for good.
    stubFetch(200, 'never-ends');
    const err = await createApiClient({ timeoutMs: 100 })
      .post('/api/commands', {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as Error).message).toBe('timed out');
  });
});
