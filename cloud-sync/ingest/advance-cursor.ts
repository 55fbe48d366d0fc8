// After a batch: move the hub's contiguous cursor forward and fold newly contiguous money events into
// the cloud's audit chain, comparing each with the hub's own entry. The chain only grows through the
// contiguous prefix, so an event parked on the hub holds it back instead of being skipped.
import { auditEntryOf, MONEY_EVENTS as MONEY_EVENT_TYPES } from '../../protocol/audit-entry.js';
import { hashEntry } from '../audit/audit-chain.js';
import { toNumber, type SqlRunner } from '../db/cloud-db.js';
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
// A constant list, so it can sit in the SQL text.
const MONEY_IN = [...MONEY_EVENT_TYPES].map((t) => `'${t}'`).join(', ');

/**
 * `justStored`: seqs this transaction stored; the cursor walks over them in memory first (they are in
 * the table, so this is the same walk), and the table is read only from where they stop.
 */
export async function advanceContiguous(
  tx: SqlRunner,
  hubId: string,
  from: number,
  justStored: ReadonlySet<number> = new Set(),
): Promise<number> {
  let cursor = from;
  while (justStored.has(cursor + 1)) cursor++;
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

/** Extends the chain over money events in (state.auditSeq, upTo]; returns the new state and the first break. */
export async function foldAuditChain(
  tx: SqlRunner,
  hubId: string,
  state: CursorState,
  upTo: number,
): Promise<{ state: CursorState; firstBreak: AuditBreak | null }> {
  let { auditPosition: position, auditHeadHash: head } = state;
  let firstBreak: AuditBreak | null = null;
  const rows = await tx.query<MoneyRow>(
    `SELECT seq, event_id, type, aggregate_id, data, actor, occurred_at, hub_audit FROM ingested_events
      WHERE hub_id = $1 AND seq > $2 AND seq <= $3 AND type IN (${MONEY_IN}) ORDER BY seq`,
    [hubId, state.auditSeq, upTo],
  );
  for (const row of rows) {
    const seq = toNumber(row.seq);
    const entry = auditEntryOf({
      seq,
      id: row.event_id,
      type: row.type,
      aggregateId: row.aggregate_id,
      data: row.data,
      actor: row.actor,
      occurredAt: row.occurred_at,
    });
    const prev = head;
    position++;
    head = hashEntry(prev, entry);
    if (firstBreak !== null) continue;
    const reported = hubAuditEntrySchema.safeParse(row.hub_audit);
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
