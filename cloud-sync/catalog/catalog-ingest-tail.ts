// Keeps the cloud's catalog copy level with what each hub has synced, by reading the hub's ingested catalog
// events in seq order up to its contiguous cursor. A consumer of `ingested_events` rather than a step of
// the ingest transaction: ingest stays as fast as it is, and the copy is rebuilt by resetting the cursor.
// Run before every catalog read or edit (one indexed query when there is nothing new).
import { domainEventSchema, type DomainEvent } from '../../protocol/events/event.js';
import { toNumber, type CloudDb } from '../db/cloud-db.js';
import { CATALOG_EVENT_TYPES, typeList } from '../db/schema/ingest-tables.js';
import { projectCatalogEvent } from './catalog-projection.js';

// Named as constants in the SQL, so the read goes through the partial index on these types.
const CATALOG_IN = typeList(CATALOG_EVENT_TYPES);

const PAGE = 2000;

async function catchUpHub(db: CloudDb, hubId: string, branchId: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO catalog_ingest_cursors (hub_id) VALUES ($1) ON CONFLICT DO NOTHING', [hubId]);
    const cursorRows = await tx.query<{ seq: unknown }>(
      'SELECT seq FROM catalog_ingest_cursors WHERE hub_id = $1 FOR UPDATE',
      [hubId],
    );
    const from = toNumber(cursorRows[0]?.seq);
    const contiguousRows = await tx.query<{ s: unknown }>(
      'SELECT highest_contiguous_seq AS s FROM ingest_cursors WHERE hub_id = $1',
      [hubId],
    );
    const upTo = toNumber(contiguousRows[0]?.s);
    if (upTo <= from) return 0;
    const rows = await tx.query<{ seq: unknown; type: string; data: unknown }>(
      `SELECT seq, type, data FROM ingested_events
        WHERE hub_id = $1 AND type IN (${CATALOG_IN}) AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
      [hubId, from, upTo, PAGE],
    );
    for (const r of rows) {
      // Stored events passed the same schema at ingest; parsing again gives typed data (and defaults).
      const event = domainEventSchema.parse({ type: r.type, data: r.data }) as DomainEvent;
      await projectCatalogEvent(tx, branchId, event);
    }
    const reached = rows.length === PAGE ? toNumber(rows[rows.length - 1]?.seq) : upTo;
    await tx.query('UPDATE catalog_ingest_cursors SET seq = $2 WHERE hub_id = $1', [hubId, reached]);
    return rows.length;
  });
}

/** Applies every synced catalog event of the branch's hubs not yet in the copy. Returns how many. */
export async function catchUpCatalog(db: CloudDb, branchId: string): Promise<number> {
  const hubs = await db.query<{ id: string }>(
    'SELECT id FROM hubs WHERE branch_id = $1 ORDER BY created_at',
    [branchId],
  );
  let total = 0;
  for (const hub of hubs) {
    for (;;) {
      const n = await catchUpHub(db, hub.id, branchId);
      total += n;
      if (n < PAGE) break;
    }
  }
  return total;
}
