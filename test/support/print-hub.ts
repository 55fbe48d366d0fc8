// A whole hub (SQLite file, write path, print worker, status poller) with printing tuned fast for
// tests, plus the few steps every printing test takes: add a printer, seat a table, place a round.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandSchema, type CommandResult } from '../../protocol/commands/command.js';
import type { Actor } from '../../protocol/events/event.js';
import { loadConfig } from '../../hub/config.js';
import { startHub, type RunningHub } from '../../hub/hub-runtime.js';
import { silentLogger } from '../../hub/observability/logger.js';
import { createMetrics } from '../../hub/observability/metrics.js';
import type { PrintingOptions } from '../../hub/printing/print-service.js';
import type { DecodedTicket } from '../../hub/printing/escpos-decoder.js';
import { loadPrintJob, type PrintJobRow } from '../../hub/store/print-job-store.js';

export const ADMIN: Actor = { kind: 'staff', staffId: 'staff-ana', role: 'ADMIN' };
export const WAITER: Actor = { kind: 'staff', staffId: 'staff-luis', role: 'WAITER' };
export const COOK: Actor = { kind: 'staff', staffId: 'staff-jorge', role: 'KITCHEN' };

/** Retries in milliseconds rather than seconds; no failover unless a test asks for it. */
export const FAST_PRINTING: PrintingOptions = {
  tuning: { retryBaseMs: 5, retryCapMs: 40, failoverAfterMs: 60_000, sendTimeoutMs: 2_000, tickMs: 10 },
  pollIntervalMs: 50,
  statusTimeoutMs: 300,
};

export interface PrintHub {
  hub: RunningHub;
  dir: string;
  run(actor: Actor, type: string, payload: unknown): Promise<CommandResult>;
  ok(actor: Actor, type: string, payload: unknown): Promise<Record<string, unknown>>;
  addPrinter(p: {
    name: string;
    port: number;
    stations?: string[];
    backupPrinterId?: string;
    printsChecks?: boolean;
    paperWidthMm?: 58 | 80;
  }): Promise<string>;
  openTable(tableId: string, guests?: number): Promise<string>;
  placeRound(sessionId: string, items: unknown[]): Promise<{ roundId: string; ticketIds: string[] }>;
  job(id: string): PrintJobRow | undefined;
  /** Every print job of a ticket, oldest first (kitchen copies and VOID slips). */
  jobsOf(ticketId: string): PrintJobRow[];
  stop(opts?: { keepDir?: boolean }): Promise<void>;
}

let counter = 0;

export async function startPrintHub(
  opts: { dir?: string; printing?: PrintingOptions; synchronous?: 'FULL' | 'NORMAL' } = {},
): Promise<PrintHub> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'comanda-print-'));
  const config = loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      COMANDA_DATA_DIR: dir,
      COMANDA_SYNCHRONOUS: opts.synchronous ?? 'NORMAL',
    },
    [],
  );
  const hub = await startHub(config, silentLogger(), {
    metrics: createMetrics({ defaults: false }),
    printing: opts.printing ?? FAST_PRINTING,
  });
  const run: PrintHub['run'] = (actor, type, payload) =>
    hub.bus.execute(commandSchema.parse({ commandId: `t-${process.pid}-${++counter}`, type, payload }), {
      actor,
      requestId: null,
    });
  const ok: PrintHub['ok'] = async (actor, type, payload) => {
    const r = await run(actor, type, payload);
    if (!r.ok) throw new Error(`${type} failed: ${r.error.code} ${r.error.message}`);
    return r.data;
  };
  return {
    hub,
    dir,
    run,
    ok,
    addPrinter: async (p) => {
      const data = await ok(ADMIN, 'UpsertPrinter', {
        name: p.name,
        host: '127.0.0.1',
        port: p.port,
        stations: p.stations ?? [],
        backupPrinterId: p.backupPrinterId ?? null,
        printsChecks: p.printsChecks ?? false,
        paperWidthMm: p.paperWidthMm ?? 80,
      });
      return data.printerId as string;
    },
    openTable: async (tableId, guests = 2) =>
      (await ok(WAITER, 'OpenSession', { tableId, guests })).sessionId as string,
    placeRound: async (sessionId, items) => {
      const data = await ok(WAITER, 'PlaceRound', { sessionId, items });
      return { roundId: data.roundId as string, ticketIds: data.ticketIds as string[] };
    },
    job: (id) => loadPrintJob(hub.db.read, id),
    jobsOf: (ticketId) =>
      (
        hub.db.read
          .prepare('SELECT id FROM print_job WHERE ticket_id = ? ORDER BY rowid')
          .all(ticketId) as Array<{ id: string }>
      )
        .map((r) => loadPrintJob(hub.db.read, r.id))
        .filter((j): j is PrintJobRow => j !== undefined),
    stop: async (stopOpts = {}) => {
      await hub.stop();
      if (!stopOpts.keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until the check holds; the failure names what was awaited. Never asserts on elapsed time. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The ticket id the renderer prints as the ticket's last line. */
export function printedTicketId(ticket: DecodedTicket): string {
  const lines = ticket.lines.map((l) => l.text.trim()).filter((t) => t !== '');
  return lines[lines.length - 1] ?? '';
}

export const printedTexts = (ticket: DecodedTicket): string[] =>
  ticket.lines.map((l) => l.text.trim()).filter((t) => t !== '');

/** Whole (cut) tickets carrying this id, NEW and REPRINT alike. */
export const copiesOf = (tickets: readonly DecodedTicket[], ticketId: string): DecodedTicket[] =>
  tickets.filter((t) => t.cut && printedTicketId(t) === ticketId);
