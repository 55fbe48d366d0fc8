// One session as a waiter sees it: table, diners, rounds with items, the check, split, payments, calls.
import { netPaid } from '../../domain/check/payment-rules.js';
import type Database from 'better-sqlite3';
import { checkOf, type StoredSplit } from '../../domain/check-decide.js';
import {
  loadBranch,
  loadDiners,
  loadDiscounts,
  loadOpenCalls,
  loadPayments,
  loadRoundsOfSession,
  loadSession,
  loadSplit,
  loadTable,
} from './view-loaders.js';
import { sessionTicketPrints } from './print-state.js';
import { aggregateVersion } from '../event-log.js';

export function sessionDetailView(db: Database.Database, sessionId: string) {
  const session = loadSession(db, sessionId);
  const branch = loadBranch(db);
  if (!session || !branch) return undefined;
  const rounds = loadRoundsOfSession(db, sessionId);
  const discounts = loadDiscounts(db, sessionId);
  const payments = loadPayments(db, sessionId);
  const check = checkOf({ session, rounds, discounts, settings: branch.settings });
  const paid = netPaid(payments);
  const split = loadSplit(db, sessionId) as StoredSplit | null;
  const diners = loadDiners(db, sessionId);
  // Who placed each round: a waiter sees "Round 2 · Sofía" on a table two people serve.
  const authors = new Map(
    (
      db
        .prepare(
          `SELECT r.id, r.source, s.name FROM round r LEFT JOIN staff s ON s.id = r.created_by
            WHERE r.session_id = ?`,
        )
        .all(sessionId) as Array<{ id: string; source: 'STAFF' | 'DINER'; name: string | null }>
    ).map((a) => [a.id, a]),
  );
  return {
    // `version` is what `expectedVersion` compares with (the session's events so far).
    session: { ...session, version: aggregateVersion(db, 'session', session.id) },
    table: loadTable(db, session.tableId),
    diners,
    rounds: rounds.map((r) => ({
      ...r,
      source: authors.get(r.id)?.source ?? 'STAFF',
      placedBy: authors.get(r.id)?.name ?? null,
    })),
    check,
    discounts,
    split: split && { ...split, stale: split.totalCents !== check.totalCents },
    payments,
    paidCents: paid,
    dueCents: Math.max(0, check.totalCents - paid),
    serviceCalls: loadOpenCalls(db, sessionId),
    /** Each kitchen ticket with where its paper stands ("printed at Parrilla"). */
    tickets: sessionTicketPrints(db, sessionId),
  };
}
