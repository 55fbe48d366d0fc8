// Shortcuts for ingest tests: run a batch as its hub, and snapshot every projection of a branch.
import { ingestBatchSchema, type IngestBatchInput } from '../../protocol/sync/ingest-batch.js';
import type { Clock } from '../clock.js';
import type { CloudDb } from '../db/cloud-db.js';
import { ingestBatch, type IngestMode, type IngestOutcome } from '../ingest/ingest-batch.js';
import type { SeededHub } from './seed.js';

export function ingestAs(
  db: CloudDb,
  hub: SeededHub,
  batch: IngestBatchInput,
  clock: Clock,
  mode?: IngestMode,
): Promise<IngestOutcome> {
  return ingestBatch(
    db,
    { keyId: hub.keyId, hubId: hub.hubId, branchId: hub.branchId, tenantId: hub.tenantId },
    ingestBatchSchema.parse(batch),
    clock,
    undefined,
    mode === undefined ? {} : { mode },
  );
}

const PROJECTIONS = [
  ['proj_sessions', 'session_id'],
  ['proj_rounds', 'round_id'],
  ['proj_round_items', 'item_id'],
  ['proj_product_sales', 'business_day, product_id'],
  ['proj_branch_daily', 'business_day'],
  ['proj_payments', 'payment_id'],
] as const;

export async function projectionSnapshot(db: CloudDb, branchId: string): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of PROJECTIONS) {
    out[table] = await db.query(`SELECT * FROM ${table} WHERE branch_id = $1 ORDER BY ${order}`, [branchId]);
  }
  return JSON.stringify(out);
}
