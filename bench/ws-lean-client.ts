// A WebSocket client that does only what bench:ws needs (RFC 6455: upgrade, unmasked server frames,
// masked client text frames, ping → pong, close), straight on a TCP socket. The bench's 2,000–15,000
// simulated tablets share this machine's two cores with the hub; with the `ws` package a received frame
// cost the client processes ≈ 11 µs of CPU, with this client ≈ 6, and the hub waited for that CPU.
// Real tablets bring their own CPUs, so the harness should cost as little of ours as it can. Both
// servers (uWS and the peer) are measured with this same client.
import { createHash, randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/**
 * Every socket of the process reads into this one buffer (`onread` skips the stream machinery and its
 * per-chunk allocation); each read is parsed before the next one lands, and a partial frame is copied out.
 */
const readBuffer = Buffer.allocUnsafe(256 * 1024);

export interface LeanSocketEvents {
  /** A text frame; `payload` is a view into the receive buffer, valid only during the call. */
  onText(payload: Buffer): void;
  onOpen(): void;
  onClose(): void;
}

export interface LeanSocket {
  sendText(text: string): void;
  /** Abrupt close, as a tablet that loses its wifi. */
  terminate(): void;
  readonly closed: boolean;
}

export function openLeanSocket(
  url: string,
  options: { token: string; localAddress?: string },
  events: LeanSocketEvents,
): LeanSocket {
  const { hostname, port, pathname } = new URL(url);
  const key = randomBytes(16).toString('base64');
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  const socket: Socket = connect({
    host: hostname,
    port: Number(port),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    onread: {
      buffer: readBuffer,
      callback: (n: number) => {
        onData(readBuffer.subarray(0, n));
        return true;
      },
    },
  });
  socket.setNoDelay(true);
  let upgraded = false;
  let closed = false;
  let pending: Buffer | undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    socket.destroy();
    events.onClose();
  };
  const sendFrame = (opcode: number, payload: Buffer) => {
    if (closed) return;
    // Client frames must be masked (RFC 6455 §5.3); payloads here are small commands.
    const len = payload.length;
    const head = len < 126 ? 6 : 8;
    const frame = Buffer.allocUnsafe(head + len);
    frame[0] = 0x80 | opcode;
    if (len < 126) frame[1] = 0x80 | len;
    else {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(len, 2);
    }
    const mask = randomBytes(4);
    mask.copy(frame, head - 4);
    for (let i = 0; i < len; i++) frame[head + i] = payload[i]! ^ mask[i & 3]!;
    socket.write(frame);
  };

  socket.on('connect', () => {
    socket.write(
      `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer ${options.token}\r\n\r\n`,
    );
  });
  const onData = (chunk: Buffer) => {
    let buf = pending ? Buffer.concat([pending, chunk]) : chunk;
    pending = undefined;
    if (!upgraded) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) {
        pending = Buffer.from(buf);
        return;
      }
      const head = buf.toString('latin1', 0, end);
      if (!head.startsWith('HTTP/1.1 101') || !head.includes(accept)) return close();
      upgraded = true;
      events.onOpen();
      buf = buf.subarray(end + 4);
    }
    let at = 0;
    while (buf.length - at >= 2) {
      const fin = (buf[at]! & 0x80) !== 0;
      const opcode = buf[at]! & 0x0f;
      let len = buf[at + 1]! & 0x7f;
      let start = at + 2;
      if (len === 126) {
        if (buf.length - at < 4) break;
        len = buf.readUInt16BE(at + 2);
        start = at + 4;
      } else if (len === 127) {
        if (buf.length - at < 10) break;
        len = Number(buf.readBigUInt64BE(at + 2));
        start = at + 10;
      }
      if (buf.length < start + len) break;
      const payload = buf.subarray(start, start + len);
      at = start + len;
      // Neither server fragments its frames; one that did would be a change worth noticing.
      if (!fin || opcode === 0) return close();
      if (opcode === 1) events.onText(payload);
      else if (opcode === 9) sendFrame(10, payload);
      else if (opcode === 8) return close();
      if (closed) return;
    }
    if (at < buf.length) pending = Buffer.from(buf.subarray(at));
  };
  socket.on('error', close);
  socket.on('close', close);

  return {
    sendText: (text) => sendFrame(1, Buffer.from(text)),
    terminate: close,
    get closed() {
      return closed;
    },
  };
}
