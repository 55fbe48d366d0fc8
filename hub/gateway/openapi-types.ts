// The subset of OpenAPI 3.1 the hub emits, typed so the docs page and tests can read it safely.
import type { ZodType } from 'zod';
import type { ErrorCode } from '../../protocol/errors.js';
import type { HttpMethod } from './http-types.js';

/** A JSON Schema (2020-12) object as zod emits it. */
export type JsonSchema = Record<string, unknown>;

/** What a route module declares about itself; the single source for the OpenAPI document. */
export interface ApiRouteDoc {
  method: HttpMethod;
  /** Same pattern as the route, with `:params`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Who may call it; empty or undefined means public. */
  roles?: readonly string[];
  /** Paired devices (by kind, e.g. KDS) that may call it with their device token besides those roles. */
  devices?: readonly string[];
  request?: ZodType;
  query?: ZodType;
  response?: ZodType;
  /** The media type of a body that is not described by a schema (a page, a certificate, a file, JSON). */
  produces?: string;
  /** The route checks a bearer token of its own kind (diner table token, device token): not public. */
  ownToken?: boolean;
  /** Defaults to 200 with a response schema or `produces`, 204 without either (an empty reply). */
  successStatus?: number;
  errors?: ErrorCode[];
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
  description?: string;
}

export interface OpenApiMediaType {
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  content?: Record<string, OpenApiMediaType>;
  /** Our extension: the error codes this status stands for. */
  'x-error-codes'?: ErrorCode[];
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse>;
  /** `[]` marks a public route explicitly. */
  security: Array<Record<string, string[]>>;
  /** Our extension: roles allowed to call the route. */
  'x-roles'?: string[];
}

export type OpenApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type OpenApiPathItem = Partial<Record<OpenApiMethod, OpenApiOperation>>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  jsonSchemaDialect: string;
  tags: Array<{ name: string }>;
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<
      string,
      { type: 'http'; scheme: 'bearer'; bearerFormat: string; description?: string }
    >;
  };
}
