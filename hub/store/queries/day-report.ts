// One business day's takings, read from the money events the audit chain already indexes (closed tables,
// payments, refunds): the same events, cut into days by the same rule (protocol/business-time.ts), as
// the cloud's owner figures. The audit log is walked from its newest entry back to the day's start, so
// today's report reads today's entries and not the whole year.
import type Database from 'better-sqlite3';
import type { DayReportView } from '../../../protocol/admin-api-views.js';
import { businessTimeOf } from '../../../protocol/business-time.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../protocol/domain-values.js';
import { loadBranch } from './view-loaders.js';

const DAY_MS = 86_400_000;

interface MoneyRow {
  type: 'SessionClosed' | 'PaymentRecorded' | 'PaymentRefunded';
  data: string;
  occurred_at: string;
}

/** `day` (YYYY-MM-DD) defaults to the branch's current business day. Undefined before the branch exists. */
export function dayReportView(
  db: Database.Database,
  options: { day?: string; now?: Date } = {},
): DayReportView | undefined {
  const branch = loadBranch(db);
  if (!branch) return undefined;
  const clock = branch.settings;
  const day = options.day ?? businessTimeOf((options.now ?? new Date()).getTime(), clock).day;
  // A business day starts no earlier than 14 h before its UTC date (the +14 h zones, a 00:00 start); a
  // whole day before that is also a wide margin for a hub clock that was set back meanwhile. Entries
  // are appended in commit order, so once they are older than that, none of the rest can belong.
  const earliest = new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString();

  const methods = new Map<PaymentMethod, { payments: number; amountCents: number; tipsCents: number }>();
  const report = { revenueCents: 0, sessionsClosed: 0, paymentsCents: 0, tipsCents: 0, refundsCents: 0 };
  const rows = db
    .prepare(
      `SELECT e.type, e.data, e.occurred_at FROM audit_log a JOIN event e ON e.seq = a.event_seq
        WHERE a.event_type IN ('SessionClosed', 'PaymentRecorded', 'PaymentRefunded')
        ORDER BY a.position DESC`,
    )
    .iterate() as IterableIterator<MoneyRow>;
  for (const row of rows) {
    if (row.occurred_at < earliest) break;
    if (businessTimeOf(row.occurred_at, clock).day !== day) continue;
    const d = JSON.parse(row.data) as Record<string, unknown>;
    if (row.type === 'SessionClosed') {
      report.revenueCents += d.totalCents as number;
      report.sessionsClosed += 1;
    } else if (row.type === 'PaymentRecorded') {
      const m = methods.get(d.method as PaymentMethod) ?? { payments: 0, amountCents: 0, tipsCents: 0 };
      m.payments += 1;
      m.amountCents += d.amountCents as number;
      m.tipsCents += d.tipCents as number;
      methods.set(d.method as PaymentMethod, m);
      report.paymentsCents += d.amountCents as number;
      report.tipsCents += d.tipCents as number;
    } else {
      report.refundsCents += d.amountCents as number;
    }
  }
  const open = db
    .prepare("SELECT count(*) AS n FROM table_session WHERE status IN ('OPEN', 'CHECK_REQUESTED', 'PAYING')")
    .get() as { n: number };
  return {
    day,
    timeZone: clock.timeZone,
    businessDayStartsAtHour: clock.businessDayStartsAtHour,
    currency: clock.currency,
    ...report,
    byMethod: PAYMENT_METHODS.flatMap((method) => {
      const m = methods.get(method);
      return m ? [{ method, ...m }] : [];
    }),
    openSessions: open.n,
  };
}
