// A network receipt printer in software: a raw TCP server (as on port 9100) that decodes the
// ESC/POS it is sent into tickets, answers real-time status requests with Epson status bytes, and
// can be switched off, run out of paper or made to drop a job halfway — so staff can train without
// hardware and tests can see exactly what was printed, through the same interface as a real one.
import net from 'node:net';
import { EscPosStreamDecoder, type DecodedTicket } from './escpos-decoder.js';
import { statusReply, type PrinterCondition } from './escpos-status-bytes.js';

export interface VirtualPrinterOptions {
  /** 0 picks a free port (tests); 9100 is what real printers use. */
  port: number;
  host?: string;
  status?: PrinterCondition;
  /** Fault: reset every connection once it has received this many bytes. */
  dropAfterBytes?: number | null;
  /** Fault: a connection that printed a ticket is held open and silent, never acknowledged. */
  stallJobs?: boolean;
}

export interface VirtualPrinterEvents {
  ticket: (ticket: DecodedTicket) => void;
  'status-request': (n: number, reply: number | null) => void;
}

export interface VirtualPrinter {
  readonly host: string;
  readonly port: number;
  /** Tickets that came out of the printer, in order (partial ones have cut: false). */
  readonly tickets: readonly DecodedTicket[];
  /** The bytes of each connection that sent anything, in the order the connections ended. */
  readonly rawJobs: readonly Uint8Array[];
  readonly status: PrinterCondition;
  /** Cover open or paper out holds what arrives (as a real printer's buffer does) until 'ok' again. */
  setStatus(status: PrinterCondition): void;
  setDropAfterBytes(bytes: number | null): void;
  /** A wedged printer: it prints, but keeps the connection open, so the sender never hears back. */
  setStallJobs(on: boolean): void;
  /** Like pulling the plug: stops listening and drops open connections; held data is lost. */
  goOffline(): Promise<void>;
  /** Listens again on the same port. */
  goOnline(): Promise<void>;
  stop(): Promise<void>;
  on<E extends keyof VirtualPrinterEvents>(event: E, listener: VirtualPrinterEvents[E]): () => void;
  /** Resolves once at least `count` tickets have printed. */
  waitForTickets(count: number, opts?: { timeoutMs?: number }): Promise<DecodedTicket[]>;
}

export async function startVirtualPrinter(options: VirtualPrinterOptions): Promise<VirtualPrinter> {
  const host = options.host ?? '127.0.0.1';
  let status: PrinterCondition = options.status ?? 'ok';
  let dropAfterBytes = options.dropAfterBytes ?? null;
  let stallJobs = options.stallJobs ?? false;
  const tickets: DecodedTicket[] = [];
  const held: DecodedTicket[] = [];
  const rawJobs: Uint8Array[] = [];
  const sockets = new Set<net.Socket>();
  // Connections cut by goOffline(): like a power cut, what they carried never prints.
  const unplugged = new WeakSet<net.Socket>();
  const listeners = {
    ticket: new Set<VirtualPrinterEvents['ticket']>(),
    'status-request': new Set<VirtualPrinterEvents['status-request']>(),
  };
  let server: net.Server | null = null;

  const canPrint = (): boolean => status === 'ok' || status === 'paper-near-end';

  function output(ticket: DecodedTicket): void {
    if (!canPrint()) {
      held.push(ticket);
      return;
    }
    tickets.push(ticket);
    for (const listener of listeners.ticket) listener(ticket);
  }

  function serve(socket: net.Socket): void {
    sockets.add(socket);
    const decoder = new EscPosStreamDecoder();
    const chunks: Buffer[] = [];
    let received = 0;
    let printedHere = false;

    const handle = (chunk: Uint8Array): void => {
      for (const event of decoder.push(chunk)) {
        if (event.type === 'ticket') {
          printedHere = true;
          output(event.ticket);
          continue;
        }
        const reply = statusReply(event.n, status);
        if (reply !== null && !socket.destroyed) socket.write(Uint8Array.of(reply));
        for (const listener of listeners['status-request']) listener(event.n, reply);
      }
    };

    socket.on('data', (chunk: Buffer) => {
      const limit = dropAfterBytes;
      const room = limit === null ? chunk.length : Math.max(0, limit - received);
      const accepted = chunk.subarray(0, Math.min(room, chunk.length));
      received += accepted.length;
      chunks.push(accepted);
      handle(accepted);
      // RST rather than FIN, so the sender learns the job did not get through.
      if (limit !== null && received >= limit) socket.resetAndDestroy();
    });
    // Half-open on purpose: the sender's FIN is answered by ours unless the printer is stalling.
    socket.on('end', () => {
      if (!(stallJobs && printedHere)) socket.end();
    });
    socket.on('error', () => {
      // A client vanishing mid-job is an everyday event for a printer; the 'close' below tidies up.
    });
    socket.on('close', () => {
      sockets.delete(socket);
      if (unplugged.has(socket)) return;
      for (const event of decoder.end()) if (event.type === 'ticket') output(event.ticket);
      if (received > 0) rawJobs.push(new Uint8Array(Buffer.concat(chunks)));
    });
  }

  async function listen(port: number): Promise<number> {
    const s = net.createServer({ allowHalfOpen: true }, serve);
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen({ port, host }, () => {
        s.off('error', reject);
        resolve();
      });
    });
    server = s;
    const address = s.address();
    return typeof address === 'object' && address !== null ? address.port : port;
  }

  async function close(): Promise<void> {
    const s = server;
    server = null;
    for (const socket of sockets) {
      unplugged.add(socket);
      socket.destroy();
    }
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    held.length = 0;
  }

  const port = await listen(options.port);

  const printer: VirtualPrinter = {
    host,
    port,
    tickets,
    rawJobs,
    get status() {
      return status;
    },
    setStatus(next) {
      status = next;
      if (canPrint()) for (const ticket of held.splice(0)) output(ticket);
    },
    setDropAfterBytes(bytes) {
      dropAfterBytes = bytes;
    },
    setStallJobs(on) {
      stallJobs = on;
    },
    goOffline: close,
    async goOnline() {
      if (server === null) await listen(port);
    },
    stop: close,
    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>;
      set.add(listener);
      return () => set.delete(listener);
    },
    waitForTickets(count, opts = {}) {
      return new Promise((resolve, reject) => {
        if (tickets.length >= count) return resolve([...tickets]);
        const timer = setTimeout(() => {
          off();
          reject(new Error(`virtual printer: ${tickets.length} of ${count} tickets printed`));
        }, opts.timeoutMs ?? 5_000);
        const off = printer.on('ticket', () => {
          if (tickets.length < count) return;
          clearTimeout(timer);
          off();
          resolve([...tickets]);
        });
      });
    },
  };
  return printer;
}
