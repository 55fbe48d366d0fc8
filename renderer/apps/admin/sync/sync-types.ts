// Shapes of the hub's /api/sync routes (hub/gateway/routes/sync-routes.ts). The apps may import only
// types from protocol/, and these live in hub/sync, so they are restated here.

export interface SyncStatus {
  paired: boolean;
  cloud: { url: string; hubId: string; keyId: string; pairedAt: string } | null;
  running: boolean;
  pending: number;
  parked: number;
  deadLetters: number;
  backlog: number;
  oldestPendingAt: string | null;
  lagSeconds: number | null;
  lastSeq: number;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextAttemptAt: string | null;
  clockOffsetMs: number;
  catalog: {
    version: number | null;
    appliedAt: string | null;
    lastPullAt: string | null;
    lastErrorAt: string | null;
    lastError: string | null;
    rejected: { changeId: string; version: number; error: string }[];
  };
}

export interface DeadLetter {
  eventSeq: number;
  eventId: string;
  eventType: string;
  aggregateKey: string;
  error: string;
  attempts: number;
  deadAt: string;
  requestId: string | null;
  /** Later events of the same aggregate held back behind this one. */
  parkedBehind: number;
}

export interface DeadLetterDetail extends DeadLetter {
  event: Record<string, unknown>;
}

export interface DeadLetterAction {
  eventSeqs: number[];
  released: number;
}
