// Test support for the gateway: a real server on port 0 with captured logs, and a raw-socket client
// for requests fetch refuses to make (unnormalised paths, truncated bodies).
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createHttpServer } from './http-adapter.js';
import type { HttpServer, HttpServerOptions, ResponseInfo } from './http-types.js';

export interface TestServer {
  readonly server: HttpServer;
  readonly baseUrl: string;
  readonly port: number;
  /** Parsed pino lines written so far. */
  readonly logs: Array<Record<string, unknown>>;
  readonly responses: ResponseInfo[];
}

export async function startTestServer(
  setup: (server: HttpServer) => void,
  overrides: Partial<Pick<HttpServerOptions, 'maxBodyBytes'>> = {},
): Promise<TestServer> {
  const logs: Array<Record<string, unknown>> = [];
  const responses: ResponseInfo[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const server = createHttpServer({
    maxBodyBytes: overrides.maxBodyBytes ?? 64 * 1024,
    logger: pino({ level: 'debug' }, sink),
    onResponse: (info) => responses.push(info),
  });
  setup(server);
  const port = await server.listen('127.0.0.1', 0);
  return { server, port, baseUrl: `http://127.0.0.1:${port}`, logs, responses };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function parseRawResponse(text: string): RawResponse {
  const split = text.indexOf('\r\n\r\n');
  const head = split === -1 ? text : text.slice(0, split);
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: split === -1 ? '' : text.slice(split + 4),
  };
}

/** Sends exactly `request` (add `Connection: close`) and resolves with what came back once the server closes. */
export function rawRequest(port: number, request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseRawResponse(Buffer.concat(chunks).toString('utf8'))));
    socket.write(request);
  });
}

/**
 * Keep-alive check: sends `first` (whose answer must have no body, e.g. HEAD), waits for the end of
 * its headers, then sends `second` (add `Connection: close`) on the same socket.
 */
export function rawAfterBodilessReply(
  port: number,
  first: string,
  second: string,
): Promise<{ first: RawResponse; second: RawResponse }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let firstText: string | undefined;
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (firstText === undefined && end !== -1) {
        firstText = received.subarray(0, end + 4).toString('utf8');
        received = received.subarray(end + 4);
        socket.write(second);
      }
    });
    socket.on('error', reject);
    socket.on('close', () =>
      resolve({
        first: parseRawResponse(firstText ?? ''),
        second: parseRawResponse(received.toString('utf8')),
      }),
    );
    socket.write(first);
  });
}

/** Opens a socket, sends `partial`, then drops the connection without finishing the request. */
export function sendAndDrop(port: number, partial: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(partial, () => {
        socket.destroy();
        resolve();
      });
    });
    socket.on('error', reject);
  });
}
