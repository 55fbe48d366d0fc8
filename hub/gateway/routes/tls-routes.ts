// HTTPS for tablets: where the hub's HTTPS port is, and its local CA certificate to install. Both are
// public: a CA certificate is not a secret, and a tablet needs it before anyone can sign in on it.
import { z } from 'zod';
import { AppError } from '../../../protocol/errors.js';
import type { LocalTls } from '../../tls/local-ca.js';
import { lanAddresses } from '../../lan-addresses.js';
import type { ApiRoute } from '../api-route.js';

export const tlsStatusSchema = z.object({
  enabled: z.boolean(),
  httpsPort: z.number().int().nullable(),
  /** Where tablets should point their browsers once the CA is installed. */
  httpsUrls: z.array(z.string()),
  caFingerprintSha256: z.string().nullable(),
  caDownloadPath: z.string().nullable(),
});

export function tlsRoutes(tls: LocalTls | undefined, httpsPort: () => number | undefined): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/tls/status',
      summary: "The hub's HTTPS port and local CA fingerprint, for installing the CA on tablets",
      tags: ['operations'],
      response: tlsStatusSchema,
      handler: () => {
        const port = tls ? (httpsPort() ?? null) : null;
        const hosts = ['localhost', ...lanAddresses()];
        return {
          body: {
            enabled: port !== null,
            httpsPort: port,
            httpsUrls: port === null ? [] : hosts.map((h) => `https://${h}:${port}/`),
            caFingerprintSha256: tls?.caFingerprintSha256 ?? null,
            caDownloadPath: tls ? '/api/tls/ca.crt' : null,
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/tls/ca.crt',
      summary: "The hub's local certificate authority (PEM), to install on each tablet",
      tags: ['operations'],
      produces: 'application/x-x509-ca-cert',
      errors: ['NOT_FOUND'],
      handler: () => {
        if (!tls) throw new AppError('NOT_FOUND', 'HTTPS is off on this hub');
        return {
          raw: { contentType: 'application/x-x509-ca-cert', data: tls.caPem },
          headers: { 'Content-Disposition': 'attachment; filename="comanda-hub-ca.crt"' },
        };
      },
    },
  ];
}
