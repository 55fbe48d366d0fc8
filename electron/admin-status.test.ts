import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchAdminStatus, parseAdminStatus } from './admin-status.js';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(status: number, body: string): Promise<string> {
  server = http.createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the hub status shown in the tray', () => {
  it('reads devices connected and sync state from the admin API', async () => {
    const baseUrl = await serve(
      200,
      JSON.stringify({ devices: { connected: 4 }, sync: { state: 'up to date', lag: 0 } }),
    );
    expect(await fetchAdminStatus(baseUrl)).toEqual({ devicesConnected: 4, syncState: 'up to date' });
  });

  it('is unknown when the admin API refuses the request', async () => {
    const baseUrl = await serve(401, JSON.stringify({ code: 'UNAUTHENTICATED', message: 'log in' }));
    expect(await fetchAdminStatus(baseUrl)).toEqual({ devicesConnected: null, syncState: null });
  });

  it('is unknown when nothing answers', async () => {
    const baseUrl = await serve(200, '{}');
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(await fetchAdminStatus(baseUrl, 500)).toEqual({ devicesConnected: null, syncState: null });
  });

  it('keeps the part it understands when the other part has another shape', () => {
    expect(parseAdminStatus({ devices: { connected: -1 }, sync: { state: 'offline' } })).toEqual({
      devicesConnected: null,
      syncState: 'offline',
    });
    expect(parseAdminStatus('not an object')).toEqual({ devicesConnected: null, syncState: null });
  });
});
