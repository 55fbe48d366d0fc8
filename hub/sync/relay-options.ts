// The outbox relay's knobs and faces: its tuning and defaults, what it is built from, and the live status
// it reports (merged into the sync status by sync-status.ts). Types only, plus DEFAULT_TUNING, so callers
// that configure or show the relay need not load the loop.
import type { Tracer } from '@opentelemetry/api';
import type Database from 'better-sqlite3';
import { MAX_BATCH_EVENTS } from '../../protocol/sync/ingest-batch.js';
import type { CatalogApplied } from '../../protocol/sync/catalog-feed.js';
import type { Logger } from '../observability/logger.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import type { CloudClient } from './cloud-client.js';
import type { BatchLimits } from './outbox-store.js';
import type { SyncMetrics } from './sync-metrics.js';

export interface RelayTuning {
  /** How long after a commit the relay waits for more commits before sending (one batch for a burst). */
  coalesceMs: number;
  /** The timer that wakes an idle relay even without commits (events written by another process). */
  pollMs: number;
  backoff: BackoffPolicy;
  /** Retryable failures of one event before it is dead-lettered. */
  maxAttempts: number;
  limits: BatchLimits;
  /** Batches in flight at once (1 or 2). */
  window: number;
}

export const DEFAULT_TUNING: RelayTuning = {
  coalesceMs: 200,
  pollMs: 5000,
  backoff: DEFAULT_BACKOFF,
  maxAttempts: 10,
  // 1 MB lets a batch of ordinary events (≈ 0.7 KB each) reach the protocol's 1,000; batches cut
  // short by bytes drained slower (367 events: ≈ 12 % below 500, 500: ≈ 10 % below 1,000; see
  // BENCHMARKS.md). A cloud that answers 413, or an uplink too slow for a batch, halves the size for
  // that relay (batch-sizer.ts).
  limits: { maxEvents: MAX_BATCH_EVENTS, maxBytes: 1024 * 1024 },
  window: 2,
};

export interface RelayOptions {
  db: Database.Database;
  client: CloudClient;
  logger: Logger;
  metrics?: SyncMetrics;
  tuning?: Partial<RelayTuning>;
  /** The hub's wall clock (ms); tests skew it. */
  now?: () => number;
  random?: () => number;
  /** The catalog version applied here, reported with every batch. */
  catalogApplied?: () => CatalogApplied | undefined;
  /** OpenTelemetry: a client span per batch, its context sent to the cloud; absent, none. */
  tracer?: Tracer;
}

export interface RelayStatus {
  running: boolean;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** When the next attempt is due while backing off. */
  nextAttemptAt: string | null;
  clockOffsetMs: number;
  /** The relay's current batch size limit (smaller than configured after a 413 or on a slow uplink). */
  batchLimitBytes: number;
}
