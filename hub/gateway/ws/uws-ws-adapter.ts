// The live feed on uWebSockets.js: every uWS WebSocket call is in this file. The upgrade is
// authenticated before the socket exists (copying everything out of `req` first, since it is gone
// after the first await); a refusal is an HTTP status with a JSON `{code, message}` body.
import type { HttpRequest, HttpResponse, TemplatedApp, WebSocket, us_socket_context_t } from 'uWebSockets.js';
import { AppError, HTTP_STATUS, type ErrorCode } from '../../../protocol/errors.js';
import { WS_PATH } from '../../../protocol/ws-messages.js';
import type { LiveCore } from './live-core.js';
import type { LiveConnection } from './ws-connection.js';
import type { Principal } from './principal.js';
import type { WsAuthenticator } from './ws-authenticate.js';
import type { FeedPublisher, SendStatus, WsTransport } from './ws-transport.js';

interface UserData {
  principal: Principal;
  remoteAddress: string;
  conn?: LiveConnection;
  closed?: boolean;
}

const STATUS_TEXT: Partial<Record<number, string>> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  400: 'Bad Request',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const SEND_STATUS: readonly SendStatus[] = ['backpressure', 'ok', 'dropped'];

/** Token from `Authorization: Bearer`, else from `?token=` (browsers cannot set headers on a WebSocket). */
function tokenFrom(authorization: string, query: string): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (bearer) return bearer;
  return new URLSearchParams(query).get('token') ?? undefined;
}

/** A class, not closures: its methods live once on the prototype, not once per socket. */
class UwsTransport implements WsTransport {
  constructor(
    private readonly ws: WebSocket<UserData>,
    private readonly data: UserData,
  ) {}
  send(frame: string): SendStatus {
    return this.data.closed ? 'dropped' : SEND_STATUS[this.ws.send(frame, false, false)]!;
  }
  bufferedAmount(): number {
    return this.data.closed ? 0 : this.ws.getBufferedAmount();
  }
  subscribe(feed: string): void {
    if (!this.data.closed) this.ws.subscribe(feed);
  }
  unsubscribe(feed: string): void {
    if (!this.data.closed) this.ws.unsubscribe(feed);
  }
  end(code: number, reason: string): void {
    if (!this.data.closed) this.ws.end(code, reason);
  }
  cork(fn: () => void): void {
    if (this.data.closed) fn();
    else this.ws.cork(fn);
  }
}

export function uwsPublisher(app: TemplatedApp): FeedPublisher {
  return { publish: (feed, frame) => void app.publish(feed, frame, false, false) };
}

export interface UwsWsOptions {
  app: TemplatedApp;
  core: LiveCore;
  authenticate: WsAuthenticator;
  /** Counts refused upgrades by reason. */
  onRejected?: (reason: ErrorCode) => void;
}

export function attachUwsWebSocket(options: UwsWsOptions): void {
  const { app, core, authenticate } = options;
  const { limits } = core;

  function refuse(res: HttpResponse, err: unknown): void {
    const body =
      err instanceof AppError ? err.toBody() : { code: 'INTERNAL' as const, message: 'internal error' };
    if (!(err instanceof AppError)) core.logger.error({ err }, 'websocket upgrade failed');
    options.onRejected?.(body.code);
    const status = HTTP_STATUS[body.code];
    res.cork(() => {
      res
        .writeStatus(`${status} ${STATUS_TEXT[status] ?? 'Error'}`)
        .writeHeader('Content-Type', 'application/json')
        .end(JSON.stringify(body), true);
    });
  }

  app.ws<UserData>(WS_PATH, {
    // uWS drops a frame above its own limit by cutting the TCP connection (the client sees 1006);
    // the hard guard sits well above ours so an oversize frame gets a proper 1009 with a reason.
    maxPayloadLength: limits.maxMessageBytes * 4,
    idleTimeout: limits.heartbeatSeconds * 2,
    sendPingsAutomatically: true,
    maxBackpressure: limits.hardBackpressureBytes,
    closeOnBackpressureLimit: 0,

    upgrade: (res: HttpResponse, req: HttpRequest, context: us_socket_context_t) => {
      const key = req.getHeader('sec-websocket-key');
      const offered = req.getHeader('sec-websocket-protocol');
      const extensions = req.getHeader('sec-websocket-extensions');
      const token = tokenFrom(req.getHeader('authorization'), req.getQuery() ?? '');
      const remoteAddress = Buffer.from(res.getRemoteAddressAsText()).toString();
      // Only our own subprotocol is ever echoed: echoing an arbitrary offer would break strict clients.
      const protocol = offered
        .split(',')
        .map((p) => p.trim())
        .includes('comanda.v1')
        ? 'comanda.v1'
        : '';
      let aborted = false;
      res.onAborted(() => {
        aborted = true;
      });
      authenticate(token).then(
        (principal) => {
          if (aborted) return;
          res.cork(() =>
            res.upgrade<UserData>({ principal, remoteAddress }, key, protocol, extensions, context),
          );
        },
        (err: unknown) => {
          if (!aborted) refuse(res, err);
        },
      );
    },

    open: (ws) => {
      const data = ws.getUserData();
      data.conn = core.open(new UwsTransport(ws, data), data.principal, data.remoteAddress);
    },

    message: (ws, message, isBinary) => {
      // The ArrayBuffer is only valid during this call: decoding copies it out.
      const text = isBinary ? undefined : Buffer.from(message).toString('utf8');
      ws.getUserData().conn?.onMessage(text);
    },

    drain: (ws) => {
      ws.getUserData().conn?.onDrain();
    },

    close: (ws) => {
      const data = ws.getUserData();
      data.closed = true;
      data.conn?.onClosed();
    },
  });
}
