// What the ingest route does with Redis around a batch: the rate limit before (429 + Retry-After), and
// after the commit the live fan-out of the applied events and the menu cache of a branch whose catalog
// just changed. After-commit work never fails the request: the events are stored either way.
import type { IngestBatch } from '../../protocol/sync/ingest-batch.js';
import type { VerifiedHub } from '../auth/verify-request.js';
import { CATALOG_EVENT_TYPES } from '../db/schema/ingest-tables.js';
import type { CloudReply } from '../http/http-server.js';
import type { IngestOutcome } from '../ingest/ingest-batch.js';
import type { CloudRedis } from './cloud-redis.js';

export interface HookLog {
  warn(obj: object, msg: string): void;
}

/** A 429 reply when the hub is over its rate, else undefined. */
export async function ingestRateCheck(redis: CloudRedis, hub: VerifiedHub): Promise<CloudReply | undefined> {
  const decision = await redis.ingestLimiter.take(`hub:${hub.hubId}`);
  if (decision.allowed) return undefined;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return {
    status: 429,
    headers: { 'retry-after': String(seconds) },
    body: {
      code: 'RATE_LIMITED',
      message: `hub ${hub.hubId} is sending faster than its ingest rate; retry in ${seconds} s`,
      details: { retryAfterMs: decision.retryAfterMs },
    },
  };
}

const CATALOG_TYPES: ReadonlySet<string> = new Set(CATALOG_EVENT_TYPES);

export async function afterIngestCommit(
  redis: CloudRedis,
  hub: VerifiedHub,
  batch: IngestBatch,
  outcome: IngestOutcome,
  log: HookLog,
): Promise<void> {
  if (outcome.applied.length === 0) return;
  const work: Promise<unknown>[] = [
    redis.fanout.publish({
      kind: 'ingest',
      tenantId: hub.tenantId,
      branchId: hub.branchId,
      hubId: hub.hubId,
      batchId: batch.batchId,
      highestContiguousSeq: outcome.response.highestContiguousSeq,
      events: outcome.applied.map((e) => ({
        eventId: e.id,
        seq: e.seq,
        type: e.type,
        aggregateType: e.aggregateType,
        aggregateId: e.aggregateId,
        occurredAt: e.occurredAt,
        data: e.data,
      })),
    }),
  ];
  if (outcome.applied.some((e) => CATALOG_TYPES.has(e.type))) work.push(redis.menus.invalidate(hub.branchId));
  const results = await Promise.allSettled(work);
  for (const r of results) {
    if (r.status === 'rejected')
      log.warn({ err: r.reason, hubId: hub.hubId }, 'after-ingest Redis work failed');
  }
}
