import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureLocalTls } from './local-ca.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tmp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'comanda-tls-'));
  dirs.push(d);
  return d;
}

describe('the hub local CA', () => {
  it('makes a CA once and a server certificate it signed, for every name and address given', async () => {
    const dir = tmp();
    const first = await ensureLocalTls(dir, ['localhost', '127.0.0.1', '192.168.1.20'], 'test');
    expect(first.createdCa).toBe(true);
    const ca = new X509Certificate(readFileSync(first.caCertFile));
    const server = new X509Certificate(readFileSync(first.certFile));
    expect(ca.ca).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(server.checkHost('localhost')).toBe('localhost');
    // Within Apple's 398-day limit for server certificates.
    const days = (Date.parse(server.validTo) - Date.parse(server.validFrom)) / 86_400_000;
    expect(days).toBeLessThanOrEqual(398);
  });

  it('keeps the CA (tablets trust it) and issues a new server certificate when the LAN address changes', async () => {
    const dir = tmp();
    const first = await ensureLocalTls(dir, ['localhost', '192.168.1.20'], 'test');
    const firstCert = readFileSync(first.certFile, 'utf8');
    const same = await ensureLocalTls(dir, ['192.168.1.20', 'localhost'], 'test');
    expect(same.createdCa).toBe(false);
    expect(readFileSync(same.certFile, 'utf8')).toBe(firstCert);

    const moved = await ensureLocalTls(dir, ['localhost', '10.0.0.7'], 'test');
    expect(moved.caFingerprintSha256).toBe(first.caFingerprintSha256);
    const server = new X509Certificate(readFileSync(moved.certFile));
    expect(server.checkIP('10.0.0.7')).toBe('10.0.0.7');
    expect(server.checkIP('192.168.1.20')).toBeUndefined();
    expect(server.verify(new X509Certificate(readFileSync(moved.caCertFile)).publicKey)).toBe(true);
  });
});
