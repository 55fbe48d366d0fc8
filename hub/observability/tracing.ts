// Spans of the hub's work, on the OpenTelemetry API only: without a tracer provider (tracing-sdk.ts, loaded
// only when OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set) these cost nothing. A request's span continues a
// client's `traceparent`, and the relay's batches carry theirs to the cloud, so one trace goes from a
// tablet's tap to the cloud's ingest. The request id stays in every log line as before.
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

const w3c = new W3CTraceContextPropagator();
const headerGetter = {
  keys: (carrier: Record<string, string | undefined>) => Object.keys(carrier),
  get: (carrier: Record<string, string | undefined>, key: string) => carrier[key],
};

/** A server span for one HTTP request, continuing the caller's `traceparent` when it sent one. */
export function startServerSpan(
  tracer: Tracer,
  name: string,
  headers: Record<string, string | undefined>,
  attributes: Record<string, string | number>,
): { span: Span; ctx: Context } {
  const parent = w3c.extract(context.active(), headers, headerGetter);
  const span = tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return { span, ctx: trace.setSpan(parent, span) };
}

export function endServerSpan(span: Span, status: number): void {
  span.setAttribute('http.response.status_code', status);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/** The `traceparent` header for an outgoing call made inside `span`. */
export function traceHeaders(span: Span): Record<string, string> {
  const out: Record<string, string> = {};
  w3c.inject(trace.setSpan(context.active(), span), out, {
    set: (carrier, key, value) => {
      carrier[key] = value;
    },
  });
  return out;
}

/** Sets attributes on the span of the request being handled, if it is traced. */
export function annotateActiveSpan(attributes: Record<string, string | number | boolean>): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}
