// The benchmark's peer: the same app layer (command bus, LiveCore feeds, replay ring, auth) served by
// node:http + the `ws` package instead of uWebSockets.js. Only the transport differs.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { commandSchema } from '../protocol/commands/command.js';
import { AppError, HTTP_STATUS } from '../protocol/errors.js';
import type { CommandBus } from '../hub/app/command-bus.js';
import type { AuthService } from '../hub/app/auth/auth-service.js';
import { createDinerTokenService } from '../hub/app/auth/diner-token-service.js';
import { createDeviceTokenService } from '../hub/app/auth/device-token-service.js';
import type { HubDatabase } from '../hub/store/database.js';
import type { Logger } from '../hub/observability/logger.js';
import { LiveCore } from '../hub/gateway/ws/live-core.js';
import { createWsAuthenticator } from '../hub/gateway/ws/ws-authenticate.js';
import type { LiveConnection } from '../hub/gateway/ws/ws-connection.js';
import type { FeedPublisher, WsTransport } from '../hub/gateway/ws/ws-transport.js';

export interface PeerServer {
  core: LiveCore;
  port: number;
  close(): Promise<void>;
}

function transportOf(ws: WebSocket, hardLimit: number): WsTransport {
  return {
    send(frame) {
      if (ws.readyState !== ws.OPEN || ws.bufferedAmount > hardLimit) return 'dropped';
      ws.send(frame);
      return ws.bufferedAmount > 0 ? 'backpressure' : 'ok';
    },
    bufferedAmount: () => ws.bufferedAmount,
    // Feeds live in LiveCore's index; `ws` has no pub/sub of its own.
    subscribe: () => {},
    unsubscribe: () => {},
    end: (code, reason) => ws.close(code, reason),
    cork: (fn) => fn(),
  };
}

const wsPublisher: FeedPublisher = {
  publish(_feed, frame, members) {
    for (const m of members) m.transport.send(frame);
  },
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export async function startPeerServer(deps: {
  db: HubDatabase;
  bus: CommandBus;
  auth: AuthService;
  logger: Logger;
}): Promise<PeerServer> {
  const authenticate = createWsAuthenticator({
    db: deps.db,
    staff: deps.auth,
    diners: createDinerTokenService(deps.db),
    devices: createDeviceTokenService(deps.db),
  });
  const core = new LiveCore({
    db: deps.db,
    bus: deps.bus,
    logger: deps.logger,
    publisher: wsPublisher,
    onRevoke: (key) => authenticate.forget(key),
  });
  const { limits } = core;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes * 4 });

  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        if (req.method !== 'POST' || req.url !== '/api/commands') throw new AppError('NOT_FOUND', 'no route');
        const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
        if (!token) throw new AppError('UNAUTHENTICATED', 'missing token');
        const actor = await deps.auth.verify(token);
        const command = commandSchema.parse(await readJson(req));
        const result = await deps.bus.execute(command, { actor, requestId: null });
        res.writeHead(result.ok ? 200 : HTTP_STATUS[result.error.code], {
          'content-type': 'application/json',
        });
        res.end(JSON.stringify(result.ok ? result : result.error));
      } catch (err) {
        const body = err instanceof AppError ? err.toBody() : { code: 'INVALID', message: String(err) };
        res.writeHead(err instanceof AppError ? HTTP_STATUS[err.code] : 400, {
          'content-type': 'application/json',
        });
        res.end(JSON.stringify(body));
      }
    })();
  });

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/ws') return socket.destroy();
    const token =
      /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ??
      url.searchParams.get('token') ??
      undefined;
    authenticate(token).then(
      (principal) => {
        wss.handleUpgrade(req, socket, head, (ws) => {
          const conn: LiveConnection = core.open(
            transportOf(ws, limits.hardBackpressureBytes),
            principal,
            req.socket.remoteAddress ?? '',
          );
          let alive = true;
          ws.on('pong', () => (alive = true));
          const ping = setInterval(() => {
            if (!alive) return ws.terminate();
            alive = false;
            ws.ping();
          }, limits.heartbeatSeconds * 1000);
          ws.on('message', (data, isBinary) => conn.onMessage(isBinary ? undefined : data.toString()));
          (ws as unknown as { _socket: Socket })._socket.on('drain', () => conn.onDrain());
          ws.on('close', () => {
            clearInterval(ping);
            conn.onClosed();
          });
        });
      },
      (err: unknown) => {
        const body = err instanceof AppError ? err.toBody() : { code: 'INTERNAL', message: 'internal error' };
        const status = err instanceof AppError ? HTTP_STATUS[err.code] : 500;
        socket.end(
          `HTTP/1.1 ${status} Refused\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n${JSON.stringify(body)}`,
        );
      },
    );
  });

  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
  server.maxConnections = 100_000;
  return {
    core,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        core.close();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
