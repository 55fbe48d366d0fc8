// What must hold of a hub database whatever commands ran (or however the process died): a gapless event
// log that parses, an outbox row per event, a verifying audit chain, read tables equal to a rebuild,
// statuses every lifecycle table can reach, and money that adds up. Each check returns what it found wrong.
import type Database from 'better-sqlite3';
import type { CommandResult } from '../../protocol/commands/command.js';
import { AGGREGATE_OF, domainEventSchema, type EventEnvelope } from '../../protocol/events/event.js';
import { netPaid } from '../../hub/domain/check/payment-rules.js';
import { MONEY_EVENTS } from '../../protocol/audit-entry.js';
import { verifyAuditChain } from '../../hub/store/audit-log.js';
import { iterateEvents } from '../../hub/store/event-log.js';
import { loadBranch } from '../../hub/store/queries/view-loaders.js';
import { dumpReadModels, rebuildReadModels } from '../../hub/store/rebuild.js';
import { replayLifecycles } from './lifecycle-replay.js';
import { sessionMoney } from './session-money.js';

type Row = Record<string, unknown>;

function allEvents(db: Database.Database): EventEnvelope[] {
  return [...iterateEvents(db)];
}

/** Global seqs 1..n without a hole, per-aggregate seqs 1..n in log order, every event valid, one outbox row each. */
export function checkEventLog(db: Database.Database): string[] {
  const problems: string[] = [];
  const perAggregate = new Map<string, number>();
  let expected = 1;
  for (const e of iterateEvents(db)) {
    if (e.seq !== expected) problems.push(`event seq ${e.seq} where ${expected} was expected`);
    expected = e.seq + 1;
    const key = `${e.aggregateType}:${e.aggregateId}`;
    const next = (perAggregate.get(key) ?? 0) + 1;
    if (e.aggregateSeq !== next)
      problems.push(`${key} has aggregate seq ${e.aggregateSeq} where ${next} was expected`);
    perAggregate.set(key, next);
    const parsed = domainEventSchema.safeParse({ type: e.type, data: e.data });
    if (!parsed.success)
      problems.push(`seq ${e.seq} ${e.type} does not match its schema: ${parsed.error.message}`);
    else if (AGGREGATE_OF[e.type] !== e.aggregateType)
      problems.push(`seq ${e.seq} ${e.type} filed under ${e.aggregateType}`);
    if (e.type === 'StockAdjusted' && (e.data.stockCount < 0 || !Number.isInteger(e.data.stockCount))) {
      problems.push(`seq ${e.seq} leaves stock at ${e.data.stockCount}`);
    }
  }
  const missing = db
    .prepare(
      'SELECT count(*) AS n FROM event e WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.event_seq = e.seq)',
    )
    .get() as { n: number };
  if (missing.n > 0) problems.push(`${missing.n} events have no outbox row`);
  const orphans = db
    .prepare(
      'SELECT count(*) AS n FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.seq = o.event_seq)',
    )
    .get() as { n: number };
  if (orphans.n > 0) problems.push(`${orphans.n} outbox rows have no event`);
  return problems;
}

/** Every event names a command the log kept, and every kept success points at its command's last event. */
export function checkCommandLog(db: Database.Database): string[] {
  const problems: string[] = [];
  const rows = db
    .prepare(
      `SELECT c.command_id, c.result, c.ok, (SELECT max(seq) FROM event e WHERE e.command_id = c.command_id) AS last
       FROM command_log c`,
    )
    .all() as Array<{ command_id: string; result: string; ok: number; last: number | null }>;
  for (const r of rows) {
    const result = JSON.parse(r.result) as CommandResult;
    if (result.ok !== (r.ok === 1))
      problems.push(`command ${r.command_id}: ok column disagrees with its result`);
    if (result.ok && result.seq !== (r.last ?? 0)) {
      problems.push(`command ${r.command_id} answered seq ${result.seq} but its last event is ${r.last}`);
    }
    if (!result.ok && r.last !== null) problems.push(`rejected command ${r.command_id} left events`);
  }
  const unknown = db
    .prepare(
      `SELECT count(*) AS n FROM event e WHERE e.command_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM command_log c WHERE c.command_id = e.command_id)`,
    )
    .get() as { n: number };
  if (unknown.n > 0) problems.push(`${unknown.n} events belong to no logged command`);
  return problems;
}

