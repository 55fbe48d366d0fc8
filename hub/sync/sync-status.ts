// The sync status shown by GET /api/sync/status and `npm run sync -- status`: the pairing (never the
// secret), the outbox, the relay's last success and error, and the catalog cursor.
import { z } from 'zod';
import type Database from 'better-sqlite3';
import { syncStatusSchema as baseSyncStatusSchema } from '../../protocol/api-views.js';
import { outboxCounts } from './outbox-store.js';
import { readCatalogCursor, readPairing, readRelayState } from './sync-meta.js';
import type { RelayStatus } from './relay-options.js';
import type { CatalogStatus } from './catalog-puller.js';

/** The older fields (pending, parked, deadLetters, oldestPendingAt, lastSeq, paired) keep their meaning. */
export const syncStatusViewSchema = baseSyncStatusSchema.extend({
  cloud: z.object({ url: z.string(), hubId: z.string(), keyId: z.string(), pairedAt: z.string() }).nullable(),
  /** The relay is running in this process (false in the CLI, or while unpaired). */
  running: z.boolean(),
  backlog: z.number().int(),
  /** Age of the oldest waiting event, by the hub clock. */
  lagSeconds: z.number().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  clockOffsetMs: z.number(),
  /** The relay's batch size now, in bytes; below the configured one after a 413 or on a slow uplink. */
  batchLimitBytes: z.number().int().nullable(),
  catalog: z.object({
    version: z.number().int().nullable(),
    appliedAt: z.string().nullable(),
    lastPullAt: z.string().nullable(),
    lastRefetchAt: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    lastError: z.string().nullable(),
    rejected: z.array(z.object({ changeId: z.string(), version: z.number().int(), error: z.string() })),
  }),
});
export type SyncStatusView = z.infer<typeof syncStatusViewSchema>;

export function buildSyncStatus(
  db: Database.Database,
  live: { relay?: RelayStatus; catalog?: CatalogStatus },
  nowMs: number,
): SyncStatusView {
  const pairing = readPairing(db);
  const counts = outboxCounts(db);
  const stored = readRelayState(db);
  const cursor = readCatalogCursor(db);
  const relay = live.relay;
  return {
    paired: pairing !== null,
    cloud: pairing
      ? { url: pairing.url, hubId: pairing.hubId, keyId: pairing.keyId, pairedAt: pairing.pairedAt }
      : null,
    running: relay?.running ?? false,
    pending: counts.pending,
    parked: counts.parked,
    deadLetters: counts.deadLetters,
    backlog: counts.pending + counts.parked,
    oldestPendingAt: counts.oldestPendingAt,
    lagSeconds:
      counts.oldestPendingAt === null
        ? null
        : Math.max(0, Math.round((nowMs - Date.parse(counts.oldestPendingAt)) / 1000)),
    lastSeq: counts.headSeq,
    lastSuccessAt: relay?.lastSuccessAt ?? stored.lastSuccessAt,
    lastErrorAt: relay?.lastErrorAt ?? stored.lastErrorAt,
    lastError: relay?.lastError ?? stored.lastError,
    consecutiveFailures: relay?.consecutiveFailures ?? 0,
    nextAttemptAt: relay?.nextAttemptAt ?? null,
    clockOffsetMs: relay?.clockOffsetMs ?? 0,
    batchLimitBytes: relay?.batchLimitBytes ?? null,
    catalog: live.catalog ?? {
      version: cursor?.version ?? null,
      appliedAt: cursor?.appliedAt ?? null,
      lastPullAt: null,
      lastRefetchAt: null,
      lastErrorAt: null,
      lastError: null,
      rejected: [],
    },
  };
}
