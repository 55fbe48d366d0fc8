// What a session owes and has paid, read from a hub database with the hub's own loaders and check rule:
// the random command sequences take payment amounts from it, and the write-path invariants check it.
import type Database from 'better-sqlite3';
import { checkOf, type StoredSplit } from '../../hub/domain/check-decide.js';
import {
  loadBranch,
  loadDiscounts,
  loadPayments,
  loadRoundsOfSession,
  loadSession,
  loadSplit,
} from '../../hub/store/queries/view-loaders.js';

export function sessionMoney(db: Database.Database, sessionId: string) {
  const session = loadSession(db, sessionId);
  const branch = loadBranch(db);
  if (!session || !branch) return undefined;
  const check = checkOf({
    session,
    rounds: loadRoundsOfSession(db, sessionId),
    discounts: loadDiscounts(db, sessionId),
    settings: branch.settings,
  });
  const payments = loadPayments(db, sessionId);
  return { session, check, payments, split: loadSplit(db, sessionId) as StoredSplit | null };
}
