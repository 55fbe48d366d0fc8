// OpenTelemetry traces from a real hub and a real cloud to a real OTLP/HTTP endpoint (a small receiver
// here, as a collector would be): a tablet's traceparent is continued by the hub's request span, and a
// relay batch's span is the parent of the cloud's ingest span, in the same trace.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCloudTracing } from '../cloud-sync/observability/tracing.js';
import { DB_TARGETS } from '../cloud-sync/test-support/db-targets.js';
import { startTracing } from '../hub/observability/tracing-sdk.js';
import { startSyncCloud } from './support/sync-cloud.js';
import { eventually, startSyncHub } from './support/sync-hub.js';

interface ReceivedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

const spans: ReceivedSpan[] = [];
let receiver: Server;
let url: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: Array<{
          resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
          scopeSpans: Array<{
            spans: Array<{
              name: string;
              traceId: string;
              spanId: string;
              parentSpanId?: string;
              attributes: Array<{ key: string; value: Record<string, unknown> }>;
            }>;
          }>;
        }>;
      };
      for (const rs of body.resourceSpans) {
        const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        for (const ss of rs.scopeSpans)
          for (const s of ss.spans)
            spans.push({
              service,
              name: s.name,
              traceId: s.traceId,
              spanId: s.spanId,
              ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
              attributes: Object.fromEntries(s.attributes.map((a) => [a.key, Object.values(a.value)[0]])),
            });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/traces`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe('traces over OTLP', () => {
  it('follow a tablet’s request into the hub, and a relay batch into the cloud', async () => {
    const hubTracing = startTracing('comanda-hub', url);
    const cloudTracing = await startCloudTracing(url);
    const cloud = await startSyncCloud(DB_TARGETS[0]!, { tracing: cloudTracing });
    const hub = await startSyncHub({ tracing: hubTracing });
    try {
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const parentId = '00f067aa0ba902b7';
      const r = await fetch(`http://127.0.0.1:${hub.hub.port}/api/commands/OpenSession`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${hub.adminToken}`,
          'content-type': 'application/json',
          traceparent: `00-${traceId}-${parentId}-01`,
        },
        body: JSON.stringify({ commandId: 'traced-open-1', payload: { tableId: 'table-1', guests: 2 } }),
      });
      expect(r.status).toBe(200);
      const paired = await hub.api('/api/sync/pair', {
        body: { url: cloud.url, hubId: cloud.key.hubId, keyId: cloud.key.keyId, secret: cloud.key.secret },
      });
      expect(paired.status).toBe(200);
      await eventually(() => hub.outboxSize() === 0, 'the outbox to drain');
      await hubTracing.flush();
      await cloudTracing.flush();

      const request = spans.find((s) => s.name === 'POST /api/commands/OpenSession');
      expect(request).toMatchObject({
        service: 'comanda-hub',
        traceId,
        parentSpanId: parentId,
        attributes: {
          'comanda.command.type': 'OpenSession',
          'comanda.command.id': 'traced-open-1',
          'comanda.command.outcome': 'ok',
          'http.response.status_code': 200,
        },
      });
      expect(request!.attributes['comanda.request_id']).toBe(r.headers.get('x-request-id'));

      const batch = spans.find((s) => s.service === 'comanda-hub' && s.name === 'sync batch');
      expect(batch).toBeDefined();
      const ingest = spans.find((s) => s.service === 'comanda-cloud' && s.parentSpanId === batch!.spanId);
      expect(ingest).toMatchObject({
        traceId: batch!.traceId,
        attributes: { 'http.response.status_code': 200 },
      });
      expect(ingest!.name).toMatch(/^POST \/v1\//);
    } finally {
      await hub.stop();
      await cloud.close();
      await hubTracing.shutdown();
      await cloudTracing.shutdown();
    }
  }, 60_000);
});
