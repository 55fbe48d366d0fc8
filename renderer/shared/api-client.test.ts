// The apps' HTTP client against a real server on port 0: what counts as an answer, a refusal, or none.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, NetworkError } from './api-client.js';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('api client', () => {
  it('returns the parsed body of a 2xx', async () => {
    const baseUrl = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true,"seq":7}');
    });
    expect(await createApiClient({ baseUrl }).post('/api/commands', {})).toEqual({ ok: true, seq: 7 });
  });

  it('a 4xx is a refusal with its code; a 503 is a refusal that may be retried', async () => {
    const baseUrl = await serve((req, res) => {
      const status = req.url === '/busy' ? 503 : 409;
      res.writeHead(status).end(JSON.stringify({ code: 'NOPE', message: 'no' }));
    });
    const api = createApiClient({ baseUrl });
    const refused = await api.get('/x').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 409, code: 'NOPE', retryable: false });
    expect(await api.get('/busy').catch((e: unknown) => e)).toMatchObject({ status: 503, retryable: true });
  });

  it('headers sent and the body never finished is no answer (retried), not a hang', async () => {
    // The command queue sends one command at a time: a request stuck on its body would hold back every
    // command after it for good.
    const baseUrl = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"ok":');
    });
    const err = await createApiClient({ baseUrl, timeoutMs: 300 })
      .post('/api/commands', {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as Error).message).toBe('timed out');
  });

  it('a server that is not there is no answer', async () => {
    const baseUrl = await serve(() => undefined);
    server!.close();
    await new Promise((r) => setTimeout(r, 10));
    const err = await createApiClient({ baseUrl })
      .get('/healthz')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
  });
});
