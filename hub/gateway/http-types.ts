// The HTTP shapes route handlers see: a plain request copied out of uWS and a reply to send.
// Handlers never touch uWS objects, so they can await freely and be tested without a socket.
import type { Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { TemplatedApp } from 'uWebSockets.js';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface HttpRequest {
  readonly method: HttpMethod;
  /** The path as received (percent-encoded), without the query string. */
  readonly path: string;
  /** Values of the route's `:name` segments, percent-decoded. */
  readonly params: Record<string, string>;
  /** Query string; a repeated key keeps its last value. */
  readonly query: Record<string, string>;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  /** Parsed JSON; undefined when the body is empty. */
  readonly body: unknown;
  /** The bytes as received, for signature checks. */
  readonly rawBody: Buffer;
  readonly remoteAddress: string;
  readonly requestId: string;
  /** Child logger carrying the request id. */
  readonly log: Logger;
}

export interface HttpReply {
  /** Defaults to 200, or 204 when there is neither body nor raw. */
  status?: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, instead of body. */
  raw?: { data: Buffer | string; contentType: string };
  headers?: Record<string, string>;
}

export type RouteHandler = (req: HttpRequest) => Promise<HttpReply> | HttpReply;

export interface RouteDef {
  method: HttpMethod;
  /** uWS pattern; `:name` segments become params, e.g. '/api/sessions/:sessionId'. */
  path: string;
  handler: RouteHandler;
}

export interface ResponseInfo {
  method: string;
  /** The route pattern (not the concrete path) so metrics stay low-cardinality. */
  route: string;
  status: number;
  durationMs: number;
}

export interface HttpServerOptions {
  maxBodyBytes: number;
  logger: Logger;
  /** Called once per response written; not called for requests the client aborted. */
  onResponse?: (info: ResponseInfo) => void;
  /** Share an existing uWS app (and so its port) with the WebSocket gateway. */
  app?: TemplatedApp;
  /** OpenTelemetry: a server span per API request (hub/observability/tracing.ts); absent, none. */
  tracer?: Tracer;
}

export interface StaticOptions {
  /** URL prefix ending in '/', e.g. '/waiter/'. */
  prefix: string;
  /** Directory holding the built files. */
  dir: string;
  /** Serve index.html for extension-less paths that match no file (client-side routes). */
  spaFallback?: boolean;
}

export interface HttpServer {
  readonly app: TemplatedApp;
  route(def: RouteDef): void;
  serveStatic(opts: StaticOptions): void;
  /** Resolves with the port actually bound (useful with port 0). */
  listen(host: string, port: number): Promise<number>;
  /** Stops listening and closes open connections. */
  close(): void;
}
