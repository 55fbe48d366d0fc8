// HTTPS and WSS with the hub's own CA: a tablet that installed the CA reaches the same API and live feed
// as over plain HTTP; one that did not is refused by its own TLS check.
import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';

let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t?.stop();
});

function httpsGet(port: number, path: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'GET', ca, rejectUnauthorized: true },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS with the local CA', () => {
  it('serves the API over TLS to a client that trusts the hub CA, and tells where HTTPS is', async () => {
    const status = await t.fetchJson('/api/tls/status');
    expect(status.status).toBe(200);
    const body = status.body as { enabled: boolean; httpsPort: number; caFingerprintSha256: string };
    expect(body.enabled).toBe(true);
    expect(body.httpsPort).toBe(t.hub.server.httpsPort);
    expect(body.caFingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const ca = await t.fetchJson('/api/tls/ca.crt');
    expect(ca.status).toBe(200);
    expect(ca.headers.get('content-type')).toBe('application/x-x509-ca-cert');
    const pem = String(ca.body);
    expect(pem).toContain('BEGIN CERTIFICATE');

    const over = await httpsGet(body.httpsPort, '/readyz', pem);
    expect(over.status).toBe(200);
  });

  it('is refused by a client that has not installed the CA', async () => {
    await expect(httpsGet(t.hub.server.httpsPort!, '/readyz')).rejects.toThrow(
      /self[- ]signed|unable to (get|verify)/i,
    );
  });

  it('carries the live feed over WSS', async () => {
    const pem = readFileSync(`${t.hub.server.tlsDir}/ca.crt`, 'utf8');
    const ws = new WebSocket(`wss://127.0.0.1:${t.hub.server.httpsPort}/ws?token=${t.tokens.MANAGER}`, {
      ca: pem,
    });
    const welcome = await new Promise<{ type: string; principal: { kind: string } }>((resolve, reject) => {
      ws.once('message', (m) => resolve(JSON.parse(String(m))));
      ws.once('error', reject);
    });
    ws.close();
    expect(welcome.type).toBe('welcome');
    expect(welcome.principal.kind).toBe('staff');
  });
});
