// Reads only the admin app needs: the whole catalog and floor (inactive rows too, so they can be
// switched back on), the hub's LAN addresses, which the printed table QR codes point diners at, the
// branch settings, and one business day's takings for the manager's cash-up.
import { z } from 'zod';
import {
  adminCatalogViewSchema,
  adminFloorViewSchema,
  adminSettingsViewSchema,
  dayReportViewSchema,
  hubAddressesViewSchema,
} from '../../../protocol/admin-api-views.js';
import type { ReadDb } from '../../store/database.js';
import { adminCatalogView, adminFloorView } from '../../store/queries/admin-views.js';
import { dayReportView } from '../../store/queries/day-report.js';
import { loadBranch } from '../../store/queries/view-loaders.js';
import { lanAddresses } from '../../lan-addresses.js';
import { parseWith, type ApiRoute } from '../api-route.js';
import { AppError } from '../../../protocol/errors.js';

const MANAGERS = ['ADMIN', 'MANAGER'] as const;

/** 2026-02-30 parses (as 2 March): only a day that prints back as itself is one. */
function isCalendarDay(day: string): boolean {
  const at = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === day;
}

const dayReportQuery = z
  .object({
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
      .refine((d) => isCalendarDay(d), 'not a day of the calendar')
      .optional(),
  })
  .strict();

export interface AdminAppRouteDeps {
  db: ReadDb;
  /** The port the hub bound for plain HTTP (known once it listens; port 0 in tests picks one). */
  httpPort: () => number;
  /** The machine's LAN addresses; a parameter so tests need no particular network. */
  addresses?: () => string[];
}

export function adminAppRoutes(deps: AdminAppRouteDeps): ApiRoute[] {
  const { db } = deps;
  return [
    {
      method: 'GET',
      path: '/api/admin/catalog',
      summary: 'The whole catalog for editing: stations, categories and products, inactive ones included',
      tags: ['admin'],
      roles: MANAGERS,
      response: adminCatalogViewSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: () => ({ body: adminCatalogView(db) }),
    },
    {
      method: 'GET',
      path: '/api/admin/floor',
      summary: 'Sectors and tables for editing, with join codes, inactive ones included',
      tags: ['admin'],
      roles: MANAGERS,
      response: adminFloorViewSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: () => ({ body: adminFloorView(db) }),
    },
    {
      method: 'GET',
      path: '/api/admin/settings',
      summary: "The branch's settings: currency, language, time zone, diner rounds, service charge, calls",
      tags: ['admin'],
      roles: MANAGERS,
      response: adminSettingsViewSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
      handler: () => {
        const branch = loadBranch(db);
        if (!branch) throw new AppError('NOT_FOUND', 'this hub has no branch yet');
        return { body: { branchId: branch.id, branchName: branch.name, settings: branch.settings } };
      },
    },
    {
      method: 'GET',
      path: '/api/admin/day-report',
      summary:
        "One business day's takings (the cash-up): closed tables, payments by method, tips, refunds; today by default",
      tags: ['admin'],
      roles: MANAGERS,
      query: dayReportQuery,
      response: dayReportViewSchema,
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
      handler: (req) => {
        const q = parseWith(dayReportQuery, req.query, 'query');
        const report = dayReportView(db, q.day ? { day: q.day } : {});
        if (!report) throw new AppError('NOT_FOUND', 'this hub has no branch yet');
        return { body: report };
      },
    },
    {
      method: 'GET',
      path: '/api/admin/addresses',
      summary: "The hub's LAN addresses and HTTP port: where the tables' QR codes send diners",
      tags: ['admin'],
      roles: MANAGERS,
      response: hubAddressesViewSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: () => {
        const lan = (deps.addresses ?? lanAddresses)();
        const port = deps.httpPort();
        return {
          body: {
            branchName: loadBranch(db)?.name ?? '',
            lanAddresses: lan,
            httpPort: port,
            dinerBaseUrls: port > 0 ? lan.map((a) => `http://${a}:${port}`) : [],
          },
        };
      },
    },
  ];
}
