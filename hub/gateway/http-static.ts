// Registers GET/HEAD routes that serve a built front-end (waiter, kitchen, admin…) from a directory.
// Lookup rules live in static-files.ts; this file is only the uWS side: copy, await, answer once.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { HttpResponse as UwsResponse, HttpRequest as UwsRequest, TemplatedApp } from 'uWebSockets.js';
import { errorBody, errorOutgoing, thrownToOutgoing } from './http-reply.js';
import { newResponseState, send, type Finish, type Outgoing } from './http-response.js';
import type { StaticOptions } from './http-types.js';
import type { UwsHandler } from './http-guard.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
import { createStaticResolver, type StaticFile } from './static-files.js';

export interface StaticContext {
  app: TemplatedApp;
  logger: Logger;
  finish: Finish;
  /** Wraps each uWS handler so a synchronous throw cannot take the process down. */
  guard: (handler: UwsHandler) => UwsHandler;
}

async function fileOutgoing(
  file: StaticFile,
  opts: { requestId: string; headOnly: boolean; ifNoneMatch: string },
): Promise<Outgoing> {
  const headers = {
    'X-Request-ID': opts.requestId,
    'Content-Type': file.contentType,
    'Cache-Control': file.cacheControl,
    ETag: file.etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (opts.ifNoneMatch !== '' && opts.ifNoneMatch.split(/\s*,\s*/).includes(file.etag)) {
    return { status: 304, headers };
  }
  // HEAD reports the GET's length without reading the file.
  if (opts.headOnly) return { status: 200, headers, headLength: file.size };
  return { status: 200, headers, body: await readFile(file.absPath) };
}

export function registerStaticRoutes(ctx: StaticContext, opts: StaticOptions): void {
  if (!opts.prefix.startsWith('/') || !opts.prefix.endsWith('/')) {
    throw new Error(`static prefix must start and end with "/": ${opts.prefix}`);
  }
  const resolve = createStaticResolver(opts);
  const routeName = `${opts.prefix}*`;

  const handler =
    (headOnly: boolean) =>
    (res: UwsResponse, uwsReq: UwsRequest): void => {
      const started = performance.now();
      const method = headOnly ? 'HEAD' : 'GET';
      const state = newResponseState(method);
      const requestId = requestIdFrom(uwsReq.getHeader(REQUEST_ID_HEADER));
      const ifNoneMatch = uwsReq.getHeader('if-none-match');
      const path = uwsReq.getUrl();
      const info = { method, route: routeName, started };
      res.onAborted(() => {
        state.aborted = true;
      });
      void (async () => {
        let out: Outgoing;
        try {
          const found = await resolve(path);
          if (found.kind === 'file') {
            out = await fileOutgoing(found, { requestId, headOnly, ifNoneMatch });
          } else {
            const code = found.kind === 'bad-path' ? 'INVALID' : 'NOT_FOUND';
            out = errorOutgoing(requestId, errorBody(code, `no file at ${path.slice(0, 200)}`));
          }
        } catch (err) {
          out = thrownToOutgoing(err, requestId, ctx.logger.child({ requestId }));
        }
        ctx.finish(res, state, out, info);
      })().catch((err: unknown) => {
        ctx.logger.error({ err, requestId }, 'failed to write static response');
      });
    };
  ctx.app.get(routeName, ctx.guard(handler(false)));
  ctx.app.head(routeName, ctx.guard(handler(true)));

  // '/waiter' → '/waiter/' so the app's relative asset URLs resolve under the prefix.
  const bare = opts.prefix.slice(0, -1);
  if (bare === '') return;
  const redirect = (res: UwsResponse, uwsReq: UwsRequest): void => {
    const requestId = requestIdFrom(uwsReq.getHeader(REQUEST_ID_HEADER));
    const query = uwsReq.getQuery();
    const location = query ? `${opts.prefix}?${query}` : opts.prefix;
    const state = newResponseState(uwsReq.getMethod());
    send(res, state, { status: 308, headers: { 'X-Request-ID': requestId, Location: location }, body: '' });
  };
  ctx.app.get(bare, ctx.guard(redirect));
  ctx.app.head(bare, ctx.guard(redirect));
}
