// Printer reads: the printer list with each one's reported status and queue (admin, kitchen screens),
// and the print jobs themselves, filterable, for the kitchen's "confirm or reprint" alerts.
import { z } from 'zod';
import { printerViewSchema, printJobListItemSchema } from '../../../protocol/printer-api-views.js';
import { printJobStatusSchema } from '../../../protocol/printer-values.js';
import type { PrinterHealthEntry } from '../../printing/printer-health.js';
import type { ReadDb } from '../../store/database.js';
import { loadPrinters } from '../../store/printer-store.js';
import { parseWith, type ApiRoute } from '../api-route.js';

const PRINTER_READERS = ['ADMIN', 'MANAGER', 'KITCHEN'] as const;

const jobsQuery = z.object({
  status: printJobStatusSchema.optional(),
  ticketId: z.string().min(1).max(64).optional(),
  sessionId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export interface PrinterRouteDeps {
  db: ReadDb;
  /** The print worker's live view of a printer's trouble; absent when printing is not running. */
  trouble?: (printerId: string) => PrinterHealthEntry | undefined;
}

type Row = Record<string, unknown>;

export function printerRoutes(deps: PrinterRouteDeps): ApiRoute[] {
  const { db } = deps;
  return [
    {
      method: 'GET',
      path: '/api/printers',
      summary: 'Printers with their configuration, last reported status (paper out, cover open) and queue',
      tags: ['printing'],
      roles: PRINTER_READERS,
      response: z.array(printerViewSchema),
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: () => {
        const counts = db
          .prepare(
            `SELECT printer_id, sum(status = 'QUEUED' OR status = 'SENDING') AS queued,
               sum(status = 'UNCERTAIN') AS uncertain, sum(status = 'FAILED') AS failed
             FROM print_job WHERE status IN ('QUEUED','SENDING','UNCERTAIN','FAILED') GROUP BY printer_id`,
          )
          .all() as Row[];
        const byPrinter = new Map(counts.map((c) => [c.printer_id as string, c]));
        return {
          body: loadPrinters(db).map((p) => {
            const c = byPrinter.get(p.id);
            const trouble = deps.trouble?.(p.id);
            return {
              id: p.id,
              name: p.name,
              host: p.host,
              port: p.port,
              stations: p.stations,
              paperWidthMm: p.paperWidthMm,
              codepage: p.codepage,
              backupPrinterId: p.backupPrinterId,
              printsChecks: p.printsChecks,
              active: p.active,
              status: p.lastStatus,
              statusSince: p.lastStatusAt,
              trouble: trouble
                ? { kind: trouble.trouble, since: new Date(trouble.since).toISOString() }
                : null,
              queue: {
                queued: Number(c?.queued ?? 0),
                uncertain: Number(c?.uncertain ?? 0),
                failed: Number(c?.failed ?? 0),
              },
            };
          }),
        };
      },
    },
    {
      method: 'GET',
      path: '/api/print-jobs',
      summary: 'Print jobs, newest first; ?status=UNCERTAIN lists what the kitchen must confirm or reprint',
      tags: ['printing'],
      roles: ['ADMIN', 'MANAGER', 'KITCHEN', 'WAITER'],
      query: jobsQuery,
      response: z.array(printJobListItemSchema),
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN'],
      handler: (req) => {
        const q = parseWith(jobsQuery, req.query, 'query');
        const where: string[] = [];
        const params: unknown[] = [];
        const filters: Array<[string, string | undefined]> = [
          ['j.status = ?', q.status],
          ['j.ticket_id = ?', q.ticketId],
          ['j.session_id = ?', q.sessionId],
        ];
        for (const [clause, value] of filters) {
          if (value === undefined) continue;
          where.push(clause);
          params.push(value);
        }
        const rows = db
          .prepare(
            `SELECT j.*, p.name AS printer_name FROM print_job j
             LEFT JOIN printer p ON p.id = coalesce(j.printed_on, j.printer_id)
             ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY j.rowid DESC LIMIT ?`,
          )
          .all(...params, q.limit) as Row[];
        return {
          body: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            status: r.status,
            ticketId: r.ticket_id ?? null,
            sessionId: r.session_id ?? null,
            station: r.station ?? null,
            printerId: r.printed_on ?? r.printer_id ?? null,
            printerName: r.printer_name ?? null,
            attempts: r.attempts,
            reprintOf: r.reprint_of ?? null,
            lastError: r.last_error ?? null,
            createdAt: r.created_at,
            updatedAt: r.updated_at,
            printedAt: r.printed_at ?? null,
          })),
        };
      },
    },
  ];
}
