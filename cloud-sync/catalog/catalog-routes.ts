// Catalog routes: the hub-facing feed (signed exactly like POST /v1/ingest) and the owner's menu editor.
import { z } from 'zod';
import { AppError, invalidFromZod } from '../../protocol/errors.js';
import { CATALOG_CHANGES_PATH, CATALOG_SNAPSHOT_PATH } from '../../protocol/sync/catalog-feed.js';
import { findKey } from '../auth/hub-keys.js';
import type { NonceStore } from '../auth/nonce-store.js';
import { verifySignedRequest, type VerifiedHub } from '../auth/verify-request.js';
import type { Clock } from '../clock.js';
import type { CloudDatabases } from '../db/cloud-db.js';
import type { CloudHttpServer, CloudRequest } from '../http/http-server.js';
import { requireAccount, requireOwnerRole, requireSameOriginJson } from '../owner/owner-auth.js';
import { parseJsonBody } from '../owner/owner-routes.js';
import { catalogEditorView } from './catalog-editor-view.js';
import { applyCatalogEdit, type AppliedEdit } from './catalog-edits.js';
import { catalogChangesSince, catalogSnapshot } from './catalog-feed.js';
import { catchUpCatalog } from './catalog-ingest-tail.js';

export interface CatalogRouteDeps {
  dbs: CloudDatabases;
  nonces: NonceStore;
  clock: Clock;
  /** Told after each owner edit commits (live updates for every dashboard of the tenant). */
  onEdit?: (tenantId: string, edit: AppliedEdit) => void;
  /** Counts hub signature failures by reason, like ingest. */
  onAuthFailure?: (reason: string) => void;
}

const sinceSchema = z.object({ since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

export function registerCatalogRoutes(server: CloudHttpServer, deps: CatalogRouteDeps): void {
  const { dbs, clock } = deps;

  async function hubOf(req: CloudRequest): Promise<VerifiedHub> {
    let hub: VerifiedHub;
    try {
      hub = await verifySignedRequest(
        { method: req.method, path: req.path, headers: req.headers, rawBody: req.rawBody },
        { findKey: (keyId) => findKey(dbs.write, keyId), nonces: deps.nonces, clock },
      );
    } catch (err) {
      if (err instanceof AppError)
        deps.onAuthFailure?.(String((err.details as { reason?: string } | undefined)?.reason));
      throw err;
    }
    // A hub with nothing to upload still polls the feed (every 30 s): that is contact too, so the
    // owner's overview shows an idle hub as online rather than waiting for its next batch.
    await dbs.write.query(
      'UPDATE hub_status SET last_seen_at = GREATEST(last_seen_at, $2::timestamptz) WHERE hub_id = $1',
      [hub.hubId, new Date(clock.nowMs()).toISOString()],
    );
    return hub;
  }

  server.route('GET', CATALOG_CHANGES_PATH, async (req) => {
    const hub = await hubOf(req);
    const q = sinceSchema.safeParse(req.query);
    if (!q.success) throw invalidFromZod(q.error, 'query');
    // The feed is read from the primary: a lagging replica could answer "ahead of the head" and force a
    // needless full reload.
    return { body: await catalogChangesSince(dbs.write, hub.branchId, q.data.since) };
  });

  server.route('GET', CATALOG_SNAPSHOT_PATH, async (req) => {
    const hub = await hubOf(req);
    await catchUpCatalog(dbs.write, hub.branchId);
    return { body: await catalogSnapshot(dbs.write, hub.branchId) };
  });

  // The editor reads the primary too: an owner must see the change they just made.
  server.route('GET', '/v1/owner/catalog/:branchId', async (req) => {
    const me = await requireAccount(dbs.write, req, clock);
    const branchId = req.params.branchId ?? '';
    const owned = await dbs.write.query('SELECT 1 FROM branches WHERE id = $1 AND tenant_id = $2', [
      branchId,
      me.tenantId,
    ]);
    if (owned.length === 0) throw new AppError('NOT_FOUND', `no branch ${branchId}`);
    await catchUpCatalog(dbs.write, branchId);
    const view = await catalogEditorView(dbs.write, me.tenantId, branchId);
    if (view === undefined) throw new AppError('NOT_FOUND', `no branch ${branchId}`);
    return { body: view, headers: { 'cache-control': 'no-store' } };
  });

  server.route('POST', '/v1/owner/catalog/:branchId/changes', async (req) => {
    requireSameOriginJson(req);
    const me = await requireAccount(dbs.write, req, clock);
    requireOwnerRole(me);
    const branchId = req.params.branchId ?? '';
    const owned = await dbs.write.query('SELECT 1 FROM branches WHERE id = $1 AND tenant_id = $2', [
      branchId,
      me.tenantId,
    ]);
    if (owned.length === 0) throw new AppError('NOT_FOUND', `no branch ${branchId}`);
    await catchUpCatalog(dbs.write, branchId);
    const applied = await applyCatalogEdit(
      dbs.write,
      { branchId, edit: parseJsonBody(req), madeBy: me.email },
      clock,
    );
    req.log.info(
      { branchId, version: applied.version, type: applied.type, accountId: me.accountId },
      'catalog change',
    );
    deps.onEdit?.(me.tenantId, applied);
    return { body: applied };
  });
}
