// @vitest-environment happy-dom
// The HTTPS page against GET /api/tls/status (hub/gateway/routes/tls-routes.ts), with fetch standing in
// for the hub: instructions per platform and the CA's QR when on, a readable reason when not.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminHarness } from '../admin-test-kit.js';
import { HttpsPage } from './HttpsPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function hub(routes: Record<string, { status: number; body: unknown }>) {
  vi.stubGlobal('fetch', async (url: string) => {
    const r = routes[url] ?? { status: 404, body: { code: 'NOT_FOUND', message: `no route for GET ${url}` } };
    return new Response(JSON.stringify(r.body), { status: r.status });
  });
}

const addresses = {
  status: 200,
  body: {
    branchName: 'Centro',
    lanAddresses: ['192.168.1.20'],
    httpPort: 8080,
    dinerBaseUrls: ['http://192.168.1.20:8080'],
  },
};

describe('HttpsPage', () => {
  it('offers the CA by QR over plain HTTP, with steps per platform and the fingerprint to compare', async () => {
    hub({
      '/api/tls/status': {
        status: 200,
        body: {
          enabled: true,
          httpsPort: 8443,
          httpsUrls: ['https://localhost:8443/', 'https://192.168.1.20:8443/'],
          caFingerprintSha256: 'ab12cd34',
          caDownloadPath: '/api/tls/ca.crt',
        },
      },
      '/api/admin/addresses': addresses,
    });
    render(adminHarness().wrap(<HttpsPage />));
    const caQr = await screen.findByRole('img', { name: 'Código QR para descargar el certificado' });
    await vi.waitFor(() =>
      expect(caQr.getAttribute('data-qr-value')).toBe('http://192.168.1.20:8080/api/tls/ca.crt'),
    );
    expect(
      screen.getByRole('img', { name: 'Código QR de la dirección HTTPS' }).getAttribute('data-qr-value'),
    ).toBe('https://192.168.1.20:8443/');
    expect(screen.getByText('AB:12:CD:34')).toBeTruthy();
    expect(screen.getByText(/VPN y gestión de dispositivos/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Android' }));
    expect(screen.getByText(/Cifrado y credenciales/)).toBeTruthy();
    for (const tab of ['Windows', 'macOS', 'ChromeOS'])
      expect(screen.getByRole('tab', { name: tab })).toBeTruthy();
  });

  it('says plainly when this hub has no HTTPS route yet', async () => {
    hub({ '/api/admin/addresses': addresses });
    render(adminHarness().wrap(<HttpsPage />));
    expect(await screen.findByText('No se pudo consultar el HTTPS del hub')).toBeTruthy();
    expect(screen.getByText(/Este hub aún no ofrece esta función/)).toBeTruthy();
  });
});