export function checkAuditChain(db: Database.Database): string[] {
  const verdict = verifyAuditChain(db);
  if (!verdict.ok) return [`audit chain broken at ${verdict.firstBad.position}: ${verdict.firstBad.reason}`];
  const money = allEvents(db).filter((e) => MONEY_EVENTS.has(e.type)).length;
  return verdict.entries === money
    ? []
    : [`audit chain has ${verdict.entries} entries for ${money} money events`];
}

/** Rebuilding the read tables from the log gives exactly the live tables (and leaves them so). */
export function checkRebuild(db: Database.Database): string[] {
  const live = dumpReadModels(db);
  rebuildReadModels(db);
  const rebuilt = dumpReadModels(db);
  const problems: string[] = [];
  for (const table of Object.keys(live)) {
    const a = live[table] ?? [];
    const b = rebuilt[table] ?? [];
    if (a.length !== b.length || a.some((row, i) => row !== b[i])) {
      const onlyLive = a.filter((row) => !b.includes(row)).slice(0, 2);
      const onlyRebuilt = b.filter((row) => !a.includes(row)).slice(0, 2);
      problems.push(
        `${table} differs after rebuild: live ${JSON.stringify(onlyLive)} rebuilt ${JSON.stringify(onlyRebuilt)}`,
      );
    }
  }
  return problems;
}

const STATUS_QUERIES = {
  sessions: 'SELECT id, status FROM table_session',
  rounds: 'SELECT id, status FROM round',
  items: 'SELECT id, status FROM round_item',
  tickets: 'SELECT id, status FROM kitchen_ticket',
  calls: 'SELECT id, status FROM service_call',
} as const;

/** Every status in the read tables is where the lifecycle tables lead from the logged events. */
export function checkLifecycles(db: Database.Database): string[] {
  const replay = replayLifecycles(iterateEvents(db));
  const problems = [...replay.violations];
  for (const [kind, sql] of Object.entries(STATUS_QUERIES) as Array<[keyof typeof STATUS_QUERIES, string]>) {
    const stored = db.prepare(sql).all() as Array<{ id: string; status: string }>;
    const replayed = replay[kind] as Map<string, string>;
    if (stored.length !== replayed.size)
      problems.push(`${kind}: ${stored.length} rows but ${replayed.size} replayed`);
    for (const row of stored) {
      const want = replayed.get(row.id);
      if (want !== row.status)
        problems.push(`${kind} ${row.id} is ${row.status} but its events lead to ${want}`);
    }
  }
  problems.push(...checkRoundsAgreeWithItems(db));
  return problems;
}

/** A round's status follows its live (not voided) items: READY when all are done, SERVED when all served. */
function checkRoundsAgreeWithItems(db: Database.Database): string[] {
  const problems: string[] = [];
  const rounds = db
    .prepare("SELECT id, status FROM round WHERE status IN ('IN_KITCHEN','READY','SERVED')")
    .all() as Row[];
  for (const r of rounds) {
    const items = db
      .prepare("SELECT status FROM round_item WHERE round_id = ? AND status != 'VOIDED'")
      .all(r.id) as Row[];
    if (items.length === 0) continue;
    const done = items.every((i) => i.status === 'READY' || i.status === 'SERVED');
    const served = items.every((i) => i.status === 'SERVED');
    if (r.status === 'READY' && (!done || served))
      problems.push(`round ${String(r.id)} is READY with items ${JSON.stringify(items)}`);
    if (r.status === 'SERVED' && !served)
      problems.push(`round ${String(r.id)} is SERVED with items ${JSON.stringify(items)}`);
    if (r.status === 'IN_KITCHEN' && done)
      problems.push(`round ${String(r.id)} is IN_KITCHEN with items ${JSON.stringify(items)}`);
  }
  return problems;
}

