// Cloud sync for managers: status, pairing, and the dead letters (list, inspect, requeue, purge).
import { z } from 'zod';
import { AppError } from '../../../protocol/errors.js';
import type { WriteDb } from '../../store/database.js';
import {
  listDeadLetters,
  purgeAllDeadLetters,
  purgeDeadLetter,
  requeueAllDeadLetters,
  requeueDeadLetter,
  showDeadLetter,
} from '../../sync/dead-letters.js';
import { pairingInputSchema } from '../../sync/sync-meta.js';
import type { SyncService } from '../../sync/sync-service.js';
import { syncStatusViewSchema } from '../../sync/sync-status.js';
import { parseWith, type ApiRoute } from '../api-route.js';

const MANAGERS = ['ADMIN', 'MANAGER'] as const;

const deadLetterSchema = z.object({
  eventSeq: z.number().int(),
  eventId: z.string(),
  eventType: z.string(),
  aggregateKey: z.string(),
  error: z.string(),
  attempts: z.number().int(),
  deadAt: z.string(),
  requestId: z.string().nullable(),
  parkedBehind: z.number().int(),
});
const actionSchema = z.object({ eventSeqs: z.array(z.number().int()), released: z.number().int() });
const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(500) });
const seqParam = z.object({ id: z.coerce.number().int().min(1) });

export interface SyncRouteDeps {
  /** Dead-letter actions write the outbox; the relay's own writes use the same single connection. */
  db: WriteDb;
  sync: SyncService;
}

export function syncRoutes(deps: SyncRouteDeps): ApiRoute[] {
  const { db, sync } = deps;
  const seqOf = (params: Record<string, string>) => parseWith(seqParam, params, 'path').id;
  const notFound = (seq: number) => new AppError('NOT_FOUND', `no dead letter for event seq ${seq}`);
  return [
    {
      method: 'GET',
      path: '/api/sync/status',
      summary: 'Cloud sync: pairing, backlog, lag, last success and error, dead letters, catalog version',
      tags: ['sync'],
      roles: MANAGERS,
      response: syncStatusViewSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: () => ({ body: sync.status() }),
    },
    {
      method: 'POST',
      path: '/api/sync/pair',
      summary: 'Pair the hub with a cloud (URL, hub id, key id and secret from the cloud operator)',
      description:
        'Replaces any earlier pairing (a rotated key is a re-pair); the outbox and catalog cursor are kept. Syncing starts at once.',
      tags: ['sync'],
      roles: ['ADMIN'],
      request: pairingInputSchema,
      response: syncStatusViewSchema,
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN'],
      handler: async (req) => ({ body: await sync.pair(parseWith(pairingInputSchema, req.body, 'body')) }),
    },
    {
      method: 'POST',
      path: '/api/sync/unpair',
      summary: 'Forget the cloud: the hub runs standalone, its outbox keeps every event for a later pairing',
      tags: ['sync'],
      roles: ['ADMIN'],
      response: z.object({ unpaired: z.boolean() }),
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: async () => ({ body: { unpaired: await sync.unpair() } }),
    },
    {
      method: 'GET',
      path: '/api/sync/dead-letters',
      summary: 'Events the cloud refused for good (or that failed too often), oldest first',
      tags: ['sync'],
      roles: MANAGERS,
      query: listQuery,
      response: z.array(deadLetterSchema),
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN'],
      handler: (req) => ({ body: listDeadLetters(db, parseWith(listQuery, req.query, 'query').limit) }),
    },
    {
      method: 'GET',
      path: '/api/sync/dead-letters/:id',
      summary: 'One dead letter with its whole event (id = the event seq)',
      tags: ['sync'],
      roles: MANAGERS,
      response: deadLetterSchema.extend({ event: z.record(z.string(), z.unknown()) }),
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
      handler: (req) => {
        const seq = seqOf(req.params);
        const found = showDeadLetter(db, seq);
        if (!found) throw notFound(seq);
        return { body: found };
      },
    },
    {
      method: 'POST',
      path: '/api/sync/dead-letters/:id/requeue',
      summary:
        'Send the event again (same event id, so the cloud still applies it once); its aggregate flows again',
      tags: ['sync'],
      roles: MANAGERS,
      response: actionSchema,
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
      handler: (req) => {
        const seq = seqOf(req.params);
        const done = requeueDeadLetter(db, seq);
        if (!done) throw notFound(seq);
        sync.kick();
        return { body: done };
      },
    },
    {
      method: 'POST',
      path: '/api/sync/dead-letters/requeue-all',
      summary: 'Requeue every dead letter',
      tags: ['sync'],
      roles: MANAGERS,
      response: actionSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: () => {
        const done = requeueAllDeadLetters(db);
        sync.kick();
        return { body: done };
      },
    },
    {
      method: 'DELETE',
      path: '/api/sync/dead-letters/:id',
      summary:
        'Purge a dead letter: the event stays in the hub log but is never sent; its aggregate flows again',
      tags: ['sync'],
      roles: ['ADMIN'],
      response: actionSchema,
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
      handler: (req) => {
        const seq = seqOf(req.params);
        const done = purgeDeadLetter(db, seq);
        if (!done) throw notFound(seq);
        sync.kick();
        return { body: done };
      },
    },
    {
      method: 'POST',
      path: '/api/sync/dead-letters/purge-all',
      summary: 'Purge every dead letter',
      tags: ['sync'],
      roles: ['ADMIN'],
      response: actionSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: () => {
        const done = purgeAllDeadLetters(db);
        sync.kick();
        return { body: done };
      },
    },
  ];
}
