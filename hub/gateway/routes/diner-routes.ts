// The diner app's HTTP routes, authenticated by the diner table token (not a staff login): the table
// behind a join code, the menu, the diner's own session (shared cart, rounds, check, calls), and the
// commands a diner may run. A diner reaches only their own session: another session is 404, a staff
// route is refused by its role check.
import { z } from 'zod';
import { menuViewSchema } from '../../../protocol/api-views.js';
import { commandResultSchema, commandSchema } from '../../../protocol/commands/command.js';
import { dinerSessionViewSchema, dinerTableViewSchema } from '../../../protocol/diner-api.js';
import { AppError } from '../../../protocol/errors.js';
import type { Actor } from '../../../protocol/events/event.js';
import { PERMISSIONS } from '../../domain/permissions.js';
import type { DinerClaims, DinerTokenService } from '../../app/auth/diner-token-service.js';
import type { HubDatabase } from '../../store/database.js';
import { dinerSessionView, dinerTableView } from '../../store/queries/diner-session.js';
import { menuView } from '../../store/queries/read-models.js';
import { bearerToken, parseWith, type ApiRoute } from '../api-route.js';
import type { HttpRequest } from '../http-types.js';
import type { JoinGuard } from '../ws/join-guard.js';
import type { LiveBus } from '../ws/live-core.js';
import { replyForResult } from './command-routes.js';

export interface DinerRouteDeps {
  db: HubDatabase;
  bus: LiveBus;
  diners: DinerTokenService;
  joinGuard: JoinGuard;
}

const DINER_AUTH = 'Needs the diner table token from `POST /api/diner/join` (`Authorization: Bearer`).';
const joinCodeParam = z.string().regex(/^[A-Z0-9]{6}$/);

async function dinerOf(req: HttpRequest, diners: DinerTokenService): Promise<DinerClaims> {
  const token = bearerToken(req);
  if (!token) throw new AppError('UNAUTHENTICATED', 'missing table token: scan the QR code to join');
  return diners.verify(token);
}

function ownSession(deps: DinerRouteDeps, claims: DinerClaims) {
  const view = dinerSessionView(deps.db.read, claims.sessionId, claims.dinerId);
  if (!view) throw new AppError('NOT_FOUND', 'your table session was not found: scan the QR code again');
  return view;
}

export function dinerRoutes(deps: DinerRouteDeps): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/diner/tables/:joinCode',
      summary: 'The table and restaurant a QR join code is for, and whether a waiter has seated it yet',
      description: 'Public, and rate limited with joining.',
      tags: ['diner'],
      response: dinerTableViewSchema,
      errors: ['INVALID', 'NOT_FOUND', 'RATE_LIMITED'],
      handler: (req) => {
        const code = parseWith(joinCodeParam, req.params.joinCode, 'joinCode');
        const limited = deps.joinGuard.check(req.remoteAddress, code);
        if (limited) return limited;
        const view = dinerTableView(deps.db.read, code);
        if (!view) throw new AppError('NOT_FOUND', 'no table has this code');
        return { body: view };
      },
    },
    {
      method: 'GET',
      path: '/api/diner/menu',
      summary:
        "The menu of the diner's restaurant: categories, products, allergens, prices, availability (86)",
      description: DINER_AUTH,
      tags: ['diner'],
      ownToken: true,
      response: menuViewSchema,
      errors: ['UNAUTHENTICATED'],
      handler: async (req) => {
        await dinerOf(req, deps.diners);
        return { body: menuView(deps.db.read) };
      },
    },
    {
      method: 'GET',
      path: '/api/diner/session',
      summary: "The diner's own table session: shared cart, rounds with who added each line, check, calls",
      description: DINER_AUTH,
      tags: ['diner'],
      ownToken: true,
      response: dinerSessionViewSchema,
      errors: ['UNAUTHENTICATED', 'NOT_FOUND'],
      handler: async (req) => ({ body: ownSession(deps, await dinerOf(req, deps.diners)) }),
    },
    {
      method: 'GET',
      path: '/api/diner/sessions/:sessionId',
      summary: 'The same as /api/diner/session, by id; any session but the diner’s own is 404',
      description: DINER_AUTH,
      tags: ['diner'],
      ownToken: true,
      response: dinerSessionViewSchema,
      errors: ['UNAUTHENTICATED', 'NOT_FOUND'],
      handler: async (req) => {
        const claims = await dinerOf(req, deps.diners);
        // Another table's session is not even confirmed to exist.
        if (req.params.sessionId !== claims.sessionId)
          throw new AppError('NOT_FOUND', `session ${req.params.sessionId} not found`);
        return { body: ownSession(deps, claims) };
      },
    },
    {
      method: 'POST',
      path: '/api/diner/commands',
      summary: 'Run a command as the diner: AddItem, UpdateItem, RemoveItem, SubmitRound, service calls…',
      description:
        `${DINER_AUTH} The same envelope and idempotency as \`POST /api/commands\`; only the commands a diner ` +
        'may run, and only on their own session (another session answers NOT_FOUND).',
      tags: ['diner'],
      ownToken: true,
      request: commandSchema,
      response: commandResultSchema,
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE'],
      handler: async (req) => {
        const claims = await dinerOf(req, deps.diners);
        const command = parseWith(commandSchema, req.body, 'command');
        if (!PERMISSIONS[command.type].diner) {
          throw new AppError('FORBIDDEN', `a diner may not run ${command.type}`);
        }
        if (!deps.bus.accepting)
          throw new AppError('UNAVAILABLE', 'the hub is restarting; try again in a moment');
        const actor: Actor = { kind: 'diner', sessionId: claims.sessionId, dinerId: claims.dinerId };
        const result = await deps.bus.execute(command, { actor, requestId: req.requestId });
        req.log.info({ commandId: command.commandId, type: command.type, ok: result.ok }, 'diner command');
        return replyForResult(result);
      },
    },
  ];
}