/** No negative money or stock; splits sum to their total; paid never passes the check; closed means settled. */
export function checkMoney(db: Database.Database): string[] {
  const problems: string[] = [];
  const branch = loadBranch(db);
  if (!branch) {
    // A hub killed before its first start finished: fine, as long as nothing was sold without a branch.
    const sessions = (db.prepare('SELECT count(*) AS n FROM table_session').get() as { n: number }).n;
    return sessions === 0 ? [] : [`${sessions} sessions but no branch`];
  }
  for (const p of db.prepare('SELECT * FROM payment').all() as Row[]) {
    const n = (k: string) => p[k] as number;
    if ([n('amount_cents'), n('tip_cents'), n('change_cents'), n('refunded_cents')].some((v) => !(v >= 0))) {
      problems.push(`payment ${String(p.id)} has a negative amount: ${JSON.stringify(p)}`);
    }
    if (n('refunded_cents') > n('amount_cents'))
      problems.push(`payment ${String(p.id)} refunded more than it took`);
  }
  for (const bp of db.prepare('SELECT * FROM branch_product WHERE stock_count IS NOT NULL').all() as Row[]) {
    if ((bp.stock_count as number) < 0)
      problems.push(`product ${String(bp.product_id)} has stock ${String(bp.stock_count)}`);
    if (bp.stock_count === 0 && bp.available === 1)
      problems.push(`product ${String(bp.product_id)} is available at zero stock`);
  }
  const closedAt = new Map<string, EventEnvelope>();
  const paidBeforeClose = new Map<string, number>();
  for (const e of iterateEvents(db)) {
    const d = e.data as Row;
    const sessionId = d.sessionId as string;
    if (e.type === 'SessionClosed') closedAt.set(sessionId, e);
    if (closedAt.has(sessionId)) continue;
    if (e.type === 'PaymentRecorded')
      paidBeforeClose.set(sessionId, (paidBeforeClose.get(sessionId) ?? 0) + (d.amountCents as number));
    if (e.type === 'PaymentRefunded')
      paidBeforeClose.set(sessionId, (paidBeforeClose.get(sessionId) ?? 0) - (d.amountCents as number));
  }
  for (const { id } of db.prepare('SELECT id FROM table_session').all() as Array<{ id: string }>) {
    const money = sessionMoney(db, id);
    if (!money) continue;
    const { session, check, payments, split } = money;
    const paid = netPaid(payments);
    if (paid > check.totalCents)
      problems.push(`session ${id} (${session.status}) paid ${paid} of a ${check.totalCents} check`);
    if (split) {
      const sum = split.shares.reduce((a, s) => a + s.amountCents, 0);
      if (sum !== split.totalCents)
        problems.push(`session ${id}: shares sum to ${sum}, split total is ${split.totalCents}`);
      if (split.shares.some((s) => s.amountCents < 0 || s.items.some((i) => i.amountCents < 0))) {
        problems.push(`session ${id} has a negative share`);
      }
      for (const share of split.shares) {
        const onShare = netPaid(payments.filter((p) => p.shareKey === share.key));
        if (onShare > share.amountCents)
          problems.push(`session ${id}: share ${share.key} paid ${onShare} of ${share.amountCents}`);
      }
    }
    if (session.status === 'CLOSED') {
      const closed = closedAt.get(id);
      const data = closed?.data as { totalCents: number; paidCents: number } | undefined;
      if (!data) problems.push(`session ${id} is CLOSED without a SessionClosed event`);
      else {
        if (data.paidCents !== data.totalCents)
          problems.push(`session ${id} closed with ${data.paidCents} paid of ${data.totalCents}`);
        if ((paidBeforeClose.get(id) ?? 0) !== data.totalCents) {
          problems.push(
            `session ${id} closed at ${data.totalCents} but its payments came to ${paidBeforeClose.get(id) ?? 0}`,
          );
        }
        if (check.totalCents !== data.totalCents) {
          problems.push(
            `session ${id} closed at ${data.totalCents} but its check is now ${check.totalCents}`,
          );
        }
      }
    }
  }
  return problems;
}

export function checkOneLiveSessionPerTable(db: Database.Database): string[] {
  const rows = db
    .prepare(
      `SELECT table_id, count(*) AS n FROM table_session WHERE status IN ('OPEN','CHECK_REQUESTED','PAYING')
       GROUP BY table_id HAVING n > 1`,
    )
    .all() as Array<{ table_id: string; n: number }>;
  return rows.map((r) => `table ${r.table_id} has ${r.n} live sessions`);
}

/** Every check above; the rebuild runs last because it rewrites the read tables (identically, if all is well). */
export function checkAllInvariants(db: Database.Database): string[] {
  return [
    ...checkEventLog(db),
    ...checkCommandLog(db),
    ...checkAuditChain(db),
    ...checkLifecycles(db),
    ...checkMoney(db),
    ...checkOneLiveSessionPerTable(db),
    ...checkRebuild(db),
  ];
}
