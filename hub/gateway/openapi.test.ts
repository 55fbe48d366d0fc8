// The OpenAPI document built from route docs: structure, paths, schemas, security and errors.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApi, operationIdFor, toOpenApiPath } from './openapi.js';
import type { ApiRouteDoc, JsonSchema, OpenApiDocument } from './openapi-types.js';

const centsSchema = z.number().int().meta({ id: 'Cents', description: 'integer cents' });
interface Category {
  name: string;
  children: Category[];
}
const categorySchema: z.ZodType<Category> = z.lazy(() =>
  z.object({ name: z.string(), children: z.array(categorySchema) }),
);

const ROUTES: ApiRouteDoc[] = [
  {
    method: 'POST',
    path: '/api/sessions/:sessionId/rounds',
    summary: 'Submit a round',
    description: 'Sends the items to the kitchen.',
    tags: ['rounds'],
    roles: ['waiter', 'manager'],
    request: z.object({
      commandId: z.string(),
      items: z.array(
        z.object({ productId: z.string(), qty: z.string().transform(Number), price: centsSchema }),
      ),
    }),
    response: z.object({
      roundNo: z.number().int(),
      total: centsSchema,
      at: z.string().transform((s) => new Date(s)),
    }),
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'GET',
    path: '/api/sessions/:sessionId/rounds/:roundNo',
    summary: 'Read a round',
    tags: ['rounds'],
    roles: ['waiter'],
    query: z.object({
      station: z.string().optional().describe('kitchen station'),
      limit: z.coerce.number().int(),
    }),
    response: z.object({ roundNo: z.number() }),
    errors: ['NOT_FOUND'],
  },
  {
    method: 'GET',
    path: '/api/menu/categories',
    summary: 'Menu tree',
    tags: ['menu'],
    response: categorySchema,
  },
  {
    method: 'DELETE',
    path: '/api/menu/items/:itemId',
    summary: 'Remove an item',
    tags: ['menu'],
    roles: ['manager'],
  },
];

const doc = buildOpenApi({
  title: 'Comanda hub',
  version: '1.0.0',
  description: 'Local API',
  routes: ROUTES,
});

function collectRefs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') into.push(inner);
      else collectRefs(inner, into);
    }
  }
  return into;
}

function operation(document: OpenApiDocument, path: string, method: 'get' | 'post' | 'delete') {
  const op = document.paths[path]?.[method];
  if (op === undefined) throw new Error(`missing ${method} ${path}`);
  return op;
}

describe('buildOpenApi', () => {
  it('produces an OpenAPI 3.1.0 document with info, tags and the bearer JWT scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({ title: 'Comanda hub', version: '1.0.0', description: 'Local API' });
    expect(doc.tags).toEqual([{ name: 'rounds' }, { name: 'menu' }]);
    expect(doc.components.securitySchemes.bearerJwt).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  });

  it('converts :params to {params} and declares every path parameter', () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/menu/categories',
      '/api/menu/items/{itemId}',
      '/api/sessions/{sessionId}/rounds',
      '/api/sessions/{sessionId}/rounds/{roundNo}',
    ]);
    for (const [path, item] of Object.entries(doc.paths)) {
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(item)) {
        const declared = op.parameters.filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name)).toEqual(templated);
        expect(declared.every((p) => p.required)).toBe(true);
      }
    }
  });

  it('documents request bodies with their input shape, so transforms show what clients send', () => {
    const op = operation(doc, '/api/sessions/{sessionId}/rounds', 'post');
    const schema = op.requestBody?.content['application/json']?.schema as JsonSchema;
    expect(op.requestBody?.required).toBe(true);
    expect(schema).toMatchObject({ type: 'object', required: ['commandId', 'items'] });
    expect(JSON.stringify(schema)).toContain('"qty":{"type":"string"}');
    expect(schema.$schema).toBeUndefined();
  });

  it('documents responses, leaving unrepresentable outputs as any instead of failing', () => {
    const op = operation(doc, '/api/sessions/{sessionId}/rounds', 'post');
    const schema = op.responses['200']?.content?.['application/json']?.schema as {
      properties: Record<string, unknown>;
    };
    expect(schema.properties.roundNo).toMatchObject({ type: 'integer' });
    expect(schema.properties.at).toEqual({});
  });

  it('turns a query object into query parameters with their requiredness and descriptions', () => {
    const op = operation(doc, '/api/sessions/{sessionId}/rounds/{roundNo}', 'get');
    const query = op.parameters.filter((p) => p.in === 'query');
    expect(query).toEqual([
      expect.objectContaining({ name: 'station', required: false, description: 'kitchen station' }),
      expect.objectContaining({ name: 'limit', required: true }),
    ]);
  });

  it('marks routes with roles as bearer-protected and lists the roles; public routes have no security', () => {
    const guarded = operation(doc, '/api/sessions/{sessionId}/rounds', 'post');
    expect(guarded.security).toEqual([{ bearerJwt: [] }]);
    expect(guarded['x-roles']).toEqual(['waiter', 'manager']);
    expect(guarded.description).toContain('Roles: waiter, manager.');
    const open = operation(doc, '/api/menu/categories', 'get');
    expect(open.security).toEqual([]);
    expect(open['x-roles']).toBeUndefined();
  });

  it('points each error status at the shared ErrorBody schema, adding the errors the gateway itself raises', () => {
    const op = operation(doc, '/api/sessions/{sessionId}/rounds', 'post');
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409']);
    expect(op.responses['409']).toMatchObject({
      'x-error-codes': ['CONFLICT'],
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    });
    expect(doc.components.schemas.ErrorBody).toMatchObject({ type: 'object', required: ['code', 'message'] });
  });

  it('answers 204 when a route documents no response body', () => {
    expect(Object.keys(operation(doc, '/api/menu/items/{itemId}', 'delete').responses)).toContain('204');
  });

  it('hoists shared and recursive schemas into components so every $ref resolves inside the document', () => {
    expect(doc.components.schemas.Cents).toMatchObject({ type: 'integer', description: 'integer cents' });
    const refs = collectRefs(doc);
    expect(refs).toContain('#/components/schemas/Cents');
    const tree = operation(doc, '/api/menu/categories', 'get').responses['200']?.content?.['application/json']
      ?.schema;
    expect(tree).toEqual({ $ref: '#/components/schemas/getApiMenuCategoriesResponse' });
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)]).toBeDefined();
    }
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationIdFor('GET', '/api/sessions/:sessionId')).toBe('getApiSessionsBySessionId');
  });

  it('refuses a route documented twice and a query that is not an object', () => {
    const route: ApiRouteDoc = { method: 'GET', path: '/x', summary: 'x', tags: [] };
    expect(() => buildOpenApi({ title: 't', version: '1', routes: [route, route] })).toThrow(/twice/);
    expect(() =>
      buildOpenApi({ title: 't', version: '1', routes: [{ ...route, query: z.string() }] }),
    ).toThrow(/z\.object/);
  });

  it('survives a JSON round trip unchanged, so it can be served as is', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(toOpenApiPath('/a/:b/c/:d_e')).toBe('/a/{b}/c/{d_e}');
  });
});
