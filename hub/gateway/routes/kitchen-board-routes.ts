// GET /api/kitchen/board: what a kitchen display needs to draw itself, for a signed-in cook or for a
// paired kitchen screen (a `cdv_` device token). The router lets staff tokens only through routes
// with roles, so this route checks its token itself: a KDS device gets its own station's board.
import { AppError } from '../../../protocol/errors.js';
import { kitchenBoardQuerySchema, kitchenBoardViewSchema } from '../../../protocol/kitchen-board-api.js';
import { createDeviceTokenService, isDeviceToken } from '../../app/auth/device-token-service.js';
import type { HubDatabase } from '../../store/database.js';
import { kitchenBoardView } from '../../store/queries/kitchen-board.js';
import { authenticate, bearerToken, parseWith, type ApiRoute, type Authenticator } from '../api-route.js';

const KITCHEN_ROLES: readonly string[] = ['ADMIN', 'MANAGER', 'KITCHEN', 'WAITER'];

export function kitchenBoardRoutes(deps: { db: HubDatabase; auth: Authenticator }): ApiRoute[] {
  const devices = createDeviceTokenService(deps.db);
  return [
    {
      method: 'GET',
      path: '/api/kitchen/board',
      summary: 'The kitchen board: open tickets, held courses and the last event sequence, in one snapshot',
      description:
        'Needs `Authorization: Bearer` with a staff token (ADMIN, MANAGER, KITCHEN, WAITER) or a paired KDS ' +
        "device token (`cdv_…`), which always gets its own station's board. Subscribe to `/ws` with " +
        '`afterSeq` = `lastSeq` to follow it live.',
      tags: ['reads'],
      ownToken: true,
      query: kitchenBoardQuerySchema,
      response: kitchenBoardViewSchema,
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN'],
      handler: async (req) => {
        const q = parseWith(kitchenBoardQuerySchema, req.query, 'query');
        const token = bearerToken(req);
        if (token && isDeviceToken(token)) {
          const device = devices.verify(token);
          if (device.kind !== 'KDS')
            throw new AppError('FORBIDDEN', 'only a kitchen screen (KDS) reads the board');
          const station = device.station ?? q.station ?? null;
          return { body: kitchenBoardView(deps.db.read, station) };
        }
        const actor = await authenticate(req, deps.auth);
        if (actor.kind !== 'staff' || !KITCHEN_ROLES.includes(actor.role)) {
          throw new AppError('FORBIDDEN', `this needs one of: ${KITCHEN_ROLES.join(', ')} or a KDS device`);
        }
        return { body: kitchenBoardView(deps.db.read, q.station ?? null) };
      },
    },
  ];
}
