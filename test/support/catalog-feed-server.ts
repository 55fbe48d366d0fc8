// A small signed server that speaks the catalog feed contract (protocol/sync/catalog-feed.ts) and a minimal
// ingest that applies everything, for tests of the hub's catalog puller without the real cloud. It checks
// signatures like the cloud does (same canonical request, ±5 min window), so a hub that signs wrongly fails.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CATALOG_CHANGES_PATH,
  CATALOG_SNAPSHOT_PATH,
  MAX_CATALOG_CHANGES,
  type CatalogChange,
  type CatalogSnapshot,
} from '../../protocol/sync/catalog-feed.js';
import { INGEST_PATH, type HubReport, type IngestBatch } from '../../protocol/sync/ingest-batch.js';
import {
  computeSignature,
  deriveSigningKey,
  SIGNATURE_WINDOW_MS,
  SIGNING_HEADERS,
} from '../../protocol/sync/request-signing.js';

export interface FeedServer {
  readonly url: string;
  readonly keyId: string;
  readonly secret: string;
  readonly hubId: string;
  /** The branch's change log; tests push to it. */
  changes: CatalogChange[];
  /** Changes at or below this version are forgotten: a hub asking from before it must refetch. */
  oldestKept: number;
  snapshot: CatalogSnapshot;
  /** Answer must_refetch to every changes request (a confused cloud). */
  alwaysRefetch: boolean;
  readonly requests: { changes: number; snapshot: number; ingest: number; badSignatures: number };
  /** Hub reports received with ingest batches. */
  readonly reports: HubReport[];
  close(): Promise<void>;
}

const BRANCH = 'branch-demo';

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startFeedServer(): Promise<FeedServer> {
  const keyId = 'ck_feedtest';
  const secret = 'cks_feed-test-secret-0123456789';
  const signingKey = await deriveSigningKey(secret);
  const state: FeedServer = {
    url: '',
    keyId,
    secret,
    hubId: 'hub-feed-test',
    changes: [],
    oldestKept: 0,
    snapshot: { branchId: BRANCH, version: 0, commands: [] },
    alwaysRefetch: false,
    requests: { changes: 0, snapshot: 0, ingest: 0, badSignatures: 0 },
    reports: [],
    close: async () => {},
  };

  const verified = async (req: IncomingMessage, path: string, raw: Buffer): Promise<boolean> => {
    const h = (name: string) => String(req.headers[name] ?? '');
    const ts = Number(h(SIGNING_HEADERS.timestamp));
    if (h(SIGNING_HEADERS.keyId) !== keyId || Math.abs(ts - Date.now()) > SIGNATURE_WINDOW_MS) return false;
    const expected = await computeSignature(
      signingKey,
      { method: req.method ?? '', path, keyId, timestampMs: ts, nonce: h(SIGNING_HEADERS.nonce) },
      raw,
    );
    return expected === h(SIGNING_HEADERS.signature);
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const raw = await body(req);
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (!(await verified(req, url.pathname, raw))) {
        state.requests.badSignatures++;
        return send(401, {
          code: 'UNAUTHENTICATED',
          message: 'bad signature',
          details: { reason: 'BAD_SIGNATURE' },
        });
      }
      if (req.method === 'GET' && url.pathname === CATALOG_CHANGES_PATH) {
        state.requests.changes++;
        const since = Number(url.searchParams.get('since'));
        const head = state.changes.at(-1)?.version ?? state.snapshot.version;
        if (state.alwaysRefetch || since < state.oldestKept || since > head)
          return send(200, {
            status: 'must_refetch',
            branchId: BRANCH,
            headVersion: head,
            reason: 'history trimmed',
          });
        const after = state.changes.filter((c) => c.version > since);
        const page = after.slice(0, Math.min(MAX_CATALOG_CHANGES, 2));
        return send(200, {
          status: 'changes',
          branchId: BRANCH,
          changes: page,
          headVersion: head,
          upToDate: page.length === after.length,
        });
      }
      if (req.method === 'GET' && url.pathname === CATALOG_SNAPSHOT_PATH) {
        state.requests.snapshot++;
        return send(200, state.snapshot);
      }
      if (req.method === 'POST' && url.pathname === INGEST_PATH) {
        state.requests.ingest++;
        const batch = JSON.parse(raw.toString('utf8')) as IngestBatch;
        state.reports.push(batch.hub);
        return send(200, {
          batchId: batch.batchId,
          results: batch.events.map((e) => ({ eventId: e.id, seq: e.seq, status: 'applied' })),
          highestContiguousSeq: batch.events.at(-1)?.seq ?? batch.prevSeq,
        });
      }
      send(404, { code: 'NOT_FOUND', message: 'no such route' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return state;
}
