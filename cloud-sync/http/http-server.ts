// A small JSON HTTP server on node:http: routes with :params, raw body kept for signatures, request
// ids, closed error bodies, one log line and one metric per request.
// node:http rather than uWS: the cloud's cost per request is a Postgres transaction over a batch of
// events (hundreds of requests/s, not tens of thousands), it must run on any container image without
// a native binary tied to one glibc, and it sits behind a load balancer that terminates keep-alive.
import { context, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { endRequestSpan, startRequestSpan } from '../observability/tracing.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { AppError, HTTP_STATUS, type ErrorBody } from '../../protocol/errors.js';

export type HttpMethod = 'GET' | 'POST';

export interface CloudRequest {
  method: HttpMethod;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Lower-case names, as node gives them. */
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
  requestId: string;
  log: Logger;
  /** The peer's address (the load balancer's, behind one); used for per-client rate limits. */
  remoteAddress?: string;
}

export interface CloudReply {
  status?: number;
  /** JSON-encoded unless a string or a Buffer (static files), which go out as they are. */
  body: unknown;
  contentType?: string;
  /** Extra response headers (Set-Cookie, Cache-Control…). */
  headers?: Record<string, string | string[]>;
  /**
   * A long-lived response (server-sent events): the head is written, then `stream` owns `res` and `body`
   * is ignored. The connection is closed by the client or by `close()` at shutdown.
   */
  stream?: (res: ServerResponse) => void;
}

export type RouteHandler = (req: CloudRequest) => Promise<CloudReply>;

interface Route {
  method: HttpMethod;
  pattern: string;
  segments: string[];
  handler: RouteHandler;
}

export interface ResponseInfo {
  method: string;
  route: string;
  status: number;
  durationMs: number;
}

export interface HttpServerOptions {
  logger: Logger;
  maxBodyBytes: number;
  onResponse?: (info: ResponseInfo) => void;
  /** OpenTelemetry: a server span per request (cloud-sync/observability/tracing.ts); absent, none. */
  tracer?: Tracer;
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function matchRoute(route: Route, parts: string[]): Record<string, string> | undefined {
  if (route.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const seg = route.segments[i] ?? '';
    const part = parts[i] ?? '';
    if (seg.startsWith(':')) {
      try {
        params[seg.slice(1)] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    } else if (seg !== part) return undefined;
  }
  return params;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(new AppError('PAYLOAD_TOO_LARGE', `request body exceeds ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new AppError('PAYLOAD_TOO_LARGE', `request body exceeds ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function errorBodyOf(err: unknown, log: Logger): { status: number; body: ErrorBody } {
  if (err instanceof AppError) return { status: HTTP_STATUS[err.code], body: err.toBody() };
  // Unknown errors never leak: the cause goes to the log, the client gets INTERNAL and the request id.
  log.error({ err }, 'unhandled error');
  return { status: 500, body: { code: 'INTERNAL', message: 'internal error' } };
}

export interface CloudHttpServer {
  route(method: HttpMethod, pattern: string, handler: RouteHandler): void;
  listen(host: string, port: number): Promise<number>;
  close(): Promise<void>;
  readonly server: Server;
}

export function createCloudHttpServer(options: HttpServerOptions): CloudHttpServer {
  const routes: Route[] = [];
  const { logger } = options;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const incomingId = req.headers['x-request-id'];
    const requestId =
      typeof incomingId === 'string' && SANE_REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
    const log = logger.child({ requestId });
    const url = new URL(req.url ?? '/', 'http://cloud.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const parts = url.pathname.split('/').slice(1);
    let routeName = '(unmatched)';
    let status = 500;
    let payload: string | Buffer;
    let contentType = 'application/json; charset=utf-8';
    let extraHeaders: Record<string, string | string[]> = {};
    let stream: CloudReply['stream'];
    let traced: { span: Span; ctx: Context } | undefined;
    try {
      let matched: { route: Route; params: Record<string, string> } | undefined;
      for (const route of routes) {
        const params = route.method === method ? matchRoute(route, parts) : undefined;
        if (params !== undefined) {
          matched = { route, params };
          break;
        }
      }
      if (matched === undefined)
        throw new AppError('NOT_FOUND', `no route for ${method} ${url.pathname.slice(0, 200)}`);
      routeName = matched.route.pattern;
      if (options.tracer)
        traced = startRequestSpan(options.tracer, `${method} ${routeName}`, req.headers, {
          'http.request.method': method,
          'http.route': routeName,
          'comanda.request_id': requestId,
        });
      const rawBody = await readBody(req, options.maxBodyBytes);
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers))
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const run = matched.route.handler;
      const request: CloudRequest = {
        method: matched.route.method,
        path: url.pathname,
        params: matched.params,
        query: Object.fromEntries(url.searchParams),
        headers,
        rawBody,
        requestId,
        log,
        remoteAddress: req.socket.remoteAddress ?? '',
      };
      const reply = traced ? await context.with(traced.ctx, () => run(request)) : await run(request);
      status = reply.status ?? 200;
      contentType = reply.contentType ?? contentType;
      extraHeaders = reply.headers ?? {};
      stream = reply.stream;
      payload =
        typeof reply.body === 'string' || Buffer.isBuffer(reply.body)
          ? reply.body
          : JSON.stringify(reply.body);
    } catch (err) {
      const out = errorBodyOf(err, log);
      status = out.status;
      payload = JSON.stringify(out.body);
      if (status < 500)
        log.info({ status, code: out.body.code, message: out.body.message }, 'request refused');
    }
    if (stream !== undefined) {
      res.writeHead(status, { ...extraHeaders, 'content-type': contentType, 'x-request-id': requestId });
      stream(res);
    } else {
      res.writeHead(status, {
        ...extraHeaders,
        'content-type': contentType,
        'x-request-id': requestId,
        'content-length': Buffer.byteLength(payload),
      });
      res.end(payload);
    }
    if (traced) endRequestSpan(traced.span, status);
    const durationMs = performance.now() - started;
    log.debug({ method, route: routeName, status, durationMs }, 'request');
    try {
      options.onResponse?.({ method, route: routeName, status, durationMs });
    } catch (err) {
      log.error({ err }, 'onResponse hook threw');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ err }, 'failed to answer request');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  return {
    server,
    route(method, pattern, handler) {
      if (routes.some((r) => r.method === method && r.pattern === pattern))
        throw new Error(`route registered twice: ${method} ${pattern}`);
      routes.push({ method, pattern, segments: pattern.split('/').slice(1), handler });
    },
    listen: (host, port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address !== null ? address.port : port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
