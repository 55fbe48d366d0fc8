// Builds sync events the way the hub's event log does (hub/store/event-log.ts): global seq,
// per-aggregate seq, a txId per command, and the hub's audit entry for money events.
import { randomUUID } from 'node:crypto';
import { AGGREGATE_OF, type DomainEvent } from '../../protocol/events/event.js';
import {
  SYNC_PROTOCOL_VERSION,
  type IngestBatchInput,
  type SyncEvent,
} from '../../protocol/sync/ingest-batch.js';
import { auditEntryOf, GENESIS_HASH, MONEY_EVENTS as MONEY_EVENT_TYPES } from '../../protocol/audit-entry.js';
import { hashEntry } from '../audit/audit-chain.js';

const KEY_FIELD: Record<string, string> = {
  session: 'sessionId',
  round: 'roundId',
  ticket: 'ticketId',
  serviceCall: 'callId',
  table: 'tableId',
  product: 'productId',
  category: 'categoryId',
  station: 'stationId',
  sector: 'sectorId',
  staff: 'staffId',
  device: 'deviceId',
  printer: 'printerId',
  printJob: 'jobId',
  branch: 'branchId',
};

export class HubLogSimulator {
  private seq = 0;
  private readonly aggregateSeqs = new Map<string, number>();
  private auditHead = GENESIS_HASH;
  private auditPosition = 0;
  readonly events: SyncEvent[] = [];

  constructor(
    readonly hubId: string,
    readonly branchId: string,
  ) {}

  /** Appends one command's events (one txId) at the given hub time. */
  append(domainEvents: readonly DomainEvent[], occurredAt = '2026-11-27T20:00:00.000Z'): SyncEvent[] {
    const txId = this.seq + 1;
    const out = domainEvents.map((event) => {
      const aggregateType = AGGREGATE_OF[event.type];
      const aggregateId = String((event.data as Record<string, unknown>)[KEY_FIELD[aggregateType] ?? 'id']);
      const key = `${aggregateType}:${aggregateId}`;
      const aggregateSeq = (this.aggregateSeqs.get(key) ?? 0) + 1;
      this.aggregateSeqs.set(key, aggregateSeq);
      const e: SyncEvent = {
        id: randomUUID(),
        seq: ++this.seq,
        branchId: this.branchId,
        aggregateType,
        aggregateId,
        aggregateSeq,
        type: event.type,
        data: event.data,
        commandId: randomUUID(),
        actor: { kind: 'staff', staffId: 'staff-1', role: 'WAITER' },
        requestId: null,
        occurredAt,
        txId,
        audit: null,
      } as SyncEvent;
      if (MONEY_EVENT_TYPES.has(e.type)) {
        const prevHash = this.auditHead;
        this.auditHead = hashEntry(prevHash, auditEntryOf(e));
        e.audit = { position: ++this.auditPosition, prevHash, hash: this.auditHead };
      }
      this.events.push(e);
      return e;
    });
    return out;
  }

  /** Appends a raw (possibly invalid) event, bypassing the schemas: for poison-event tests. */
  appendRaw(fields: {
    type: string;
    aggregateType: SyncEvent['aggregateType'];
    aggregateId: string;
    data: unknown;
  }): SyncEvent {
    const key = `${fields.aggregateType}:${fields.aggregateId}`;
    const aggregateSeq = (this.aggregateSeqs.get(key) ?? 0) + 1;
    this.aggregateSeqs.set(key, aggregateSeq);
    const e: SyncEvent = {
      id: randomUUID(),
      seq: ++this.seq,
      branchId: this.branchId,
      aggregateSeq,
      commandId: null,
      actor: { kind: 'system', name: 'test' },
      requestId: null,
      occurredAt: '2026-11-27T20:00:00.000Z',
      txId: this.seq,
      audit: null,
      ...fields,
    };
    this.events.push(e);
    return e;
  }

  get headSeq(): number {
    return this.seq;
  }

  /** A batch of the given events (default: all), as the relay would send it. */
  batch(events: readonly SyncEvent[] = this.events, prevSeq?: number): IngestBatchInput {
    const first = events[0];
    return {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      hubId: this.hubId,
      batchId: randomUUID(),
      prevSeq: prevSeq ?? (first === undefined ? this.seq : first.seq - 1),
      events: [...events],
      hub: { headSeq: this.seq, backlog: events.length, deadLetters: 0, oldestPendingAgeMs: 1000 },
    };
  }
}
