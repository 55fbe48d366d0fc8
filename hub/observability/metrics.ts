// Prometheus metrics an operator watches on the hub: commands, commits, HTTP, outbox backlog.
import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from 'prom-client';

export interface HubMetrics {
  readonly registry: Registry;
  readonly commands: Counter<'type' | 'outcome'>;
  readonly commandSeconds: Histogram<'type'>;
  readonly batchSize: Histogram;
  readonly commitSeconds: Histogram;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpSeconds: Histogram<'method' | 'route'>;
  readonly outboxBacklog: Gauge;
  readonly lastSeq: Gauge;
  readonly walFrames: Gauge;
  readonly wsConnections: Gauge<'kind'>;
  readonly wsMessagesIn: Counter<'type'>;
  readonly wsMessagesOut: Counter<'type'>;
  readonly wsResyncs: Counter<'reason'>;
  readonly wsRejectedUpgrades: Counter<'reason'>;
}

export function createMetrics(options: { defaults?: boolean } = {}): HubMetrics {
  const registry = new Registry();
  if (options.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: 'comanda_' });
  const fast = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
  return {
    registry,
    commands: new Counter({
      name: 'comanda_commands_total',
      help: 'Commands handled, by type and outcome (ok, duplicate, rejected code, error)',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    commandSeconds: new Histogram({
      name: 'comanda_command_seconds',
      help: 'Time from a command entering the queue to its acknowledgement',
      labelNames: ['type'],
      buckets: fast,
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: 'comanda_commit_batch_size',
      help: 'Commands sharing one transaction (group commit)',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    commitSeconds: new Histogram({
      name: 'comanda_commit_seconds',
      help: 'Time spent in one write transaction, fsync included',
      buckets: fast,
      registers: [registry],
    }),
    httpRequests: new Counter({
      name: 'comanda_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpSeconds: new Histogram({
      name: 'comanda_http_request_seconds',
      help: 'HTTP request duration by route',
      labelNames: ['method', 'route'],
      buckets: fast,
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: 'comanda_outbox_backlog',
      help: 'Events waiting in the outbox for the cloud',
      registers: [registry],
    }),
    lastSeq: new Gauge({
      name: 'comanda_event_last_seq',
      help: 'Highest event sequence written',
      registers: [registry],
    }),
    walFrames: new Gauge({
      name: 'comanda_sqlite_wal_frames',
      help: 'Frames in the SQLite WAL at the last background checkpoint (a steady rise: checkpoints are falling behind)',
      registers: [registry],
    }),
    wsConnections: new Gauge({
      name: 'comanda_ws_connections',
      help: 'Open live WebSocket connections by kind (staff, diner, device)',
      labelNames: ['kind'],
      registers: [registry],
    }),
    wsMessagesIn: new Counter({
      name: 'comanda_ws_messages_in_total',
      help: 'WebSocket frames received, by message type (invalid, rate_limited for refused ones)',
      labelNames: ['type'],
      registers: [registry],
    }),
    wsMessagesOut: new Counter({
      name: 'comanda_ws_messages_out_total',
      help: 'WebSocket frames sent, by message type (event counts each subscriber)',
      labelNames: ['type'],
      registers: [registry],
    }),
    wsResyncs: new Counter({
      name: 'comanda_ws_resyncs_total',
      help: 'Live feeds stopped with a resync message, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    wsRejectedUpgrades: new Counter({
      name: 'comanda_ws_rejected_upgrades_total',
      help: 'WebSocket upgrades refused, by error code',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}
