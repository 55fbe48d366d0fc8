// The hub's printer transport against the virtual printer (and a few misbehaving servers), over real TCP.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterTransportError, queryPrinterStatus, sendToPrinter } from './printer-transport.js';
import { startVirtualPrinter, type VirtualPrinter } from './virtual-printer.js';

const started: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

async function printer(
  options: Partial<Parameters<typeof startVirtualPrinter>[0]> = {},
): Promise<VirtualPrinter> {
  const p = await startVirtualPrinter({ port: 0, ...options });
  started.push(p);
  return p;
}

/** A plain TCP server playing a broken printer. */
async function rawServer(
  onConnection: (socket: net.Socket) => void,
  opts: net.ServerOpts = {},
): Promise<number> {
  const server = net.createServer(opts, (socket) => {
    socket.on('error', () => {});
    onConnection(socket);
  });
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  started.push({
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
  return (server.address() as net.AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function rejection(promise: Promise<unknown>): Promise<PrinterTransportError> {
  const error = await promise.then(
    () => new Error('expected the send to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterTransportError);
  return error as PrinterTransportError;
}

/** ESC @, ESC t 16 (Windows-1252), the text, a cut. */
const job = (text: string): Uint8Array =>
  Uint8Array.from([0x1b, 0x40, 0x1b, 0x74, 16, ...Buffer.from(`${text}\n`, 'latin1'), 0x1d, 0x56, 0x01]);

describe('queryPrinterStatus', () => {
  const query = (port: number) => queryPrinterStatus({ host: '127.0.0.1', port, timeoutMs: 1_000 });

  it('reads a ready printer as online, with the fixed 0x12 pattern in every reply', async () => {
    const p = await printer();
    expect(await query(p.port)).toEqual({
      reachable: true,
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      raw: [0x12, 0x12, 0x12],
    });
  });

  it('reads an open cover as offline with the cover bit set', async () => {
    const p = await printer({ status: 'cover-open' });
    expect(await query(p.port)).toMatchObject({
      online: false,
      coverOpen: true,
      paperOut: false,
      raw: [0x1a, 0x16, 0x12],
    });
  });

  it('reads an empty roll as offline, paper out and near its end', async () => {
    const p = await printer({ status: 'paper-out' });
    expect(await query(p.port)).toMatchObject({
      online: false,
      coverOpen: false,
      paperOut: true,
      paperNearEnd: true,
      raw: [0x1a, 0x32, 0x7e],
    });
  });

  it('reads a roll near its end as still online', async () => {
    const p = await printer({ status: 'paper-near-end' });
    expect(await query(p.port)).toMatchObject({
      online: true,
      paperOut: false,
      paperNearEnd: true,
      raw: [0x12, 0x12, 0x1e],
    });
  });

  it('follows the printer as its status changes', async () => {
    const p = await printer();
    p.setStatus('cover-open');
    expect((await query(p.port)).coverOpen).toBe(true);
    p.setStatus('ok');
    expect((await query(p.port)).online).toBe(true);
  });

  it('reports a printer that is switched off as unreachable and offline', async () => {
    const p = await printer();
    await p.goOffline();
    expect(await query(p.port)).toEqual({
      reachable: false,
      online: false,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      raw: [],
    });
  });

  it('reports a device that accepts the connection but never answers as offline', async () => {
    const port = await rawServer(() => {});
    expect(await queryPrinterStatus({ host: '127.0.0.1', port, timeoutMs: 200 })).toMatchObject({
      reachable: true,
      online: false,
      raw: [],
    });
  });

  it('does not mistake a reply that is not status bytes for a printer', async () => {
    const port = await rawServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    expect(await query(port)).toMatchObject({ reachable: true, online: false, raw: [0x48, 0x54, 0x54] });
  });
});

describe('sendToPrinter', () => {
  it('resolves once the printer has every byte of the job', async () => {
    const p = await printer();
    const data = job('Mesa 4: 2x café');
    await expect(sendToPrinter({ host: p.host, port: p.port, data, timeoutMs: 2_000 })).resolves.toEqual({
      bytesWritten: data.length,
    });
    expect(p.rawJobs).toEqual([data]);
    expect(p.tickets.map((t) => t.lines.map((l) => l.text))).toEqual([['Mesa 4: 2x café']]);
  });

  it('rejects with unreachable, having sent nothing, when no printer listens on the port', async () => {
    const error = await rejection(
      sendToPrinter({ host: '127.0.0.1', port: await closedPort(), data: job('x'), timeoutMs: 2_000 }),
    );
    expect(error.kind).toBe('unreachable');
    expect(error.bytesWritten).toBe(0);
  });

  it('rejects with reset when the printer drops the connection mid-job, which leaves an uncut partial ticket', async () => {
    const p = await printer({ dropAfterBytes: 16 });
    const data = job('línea uno\nlínea dos\nlínea tres');
    const error = await rejection(sendToPrinter({ host: p.host, port: p.port, data, timeoutMs: 2_000 }));
    expect(error.kind).toBe('reset');
    await p.waitForTickets(1);
    expect(p.tickets[0]).toMatchObject({ cut: false, lines: [{ text: 'línea uno' }] });
  });

  it('rejects with timeout when the printer takes the bytes but never finishes the job', async () => {
    // Half-open and silent: it reads, but never closes its side, as a wedged printer would.
    const port = await rawServer((socket) => socket.resume(), { allowHalfOpen: true });
    const error = await rejection(sendToPrinter({ host: '127.0.0.1', port, data: job('x'), timeoutMs: 200 }));
    expect(error.kind).toBe('timeout');
    expect(error.bytesWritten).toBeGreaterThan(0);
  });

  it('rejects with reset when the printer closes before reading the job', async () => {
    const port = await rawServer((socket) => socket.resetAndDestroy());
    const error = await rejection(
      sendToPrinter({ host: '127.0.0.1', port, data: new Uint8Array(256 * 1024), timeoutMs: 2_000 }),
    );
    expect(error.kind).toBe('reset');
  });
});
