// Read routes the apps need: menu, floor, a session with its check, kitchen tickets, the event log.
import { z } from 'zod';
import {
  floorViewSchema,
  kitchenTicketViewSchema,
  menuViewSchema,
  sessionDetailSchema,
  staffListSchema,
} from '../../../protocol/api-views.js';
import { eventEnvelopeSchema } from '../../../protocol/events/event.js';
import { AppError } from '../../../protocol/errors.js';
import { stationIdSchema } from '../../../protocol/domain-values.js';
import type { ReadDb } from '../../store/database.js';
import { readEventsAfter } from '../../store/event-log.js';
import { floorView, kitchenTicketsView, menuView, staffListView } from '../../store/queries/read-models.js';
import { sessionDetailView } from '../../store/queries/session-detail.js';
import { parseWith, type ApiRoute } from '../api-route.js';
import { publicEvent } from '../public-event.js';

const ALL_STAFF = ['ADMIN', 'MANAGER', 'WAITER', 'KITCHEN'] as const;
const FLOOR = ['ADMIN', 'MANAGER', 'WAITER'] as const;
const KITCHEN = ['ADMIN', 'MANAGER', 'KITCHEN', 'WAITER'] as const;
const MANAGERS = ['ADMIN', 'MANAGER'] as const;

const ticketsQuery = z.object({ station: stationIdSchema.optional() });
const eventsQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function readRoutes(db: ReadDb): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/menu',
      summary: 'The menu: categories, products with prices, allergens, modifiers and availability (86)',
      tags: ['reads'],
      roles: ALL_STAFF,
      response: menuViewSchema,
      errors: ['UNAUTHENTICATED'],
      handler: () => ({ body: menuView(db) }),
    },
    {
      method: 'GET',
      path: '/api/floor',
      summary:
        'Sectors and tables with their live state (FREE, SEATED, ORDERED, FOOD_READY, CHECK_REQUESTED, PAYING)',
      tags: ['reads'],
      roles: FLOOR,
      response: floorViewSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: () => ({ body: floorView(db) }),
    },
    {
      method: 'GET',
      path: '/api/sessions/:sessionId',
      summary: 'A table session: diners, rounds with items, the check, split, payments and open calls',
      tags: ['reads'],
      roles: FLOOR,
      response: sessionDetailSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
      handler: (req) => {
        const detail = sessionDetailView(db, req.params.sessionId ?? '');
        if (!detail) throw new AppError('NOT_FOUND', `session ${req.params.sessionId} not found`);
        return { body: detail };
      },
    },
    {
      method: 'GET',
      path: '/api/kitchen/tickets',
      summary: 'Open kitchen tickets (and those ready in the last 30 minutes), optionally for one station',
      tags: ['reads'],
      roles: KITCHEN,
      query: ticketsQuery,
      response: z.array(kitchenTicketViewSchema),
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN'],
      handler: (req) => {
        const q = parseWith(ticketsQuery, req.query, 'query');
        return { body: kitchenTicketsView(db, q.station ? { station: q.station } : {}) };
      },
    },
    {
      method: 'GET',
      path: '/api/staff',
      summary: 'Staff with roles and sector assignments',
      tags: ['admin'],
      roles: MANAGERS,
      response: staffListSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: () => ({ body: staffListView(db) }),
    },
    {
      method: 'GET',
      path: '/api/events',
      summary: 'The event log after a sequence number, oldest first (for support and replay)',
      tags: ['admin'],
      roles: MANAGERS,
      query: eventsQuery,
      response: z.object({
        events: z.array(eventEnvelopeSchema),
        lastSeq: z
          .number()
          .int()
          .describe(
            'The seq of the last event in this page (or `after` when empty): ask again with after=lastSeq.',
          ),
      }),
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN'],
      handler: (req) => {
        const q = parseWith(eventsQuery, req.query, 'query');
        // The same redaction as the live feed: a manager reading the log must not get PIN hashes.
        const events = readEventsAfter(db, q.after, q.limit).map(publicEvent);
        return { body: { events, lastSeq: events.length ? events[events.length - 1]!.seq : q.after } };
      },
    },
  ];
}
