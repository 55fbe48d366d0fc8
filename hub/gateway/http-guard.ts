// Keeps one buggy request from taking the hub down: a throw escaping a uWS handler before it has
// answered makes uWS abort the whole process ("Returning from a request handler without responding").
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { HttpRequest as UwsRequest, HttpResponse as UwsResponse } from 'uWebSockets.js';
import { errorBody, errorOutgoing } from './http-reply.js';
import { newResponseState, send } from './http-response.js';

export type UwsHandler = (res: UwsResponse, req: UwsRequest) => void;

/** Runs the synchronous part of a handler; on a throw, logs it and answers a bare 500 if still possible. */
export function guarded(logger: Logger, handler: UwsHandler): UwsHandler {
  return (res, req) => {
    try {
      handler(res, req);
    } catch (err) {
      const requestId = randomUUID();
      logger.error({ err, requestId }, 'HTTP handler threw before answering');
      try {
        send(
          res,
          newResponseState(),
          errorOutgoing(requestId, errorBody('INTERNAL', 'internal error'), true),
        );
      } catch {
        // Already answered before the throw: uWS refuses a second answer, and that is fine.
      }
    }
  };
}
