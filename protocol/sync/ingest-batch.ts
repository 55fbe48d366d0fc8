// The wire format of one outbox batch the hub sends to the cloud, and the cloud's per-event answer.
import { z } from 'zod';
import { eventEnvelopeSchema } from '../events/event.js';
import { idSchema } from '../ids.js';
import { catalogAppliedSchema } from './catalog-feed.js';

/** Bump when the batch or answer changes shape; the cloud refuses versions it does not know. */
export const SYNC_PROTOCOL_VERSION = 1;
export const INGEST_PATH = '/v1/ingest';
/**
 * The relay never sends more; the cloud answers 413 to a bigger batch, and a relay that gets a 413 halves
 * its batches. DESIGN.md said ~100 events or ~256 KB; catching up after an outage drains ≈ 10 % faster
 * per doubling up to here (docs/SYNC.md, "Batches"). A full batch (≈ 0.7 MB) takes ≈ 1 s on a 5 Mbit/s
 * uplink; the relay's 30 s deadline per request needs ≥ ≈ 0.3 Mbit/s (docs/SYNC.md says what then).
 */
export const MAX_BATCH_EVENTS = 1000;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
const seqSchema = z.number().int().min(1);

/**
 * The hub's own audit-chain entry for a money event, so the cloud can compare its recomputed chain
 * with the hub's and flag the first place they disagree.
 */
export const hubAuditEntrySchema = z.object({
  position: z.number().int().min(1),
  prevHash: hex64,
  hash: hex64,
});
export type HubAuditEntry = z.infer<typeof hubAuditEntrySchema>;

/**
 * One event as the relay ships it: the hub's envelope (type and data are checked per event by the
 * cloud, so one bad event cannot sink the batch), plus its local transaction id and audit entry.
 */
export const syncEventSchema = eventEnvelopeSchema.extend({
  txId: seqSchema,
  audit: hubAuditEntrySchema.nullable().default(null),
});
export type SyncEvent = z.infer<typeof syncEventSchema>;

/** What the hub reports about itself with every batch; shown on the owner's hub status. */
export const hubReportSchema = z.object({
  /** The hub's newest event seq: lag in events is headSeq minus the cloud's contiguous cursor. */
  headSeq: z.number().int().min(0),
  /** Outbox rows still waiting (pending + parked), this batch included. */
  backlog: z.number().int().min(0),
  deadLetters: z.number().int().min(0),
  /** Age of the oldest waiting outbox row by the hub's own clock; a duration, so clock skew cancels out. */
  oldestPendingAgeMs: z.number().int().min(0).nullable(),
  /** The catalog feed version this hub has applied, so owners see when their change reached it. */
  catalog: catalogAppliedSchema.optional(),
});
export type HubReport = z.infer<typeof hubReportSchema>;

export const ingestBatchSchema = z
  .object({
    protocolVersion: z.number().int().min(1),
    hubId: idSchema,
    /** Made by the hub for logs and tracing; not an idempotency key (event ids are). */
    batchId: idSchema,
    /**
     * Contiguity: the seq of the outbox entry just before `events[0]` in the hub's send order (0 at
     * the start). Events are in seq order; seqs between prevSeq and the last event that are missing
     * from the batch are ones the hub holds back (dead-lettered or parked behind one).
     */
    prevSeq: z.number().int().min(0),
    events: z.array(syncEventSchema).max(MAX_BATCH_EVENTS),
    hub: hubReportSchema,
  })
  .superRefine((batch, ctx) => {
    let last = batch.prevSeq;
    const ids = new Set<string>();
    batch.events.forEach((e, i) => {
      if (e.seq <= last) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 'seq'],
          message: `seq ${e.seq} must be greater than ${last}`,
        });
      }
      if (ids.has(e.id))
        ctx.addIssue({ code: 'custom', path: ['events', i, 'id'], message: 'event id repeated in batch' });
      ids.add(e.id);
      last = e.seq;
    });
  });
export type IngestBatch = z.infer<typeof ingestBatchSchema>;
export type IngestBatchInput = z.input<typeof ingestBatchSchema>;

/**
 * Why an event was refused. Retryable ones will succeed later without changing the event (its
 * aggregate is waiting for an earlier event); the others need a fix and go to the hub's dead letters.
 */
export const REJECT_REASONS = [
  'UNKNOWN_EVENT_TYPE',
  'INVALID_EVENT',
  'WRONG_BRANCH',
  'EVENT_ID_CONFLICT',
  'SEQ_CONFLICT',
  'AGGREGATE_SEQ_CONFLICT',
  'AGGREGATE_GAP',
  /** The cloud failed applying a valid-looking event (a cloud bug or limit): retried, dead-lettered after N tries. */
  'INGEST_FAILED',
] as const;
export const rejectReasonSchema = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof rejectReasonSchema>;

export const eventResultSchema = z.discriminatedUnion('status', [
  z.object({ eventId: z.string(), seq: seqSchema, status: z.literal('applied') }),
  z.object({ eventId: z.string(), seq: seqSchema, status: z.literal('duplicate') }),
  z.object({
    eventId: z.string(),
    seq: seqSchema,
    status: z.literal('rejected'),
    reason: rejectReasonSchema,
    message: z.string(),
    retryable: z.boolean(),
  }),
]);
export type EventResult = z.infer<typeof eventResultSchema>;

export const ingestResponseSchema = z.object({
  batchId: z.string(),
  /** One per event, in the batch's order. */
  results: z.array(eventResultSchema),
  /** Every event of this hub with seq ≤ this is committed in the cloud. */
  highestContiguousSeq: z.number().int().min(0),
});
export type IngestResponse = z.infer<typeof ingestResponseSchema>;
