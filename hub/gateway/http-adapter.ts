// The hub's HTTP server on uWebSockets.js. Every uWS HTTP call lives in this file and its helpers
// (http-body, http-response, http-static); route handlers get plain copied requests and return plain replies.
// uWS rules followed here: copy everything out of `req` before returning (it is stack-allocated),
// register onAborted before any await, cork every write, and never write after an abort.
import { context } from '@opentelemetry/api';
import { endServerSpan, startServerSpan } from '../observability/tracing.js';
import { performance } from 'node:perf_hooks';
import type {
  HttpRequest as UwsRequest,
  HttpResponse as UwsResponse,
  TemplatedApp,
  us_listen_socket,
} from 'uWebSockets.js';
import { AppError } from '../../protocol/errors.js';
import { declaredTooLarge, parseJsonBody, readBody } from './http-body.js';
import { errorBody, errorOutgoing, replyToOutgoing, thrownToOutgoing } from './http-reply.js';
import { newResponseState, send, type Finish, type Outgoing } from './http-response.js';
import type {
  HttpMethod,
  HttpRequest,
  HttpServer,
  HttpServerOptions,
  RouteDef,
  StaticOptions,
} from './http-types.js';
import { guarded, type UwsHandler } from './http-guard.js';
import { registerStaticRoutes } from './http-static.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
import { uws } from './uws-native.js';

const UNMATCHED_ROUTE = '(unmatched)';

function registerOn(app: TemplatedApp, method: HttpMethod, pattern: string, handler: UwsHandler): void {
  switch (method) {
    case 'GET':
      app.get(pattern, handler);
      return;
    case 'POST':
      app.post(pattern, handler);
      return;
    case 'PUT':
      app.put(pattern, handler);
      return;
    case 'PATCH':
      app.patch(pattern, handler);
      return;
    case 'DELETE':
      app.del(pattern, handler);
      return;
  }
}

function copyHeaders(req: UwsRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  req.forEach((name, value) => {
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  });
  return headers;
}

function paramNamesOf(pattern: string): string[] {
  return pattern
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1));
}

function decodeParams(names: readonly string[], raw: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    try {
      params[name] = decodeURIComponent(raw[i] ?? '');
    } catch {
      throw new AppError('INVALID', `path parameter ${name} is not valid percent-encoding`);
    }
  });
  return params;
}

function parseQuery(queryString: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(queryString));
}

function remoteAddressOf(res: UwsResponse): string {
  return Buffer.from(res.getRemoteAddressAsText()).toString();
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const app = options.app ?? uws.App();
  const { logger, maxBodyBytes } = options;
  const registered = new Set<string>();
  let listenSocket: us_listen_socket | undefined;

  /** Answers and reports; `route` is the pattern so metrics stay low-cardinality. */
  const finish: Finish = (res, state, out, info) => {
    if (info.span) endServerSpan(info.span, out.status);
    if (!send(res, state, out)) return;
    try {
      options.onResponse?.({
        method: info.method,
        route: info.route,
        status: out.status,
        durationMs: performance.now() - info.started,
      });
    } catch (err) {
      logger.error({ err }, 'onResponse hook threw');
    }
  };

  function route(def: RouteDef): void {
    const key = `${def.method} ${def.path}`;
    if (!def.path.startsWith('/')) throw new Error(`route path must start with "/": ${def.path}`);
    if (registered.has(key)) throw new Error(`route registered twice: ${key}`);
    registered.add(key);
    const paramNames = paramNamesOf(def.path);

    registerOn(
      app,
      def.method,
      def.path,
      guarded(logger, (res, uwsReq) => {
        const started = performance.now();
        const state = newResponseState();
        const headers = copyHeaders(uwsReq);
        const requestId = requestIdFrom(headers[REQUEST_ID_HEADER]);
        const rawParams = paramNames.map((_, i) => uwsReq.getParameter(i));
        const path = uwsReq.getUrl();
        const queryString = uwsReq.getQuery() ?? '';
        const remoteAddress = remoteAddressOf(res);
        const traced =
          options.tracer &&
          startServerSpan(options.tracer, `${def.method} ${def.path}`, headers, {
            'http.request.method': def.method,
            'http.route': def.path,
            'comanda.request_id': requestId,
          });
        const info = { method: def.method, route: def.path, started, span: traced?.span };
        const log = logger.child({ requestId });

        if (declaredTooLarge(headers['content-length'], maxBodyBytes)) {
          const body = errorBody('PAYLOAD_TOO_LARGE', `request body exceeds ${maxBodyBytes} bytes`);
          finish(res, state, errorOutgoing(requestId, body, true), info);
          return;
        }
        const reader = readBody(res, maxBodyBytes);
        res.onAborted(() => {
          state.aborted = true;
          reader.abort();
        });

        void (async () => {
          const outcome = await reader.done;
          if (outcome.kind === 'aborted') {
            log.debug('client aborted the request');
            traced?.span.end();
            return;
          }
          if (outcome.kind === 'too-large') {
            const body = errorBody('PAYLOAD_TOO_LARGE', `request body exceeds ${maxBodyBytes} bytes`);
            finish(res, state, errorOutgoing(requestId, body, true), info);
            return;
          }
          let out: Outgoing;
          try {
            const request: HttpRequest = {
              method: def.method,
              path,
              params: decodeParams(paramNames, rawParams),
              query: parseQuery(queryString),
              headers,
              body: parseJsonBody(outcome.data),
              rawBody: outcome.data,
              remoteAddress,
              requestId,
              log,
            };
            const reply = traced
              ? await context.with(traced.ctx, () => def.handler(request))
              : await def.handler(request);
            out = replyToOutgoing(reply, requestId);
          } catch (err) {
            out = thrownToOutgoing(err, requestId, log);
          }
          if (state.aborted) log.debug('client went away before the reply');
          finish(res, state, out, info);
        })().catch((err: unknown) => {
          // Only a failure inside uWS writing lands here; the socket is unusable, keep the server up.
          log.error({ err }, 'failed to write HTTP response');
        });
      }),
    );
  }

  function serveStatic(opts: StaticOptions): void {
    registerStaticRoutes({ app, logger, finish, guard: (handler) => guarded(logger, handler) }, opts);
  }

  // uWS tries `any` after every method-specific route, so this only catches what nothing else did.
  app.any(
    '/*',
    guarded(logger, (res, uwsReq) => {
      const started = performance.now();
      const method = uwsReq.getMethod().toUpperCase();
      const path = uwsReq.getUrl();
      const requestId = requestIdFrom(uwsReq.getHeader(REQUEST_ID_HEADER));
      const body = errorBody('NOT_FOUND', `no route for ${method} ${path.slice(0, 200)}`);
      finish(res, newResponseState(method), errorOutgoing(requestId, body), {
        method,
        route: UNMATCHED_ROUTE,
        started,
      });
    }),
  );

  function listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      app.listen(host, port, (socket) => {
        if (socket === false) {
          reject(new Error(`could not listen on ${host}:${port} (port in use or address not available)`));
          return;
        }
        listenSocket = socket;
        resolve(uws.us_socket_local_port(socket));
      });
    });
  }

  function close(): void {
    if (listenSocket !== undefined) {
      uws.us_listen_socket_close(listenSocket);
      listenSocket = undefined;
    }
    // The typings of this uWS build lack close(), but the native app has it: it drops open keep-alive
    // connections, which would otherwise keep the process alive after shutdown.
    const closable = app as TemplatedApp & { close?: () => void };
    closable.close?.();
  }

  return { app, route, serveStatic, listen, close };
}
