// Builds the hub's OpenAPI 3.1 document from the zod schemas the routes already validate with,
// so the published local protocol cannot drift from what the code accepts.
import { z, type ZodType } from 'zod';
import { HTTP_STATUS, errorBodySchema, type ErrorCode } from '../../protocol/errors.js';
import type {
  ApiRouteDoc,
  JsonSchema,
  OpenApiDocument,
  OpenApiMethod,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiResponse,
} from './openapi-types.js';

export const BEARER_SCHEME = 'bearerJwt';
export const ERROR_BODY_SCHEMA = 'ErrorBody';
const ERROR_BODY_REF = `#/components/schemas/${ERROR_BODY_SCHEMA}`;
const JSON_MEDIA = 'application/json';

export interface BuildOpenApiOptions {
  title: string;
  version: string;
  description?: string;
  routes: readonly ApiRouteDoc[];
}

/** ':sessionId' → '{sessionId}'. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] ?? '');
}

/** 'GET /api/sessions/:sessionId' → 'getApiSessionsBySessionId'. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment.startsWith(':') ? `by-${segment.slice(1)}` : segment))
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter((word) => word !== '');
  return method.toLowerCase() + words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join('');
}

/**
 * Collects schemas into components. zod puts shared parts under a local `$defs` and refers to a
 * recursive root as `#`; inside an OpenAPI document both would resolve against the document root,
 * so the defs (and a self-referencing root) are hoisted into components.schemas and refs rewritten.
 */
class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  /** `name` is where a self-referencing root is stored, e.g. 'getApiCatalogResponse'. */
  convert(schema: ZodType, io: 'input' | 'output', name: string): JsonSchema {
    // Transforms, dates and the like have no JSON form; they document as "any" rather than failing the build.
    const json = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      target: 'draft-2020-12',
    }) as JsonSchema;
    const { $schema: _dialect, $defs, ...root } = json;
    const renames = new Map<string, string>();
    for (const [defName, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      renames.set(defName, this.place(defName, def, name));
    }
    let selfReferenced = false;
    const rewriteRef = (ref: string): string => {
      if (ref === '#') {
        selfReferenced = true;
        return `#/components/schemas/${name}`;
      }
      if (!ref.startsWith('#/$defs/')) return ref;
      return `#/components/schemas/${renames.get(ref.slice('#/$defs/'.length)) ?? ref}`;
    };
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          key === '$ref' && typeof inner === 'string' ? rewriteRef(inner) : rewrite(inner),
        ]),
      );
    };
    for (const target of renames.values())
      this.components[target] = rewrite(this.components[target]) as JsonSchema;
    const converted = rewrite(root) as JsonSchema;
    if (!selfReferenced) return converted;
    this.components[name] = converted;
    return { $ref: `#/components/schemas/${name}` };
  }

  /** Keeps a def's own name unless a different schema already holds it. */
  private place(name: string, def: JsonSchema, owner: string): string {
    const clean = name.replace(/[^A-Za-z0-9._-]/g, '_');
    const existing = this.components[clean];
    if (existing === undefined || JSON.stringify(existing) === JSON.stringify(def)) {
      this.components[clean] = def;
      return clean;
    }
    const scoped = `${owner}_${clean}`;
    this.components[scoped] = def;
    return scoped;
  }
}

function queryParameters(json: JsonSchema, where: string): OpenApiParameter[] {
  const properties = json.properties as Record<string, JsonSchema> | undefined;
  if (json.type !== 'object' || properties === undefined)
    throw new Error(`${where}: query schema must be a z.object`);
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, schema]) => {
    const parameter: OpenApiParameter = { name, in: 'query', required: required.has(name), schema };
    if (typeof schema.description === 'string') parameter.description = schema.description;
    return parameter;
  });
}

