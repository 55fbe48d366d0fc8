// OpenTelemetry traces of the cloud: a server span per request, continuing the caller's `traceparent`
// (a hub's relay sends one with every batch, so an ingest shows under the hub's batch in one trace).
// Sent over OTLP/HTTP when OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT is set
// (cloud-sync/config.ts); without either, no SDK is loaded and nothing is traced. The hub has its own
// copy of this small setup (hub/observability/): cloud-sync/ does not import the hub.
import {
  context,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

export interface CloudTracing {
  readonly tracer: Tracer;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export async function startCloudTracing(url: string): Promise<CloudTracing> {
  const [{ AsyncLocalStorageContextManager }, { OTLPTraceExporter }, { resourceFromAttributes }, sdk] =
    await Promise.all([
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace-base'),
    ]);
  // One context manager per process; a second setGlobal is refused by the API and changes nothing.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const provider = new sdk.BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'comanda-cloud' }),
    spanProcessors: [
      new sdk.BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 1000 }),
    ],
  });
  return {
    tracer: provider.getTracer('comanda-cloud'),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

const w3c = new W3CTraceContextPropagator();

export function startRequestSpan(
  tracer: Tracer,
  name: string,
  headers: Record<string, string | string[] | undefined>,
  attributes: Record<string, string>,
): { span: Span; ctx: Context } {
  const parent = w3c.extract(context.active(), headers, {
    keys: (c) => Object.keys(c),
    get: (c, key) => c[key],
  });
  const span = tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return { span, ctx: trace.setSpan(parent, span) };
}

export function endRequestSpan(span: Span, status: number): void {
  span.setAttribute('http.response.status_code', status);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
