// The API described by itself: OpenAPI 3.1 JSON and a readable page, both built from the route list.
import { renderApiDocsPage } from '../api-docs-page.js';
import { buildOpenApi } from '../openapi.js';
import type { ApiRoute } from '../api-route.js';
import { PROTOCOL_VERSION } from '../../../protocol/version.js';

export function docsRoutes(routes: readonly ApiRoute[], version: string): ApiRoute[] {
  const docRoutes: ApiRoute[] = [];
  // Built lazily and once: zod → JSON Schema for ~60 routes is not free, and startup should stay quick.
  let doc: ReturnType<typeof buildOpenApi> | undefined;
  const openapi = () =>
    (doc ??= buildOpenApi({
      title: 'Comanda hub API',
      version,
      description:
        `Protocol version ${PROTOCOL_VERSION}. Errors are \`{ code, message, details? }\` with the matching HTTP status; ` +
        'every response carries an X-Request-ID. Sign in at POST /api/auth/login and send `Authorization: Bearer <accessToken>`.',
      routes: [...routes, ...docRoutes],
    }));
  docRoutes.push(
    {
      method: 'GET',
      path: '/api/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document',
      tags: ['docs'],
      produces: 'application/json',
      handler: () => ({ body: openapi() }),
    },
    {
      method: 'GET',
      path: '/api/docs',
      summary: 'This API as a readable page',
      tags: ['docs'],
      produces: 'text/html',
      handler: () => ({
        raw: {
          data: renderApiDocsPage(openapi(), { specUrl: '/api/openapi.json' }),
          contentType: 'text/html; charset=utf-8',
        },
      }),
    },
  );
  return docRoutes;
}
