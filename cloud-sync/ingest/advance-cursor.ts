// After a batch: move the hub's contiguous cursor forward and fold newly contiguous money events into
// the cloud's audit chain, comparing each with the hub's own entry. The chain only grows through the
// contiguous prefix, so an event parked on the hub holds it back instead of being skipped.
import {
  auditEntryOf,
  MONEY_EVENTS as MONEY_EVENT_TYPES,
  type AuditedEvent,
} from '../../protocol/audit-entry.js';
import { hashEntry } from '../audit/audit-chain.js';
import { toNumber, type SqlRunner } from '../db/cloud-db.js';
import { typeList } from '../db/schema/ingest-tables.js';
import { hubAuditEntrySchema } from '../../protocol/sync/ingest-batch.js';

export interface CursorState {
  highestContiguousSeq: number;
  auditSeq: number;
  auditPosition: number;
  auditHeadHash: string;
}

export interface AuditBreak {
  seq: number;
  reason: string;
}

const PAGE = 1000;
// Constants in the SQL text, so the read goes through the partial index on money events.
const MONEY_IN = typeList(MONEY_EVENT_TYPES);

/** Stored seqs above `after` as the table was before the batch's write, read by that same statement. */
export interface Lookahead {
  after: number;
  /** At most PAGE of them, in order. */
  seqs: number[];
}

/**
 * The select-list column (`lookahead`) that reads a Lookahead inside another statement: the hub id and
 * `after` at the placeholders given.
 */
export function lookaheadSelect(hubId: string, after: string): string {
  return `(SELECT json_agg(seq) FROM (SELECT seq FROM ingested_events WHERE hub_id = ${hubId} AND seq > ${after}
            ORDER BY seq LIMIT ${PAGE}) s) AS lookahead`;
}

/**
 * `justStored`: seqs this transaction stored; the cursor walks over them in memory first (they are in
 * the table, so this is the same walk), and the table is read only from where they stop. With a
 * `lookahead` read from there by the batch's write, the walk goes on over both sets without a read;
 * only a full page can leave more to read.
 */
export async function advanceContiguous(
  tx: SqlRunner,
  hubId: string,
  from: number,
  justStored: Pick<ReadonlySet<number>, 'has'> = new Set(),
  lookahead?: Lookahead,
): Promise<number> {
  let cursor = from;
  while (justStored.has(cursor + 1)) cursor++;
  if (lookahead !== undefined && lookahead.after === cursor) {
    const stored = new Set(lookahead.seqs);
    while (stored.has(cursor + 1) || justStored.has(cursor + 1)) cursor++;
    if (lookahead.seqs.length < PAGE) return cursor;
  }
  for (;;) {
    const rows = await tx.query<{ seq: unknown }>(
      'SELECT seq FROM ingested_events WHERE hub_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [hubId, cursor, PAGE],
    );
    let moved = 0;
    for (const row of rows) {
      if (toNumber(row.seq) !== cursor + 1) return cursor;
      cursor++;
      moved++;
    }
    if (moved < PAGE) return cursor;
  }
}

interface MoneyRow {
  seq: unknown;
  event_id: string;
  type: string;
  aggregate_id: string;
  data: unknown;
  actor: unknown;
  occurred_at: string;
  hub_audit: unknown;
}

/** What a chained event contributes: the entry's fields and the hub's own entry to compare with. */
export interface ChainEvent extends AuditedEvent {
  audit: unknown;
}

async function readMoneyEvents(
  tx: SqlRunner,
  hubId: string,
  after: number,
  upTo: number,
): Promise<ChainEvent[]> {
  const rows = await tx.query<MoneyRow>(
    `SELECT seq, event_id, type, aggregate_id, data, actor, occurred_at, hub_audit FROM ingested_events
      WHERE hub_id = $1 AND seq > $2 AND seq <= $3 AND type IN (${MONEY_IN}) ORDER BY seq`,
    [hubId, after, upTo],
  );
  return rows.map((r) => ({
    seq: toNumber(r.seq),
    id: r.event_id,
    type: r.type,
    aggregateId: r.aggregate_id,
    data: r.data,
    actor: r.actor,
    occurredAt: r.occurred_at,
    audit: r.hub_audit,
  }));
}

/**
 * The money events of (after, upTo] from the batch in memory when this transaction stored every seq
 * of that range (the usual case: the batch continues the contiguous prefix), else from the table.
 * Same values either way: the stored row is the JSON of the same parsed event.
 */
function moneyEventsInMemory(
  stored: ReadonlyMap<number, ChainEvent>,
  after: number,
  upTo: number,
): ChainEvent[] | null {
  if (upTo - after > stored.size) return null;
  const out: ChainEvent[] = [];
  for (let seq = after + 1; seq <= upTo; seq++) {
    const e = stored.get(seq);
    if (e === undefined) return null;
    if (MONEY_EVENT_TYPES.has(e.type)) out.push(e);
  }
  return out;
}

/**
 * Extends the chain over money events in (state.auditSeq, upTo]; returns the new state and the first
 * break. `justStored`: the events this transaction stored, by seq, to skip reading them back.
 */
export async function foldAuditChain(
  tx: SqlRunner,
  hubId: string,
  state: CursorState,
  upTo: number,
  justStored: ReadonlyMap<number, ChainEvent> = new Map(),
): Promise<{ state: CursorState; firstBreak: AuditBreak | null }> {
  let { auditPosition: position, auditHeadHash: head } = state;
  let firstBreak: AuditBreak | null = null;
  const events =
    moneyEventsInMemory(justStored, state.auditSeq, upTo) ??
    (await readMoneyEvents(tx, hubId, state.auditSeq, upTo));
  for (const e of events) {
    const seq = e.seq;
    const entry = auditEntryOf(e);
    const prev = head;
    position++;
    head = hashEntry(prev, entry);
    if (firstBreak !== null) continue;
    const reported = hubAuditEntrySchema.safeParse(e.audit);
    if (!reported.success) {
      firstBreak = { seq, reason: `hub sent no audit entry for money event seq ${seq}` };
    } else if (reported.data.position !== position) {
      firstBreak = {
        seq,
        reason: `hub audit position ${reported.data.position} at seq ${seq}, cloud expected ${position}: a money event is missing or extra`,
      };
    } else if (reported.data.prevHash !== prev) {
      firstBreak = {
        seq,
        reason: `hub prev_hash at seq ${seq} does not match the cloud's chain: an earlier money event differs`,
      };
    } else if (reported.data.hash !== head) {
      firstBreak = {
        seq,
        reason: `hub hash at seq ${seq} does not match the event the cloud received: it was edited`,
      };
    }
  }
  return {
    state: { highestContiguousSeq: upTo, auditSeq: upTo, auditPosition: position, auditHeadHash: head },
    firstBreak,
  };
}
