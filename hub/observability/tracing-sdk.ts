// The OpenTelemetry SDK for the hub: spans batched and sent over OTLP/HTTP to a collector (Jaeger, Tempo,
// an OTel Collector). Loaded only when OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (a full URL) or
// OTEL_EXPORTER_OTLP_ENDPOINT (a base URL, `/v1/traces` appended) is set (hub/config.ts).
import { context, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  readonly tracer: Tracer;
  /** Sends what is buffered (tests, and before a clean stop). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

let contextManagerOn = false;

export function startTracing(serviceName: string, url: string): Tracing {
  // Parent and child spans across awaits: one context manager per process, whoever starts first.
  if (!contextManagerOn) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    contextManagerOn = true;
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 1000 })],
  });
  return {
    tracer: provider.getTracer(serviceName),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
