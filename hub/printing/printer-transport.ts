// The hub's side of the printer edge: raw TCP to a network printer (port 9100), one connection per
// job, and the real-time status query. Errors come in three closed kinds so the print queue can
// tell "nothing left the hub" (unreachable: safe to retry or fail over) from "the printer may have
// got part of it" (timeout, reset: the ticket's fate is uncertain and a person must confirm).
import net from 'node:net';
import {
  DLE_EOT_OFFLINE_CAUSE,
  DLE_EOT_PAPER_SENSOR,
  DLE_EOT_PRINTER,
  isStatusByte,
  readStatusReplies,
  type StatusFlags,
} from './escpos-status-bytes.js';

export type PrinterTransportErrorKind = 'unreachable' | 'timeout' | 'reset';

export class PrinterTransportError extends Error {
  readonly kind: PrinterTransportErrorKind;
  /** Bytes handed to the operating system before the failure: 0 means the printer got nothing. */
  readonly bytesWritten: number;
  constructor(opts: {
    kind: PrinterTransportErrorKind;
    message: string;
    bytesWritten: number;
    cause?: unknown;
  }) {
    super(opts.message, { cause: opts.cause });
    this.name = 'PrinterTransportError';
    this.kind = opts.kind;
    this.bytesWritten = opts.bytesWritten;
  }
}

export interface SendToPrinterOptions {
  host: string;
  port: number;
  data: Uint8Array;
  /** For the whole job: connecting, writing, and the printer closing its side. */
  timeoutMs: number;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
  'ETIMEDOUT',
]);

/**
 * Sends one job and resolves once every byte was written, our side closed (socket 'finish'), and the
 * printer closed its side in turn (it does so only after reading to the end, which is the closest a
 * raw 9100 connection comes to a receipt). Rejects with a PrinterTransportError:
 *  - 'unreachable': no connection within the time (refused, no route, unknown host) — nothing sent;
 *  - 'timeout': connected, but the job was not taken and acknowledged by a close in time;
 *  - 'reset': the printer reset or closed the connection before the job was through.
 */
export function sendToPrinter(opts: SendToPrinterOptions): Promise<{ bytesWritten: number }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: opts.host, port: opts.port });
    let connected = false;
    let flushed = false;
    let settled = false;

    const settle = (error: PrinterTransportError | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve({ bytesWritten: opts.data.length });
    };
    const fail = (kind: PrinterTransportErrorKind, message: string, cause?: unknown): void =>
      settle(
        new PrinterTransportError({
          kind,
          message,
          bytesWritten: connected ? socket.bytesWritten : 0,
          cause,
        }),
      );
    const where = `${opts.host}:${opts.port}`;

    const timer = setTimeout(() => {
      if (!connected) fail('unreachable', `printer ${where}: no connection within ${opts.timeoutMs} ms`);
      else
        fail(
          'timeout',
          `printer ${where}: job not ${flushed ? 'acknowledged' : 'written'} within ${opts.timeoutMs} ms`,
        );
    }, opts.timeoutMs);

    socket.setNoDelay(true);
    socket.once('connect', () => {
      connected = true;
      socket.end(opts.data);
    });
    socket.once('finish', () => {
      flushed = true;
    });
    // Printers may volunteer status bytes (ASB); reading them keeps the stream flowing to 'end'.
    socket.on('data', () => {});
    socket.once('end', () => {
      if (flushed) settle(null);
      else fail('reset', `printer ${where} closed the connection before the job was written`);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (!connected) {
        const kind = UNREACHABLE_CODES.has(err.code ?? '') ? 'unreachable' : 'reset';
        fail(kind, `printer ${where}: ${err.code ?? err.message}`, err);
      } else {
        fail(
          err.code === 'ETIMEDOUT' ? 'timeout' : 'reset',
          `printer ${where}: ${err.code ?? err.message} mid-job`,
          err,
        );
      }
    });
    socket.once('close', () => fail('reset', `printer ${where} closed the connection mid-job`));
  });
}

export interface PrinterStatus extends StatusFlags {
  /** A TCP connection could be made. */
  reachable: boolean;
  /** The reply bytes to DLE EOT 1, 2 and 4, as received (fewer when the printer did not answer). */
  raw: number[];
}

const OFFLINE_UNKNOWN: StatusFlags = {
  online: false,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
};

/**
 * Asks the printer for its real-time status (DLE EOT 1, 2, 4). Never rejects: an unreachable
 * printer, no reply or a reply that is not status bytes all read as online: false.
 */
export function queryPrinterStatus(opts: {
  host: string;
  port: number;
  timeoutMs: number;
}): Promise<PrinterStatus> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: opts.host, port: opts.port });
    const raw: number[] = [];
    let reachable = false;
    let settled = false;

    const settle = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const [printer, offlineCause, paperSensor] = raw;
      const answered =
        printer !== undefined &&
        offlineCause !== undefined &&
        paperSensor !== undefined &&
        raw.every(isStatusByte);
      const flags = answered ? readStatusReplies({ printer, offlineCause, paperSensor }) : OFFLINE_UNKNOWN;
      resolve({ reachable, raw: [...raw], ...flags });
    };
    const timer = setTimeout(settle, opts.timeoutMs);

    socket.once('connect', () => {
      reachable = true;
      socket.write(
        Uint8Array.of(
          0x10,
          0x04,
          DLE_EOT_PRINTER,
          0x10,
          0x04,
          DLE_EOT_OFFLINE_CAUSE,
          0x10,
          0x04,
          DLE_EOT_PAPER_SENSOR,
        ),
      );
    });
    socket.on('data', (chunk: Buffer) => {
      raw.push(...chunk.subarray(0, 3 - raw.length));
      if (raw.length >= 3) settle();
    });
    socket.once('error', settle);
    socket.once('close', settle);
  });
}
