// Serving the built tablet apps: content types, SPA fallback, cache policy, and no escape from the directory.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawAfterBodilessReply, rawRequest, startTestServer, type TestServer } from './http-test-kit.js';
import { IMMUTABLE_CACHE, REVALIDATE_CACHE } from './static-files.js';

const INDEX_HTML = '<!doctype html><title>waiter</title><div id="root"></div>';
const SECRET = 'staff PINs: 1234';
let t: TestServer;
let sandbox: string;

beforeAll(async () => {
  sandbox = await mkdtemp(path.join(tmpdir(), 'comanda-static-'));
  const dir = path.join(sandbox, 'waiter');
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await mkdir(path.join(dir, 'icons'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(dir, 'assets', 'index-Bx1_9aZq.js'), 'console.log("app")');
  await writeFile(path.join(dir, 'assets', 'index-Cc2d3eF4.css'), 'body{margin:0}');
  await writeFile(path.join(dir, 'icons', 'apple-touch-icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(path.join(dir, 'manifest.webmanifest'), '{}');
  await writeFile(path.join(sandbox, 'secret.txt'), SECRET);
  await symlink(path.join(sandbox, 'secret.txt'), path.join(dir, 'leak.txt'));
  t = await startTestServer((server) => {
    server.serveStatic({ prefix: '/waiter/', dir, spaFallback: true });
    server.route({ method: 'GET', path: '/api/ping', handler: () => ({ body: { pong: true } }) });
  });
});

afterAll(async () => {
  t.server.close();
  await rm(sandbox, { recursive: true, force: true });
});

const get = (p: string, init?: RequestInit) => fetch(`${t.baseUrl}${p}`, init);

describe('static files', () => {
  it('serves index.html at the prefix root with an HTML type and no-cache', async () => {
    const res = await get('/waiter/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe(REVALIDATE_CACHE);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('serves hashed assets with their content type and a year-long immutable cache', async () => {
    const js = await get('/waiter/assets/index-Bx1_9aZq.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
    expect(await js.text()).toBe('console.log("app")');
    const css = await get('/waiter/assets/index-Cc2d3eF4.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('keeps unhashed files revalidated even when their names contain dashes', async () => {
    const res = await get('/waiter/icons/apple-touch-icon.png');
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe(REVALIDATE_CACHE);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });

  it('falls back to index.html for client-side routes', async () => {
    const res = await get('/waiter/tables/12/order');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('answers 404 JSON for a missing asset instead of sending HTML as JavaScript', async () => {
    const res = await get('/waiter/assets/missing-AbCdEfGh.js');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers HEAD with the headers and length of GET but no body', async () => {
    const res = await get('/waiter/assets/index-Bx1_9aZq.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String('console.log("app")'.length));
    expect(await res.text()).toBe('');
  });

  it('keeps the connection usable after a HEAD, a 304 and a missing-file HEAD', async () => {
    const etag = (await get('/waiter/manifest.webmanifest')).headers.get('etag') ?? '';
    const firsts = [
      'HEAD /waiter/assets/index-Bx1_9aZq.js HTTP/1.1\r\nHost: x\r\n\r\n',
      `GET /waiter/manifest.webmanifest HTTP/1.1\r\nHost: x\r\nIf-None-Match: ${etag}\r\n\r\n`,
      'HEAD /waiter/assets/gone-AbCdEfGh.js HTTP/1.1\r\nHost: x\r\n\r\n',
      'HEAD /waiter HTTP/1.1\r\nHost: x\r\n\r\n',
    ];
    const statuses: number[] = [];
    for (const first of firsts) {
      const exchange = await rawAfterBodilessReply(
        t.port,
        first,
        'GET /api/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      );
      statuses.push(exchange.first.status);
      expect(JSON.parse(exchange.second.body)).toEqual({ pong: true });
    }
    expect(statuses).toEqual([200, 304, 404, 308]);
  });

  it('answers 304 when the ETag still matches', async () => {
    const first = await get('/waiter/manifest.webmanifest');
    expect(first.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
    const etag = first.headers.get('etag') ?? '';
    const again = await get('/waiter/manifest.webmanifest', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('redirects the bare prefix to the prefix with a slash', async () => {
    const res = await get('/waiter', { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/waiter/');
  });

  it('answers only GET and HEAD', async () => {
    const res = await get('/waiter/index.html', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('leaves API routes alone', async () => {
    expect(await (await get('/api/ping')).json()).toEqual({ pong: true });
  });
});

describe('path traversal', () => {
  it.each([
    ['/waiter/../secret.txt'],
    ['/waiter/assets/../../secret.txt'],
    ['/waiter/%2e%2e/secret.txt'],
    ['/waiter/..%2fsecret.txt'],
    ['/waiter/..%5csecret.txt'],
    ['/waiter/%2e%2e%2f%2e%2e%2fetc/passwd'],
    ['/waiter//../secret.txt'],
  ])('refuses %s', async (target) => {
    const res = await rawRequest(t.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(res.status).not.toBe(200);
    expect(res.body).not.toContain(SECRET);
  });

  it('refuses a symlink that points outside the directory', async () => {
    const res = await get('/waiter/leak.txt');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('answers 400 for a path with broken percent-encoding or a NUL byte', async () => {
    expect((await get('/waiter/%E0%A4%A')).status).toBe(400);
    expect((await get('/waiter/index.html%00.png')).status).toBe(400);
  });
});
