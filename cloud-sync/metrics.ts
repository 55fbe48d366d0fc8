// Prometheus metrics of one cloud-sync instance, on its own registry so tests can run several.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface CloudMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  ingestEvents: Counter<'status'>;
  ingestBatches: Counter<'outcome'>;
  authFailures: Counter<'reason'>;
}

export function createCloudMetrics(options: { defaultMetrics?: boolean } = {}): CloudMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'cloud_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'cloud_http_requests_total',
      help: 'HTTP requests by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'cloud_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    ingestEvents: new Counter({
      name: 'cloud_ingest_events_total',
      help: 'Ingested events by result (applied, duplicate, rejected)',
      labelNames: ['status'],
      registers: [registry],
    }),
    ingestBatches: new Counter({
      name: 'cloud_ingest_batches_total',
      help: 'Ingest batches by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    authFailures: new Counter({
      name: 'cloud_auth_failures_total',
      help: 'Refused signed requests by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}