function errorResponses(codes: readonly ErrorCode[]): Record<string, OpenApiResponse> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = HTTP_STATUS[code];
    const list = byStatus.get(status) ?? [];
    if (!list.includes(code)) list.push(code);
    byStatus.set(status, list);
  }
  const responses: Record<string, OpenApiResponse> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: list.join(', '),
      content: { [JSON_MEDIA]: { schema: { $ref: ERROR_BODY_REF } } },
      'x-error-codes': list,
    };
  }
  return responses;
}

/** Listed errors, plus what the gateway itself may answer: INVALID for bad input, 401/403 for guarded routes. */
function impliedErrors(route: ApiRouteDoc): ErrorCode[] {
  const codes: ErrorCode[] = [...(route.errors ?? [])];
  if (route.request !== undefined || route.query !== undefined) codes.push('INVALID');
  if ((route.roles ?? []).length > 0) codes.push('UNAUTHENTICATED', 'FORBIDDEN');
  return codes;
}

function buildOperation(route: ApiRouteDoc, schemas: SchemaCollector): OpenApiOperation {
  const operationId = operationIdFor(route.method, route.path);
  const roles = [...(route.roles ?? [])];
  const where = `${route.method} ${route.path}`;
  const parameters: OpenApiParameter[] = pathParamNames(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.query !== undefined)
    parameters.push(...queryParameters(schemas.convert(route.query, 'input', `${operationId}Query`), where));

  const hasBody = route.response !== undefined || route.produces !== undefined;
  const successStatus = route.successStatus ?? (hasBody ? 200 : 204);
  const success: OpenApiResponse =
    route.response !== undefined
      ? {
          description: 'Success',
          content: {
            [JSON_MEDIA]: { schema: schemas.convert(route.response, 'output', `${operationId}Response`) },
          },
        }
      : route.produces !== undefined
        ? { description: 'Success', content: { [route.produces]: { schema: {} } } }
        : { description: 'Success (no body)' };

  const devices = route.devices ?? [];
  const descriptionParts = [
    route.description,
    roles.length > 0 ? `Roles: ${roles.join(', ')}.` : route.ownToken ? undefined : 'Public.',
    devices.length > 0 ? `Paired devices (device token): ${devices.join(', ')}.` : undefined,
  ];
  const operation: OpenApiOperation = {
    operationId,
    summary: route.summary,
    description: descriptionParts.filter((part) => part !== undefined).join('\n\n'),
    tags: route.tags,
    parameters,
    responses: { [String(successStatus)]: success, ...errorResponses(impliedErrors(route)) },
    security: roles.length > 0 || route.ownToken ? [{ [BEARER_SCHEME]: [] }] : [],
  };
  if (roles.length > 0) operation['x-roles'] = roles;
  if (route.request !== undefined) {
    operation.requestBody = {
      required: true,
      content: { [JSON_MEDIA]: { schema: schemas.convert(route.request, 'input', `${operationId}Request`) } },
    };
  }
  return operation;
}

export function buildOpenApi(options: BuildOpenApiOptions): OpenApiDocument {
  const schemas = new SchemaCollector();
  schemas.components[ERROR_BODY_SCHEMA] = schemas.convert(errorBodySchema, 'output', ERROR_BODY_SCHEMA);
  const paths: OpenApiDocument['paths'] = {};
  const tags = new Set<string>();

  for (const route of options.routes) {
    const path = toOpenApiPath(route.path);
    const method = route.method.toLowerCase() as OpenApiMethod;
    const item = (paths[path] ??= {});
    if (item[method] !== undefined) throw new Error(`route documented twice: ${route.method} ${route.path}`);
    item[method] = buildOperation(route, schemas);
    for (const tag of route.tags) tags.add(tag);
  }

  const info: OpenApiDocument['info'] = { title: options.title, version: options.version };
  if (options.description !== undefined) info.description = options.description;
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...tags].map((name) => ({ name })),
    paths,
    components: {
      schemas: schemas.components,
      securitySchemes: {
        [BEARER_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Staff session token issued by the hub; the route lists the roles it accepts.',
        },
      },
    },
  };
}
