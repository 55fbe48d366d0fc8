// POST /api/commands (any command) and POST /api/commands/<Type> (one documented route per command).
import { annotateActiveSpan } from '../../observability/tracing.js';
import { z } from 'zod';
import {
  COMMAND_TYPES,
  commandResultSchema,
  commandSchema,
  schemaOf,
  type CommandResult,
  type CommandType,
} from '../../../protocol/commands/command.js';
import { AppError, HTTP_STATUS } from '../../../protocol/errors.js';
import type { Actor } from '../../../protocol/events/event.js';
import { PERMISSIONS } from '../../domain/permissions.js';
import type { CommandBus } from '../../app/command-bus.js';
import { parseWith, type ApiRoute } from '../api-route.js';
import type { HttpReply, HttpRequest } from '../http-types.js';

const STAFF_ROLES = ['ADMIN', 'MANAGER', 'WAITER', 'KITCHEN'] as const;

/** Success is 200 with the result; a rejection is its code's status with `{code, message, details?}`. */
export function replyForResult(result: CommandResult): HttpReply {
  if (result.ok) return { status: 200, body: result };
  return { status: HTTP_STATUS[result.error.code], body: result.error };
}

async function run(bus: CommandBus, req: HttpRequest, actor: Actor, body: unknown): Promise<HttpReply> {
  const command = parseWith(commandSchema, body, 'command');
  if (!bus.accepting) throw new AppError('UNAVAILABLE', 'the hub is shutting down; try again in a moment');
  const result = await bus.execute(command, { actor, requestId: req.requestId });
  annotateActiveSpan({
    'comanda.command.type': command.type,
    'comanda.command.id': command.commandId,
    'comanda.command.outcome': result.ok ? 'ok' : result.error.code,
    ...(result.ok ? { 'comanda.event.seq': result.seq } : {}),
  });
  req.log.info(
    {
      commandId: command.commandId,
      type: command.type,
      ok: result.ok,
      ...(result.ok ? { seq: result.seq } : { code: result.error.code }),
    },
    'command',
  );
  return replyForResult(result);
}

function typedBodySchema(type: CommandType) {
  const full = schemaOf(type);
  return full.omit({ type: true });
}

/**
 * What a new user needs beyond the schema, for the commands a service runs on: what `data` holds, and the
 * rules that refuse a well-formed command (found by driving the hub with nothing but these docs).
 */
const COMMAND_NOTES: Partial<Record<CommandType, string>> = {
  OpenSession: 'Returns `data: { sessionId, tableId }`.',
  PlaceRound:
    "Returns `data: { roundId, roundNumber, status, ticketIds, itemIds }`. A line's `dinerId` must be a diner who " +
    "joined the table (JoinSession) and its `seat` at most the larger of the guest count and the diners' seats.",
  AddItem:
    'Returns `data: { roundId, roundNumber, itemId }` (the shared pending round is created on first use).',
  JoinSession:
    "Returns `data: { sessionId, dinerId, tableId, seat }`. `joinCode` is the table's (its QR code).",
  ApplyDiscount: '`value` is cents for AMOUNT, basis points for PERCENT (1500 = 15 %, at most 10000).',
  SplitCheck:
    "Returns `data: { totalCents, shares: [{ key, label, amountCents, items }] }`; a share's `key` is the `shareKey` " +
    'of RecordPayment. The split is also in GET /api/sessions/:id (`split`).',
  RecordPayment:
    'Returns `data: { paymentId, changeCents }`. The first payment freezes the check: the session becomes PAYING ' +
    'and takes no more orders, discounts or splits until the payments are refunded. The session closes with ' +
    'CloseSession once paid equals the total.',
  RefundPayment:
    '`paymentId` is in GET /api/sessions/:id (`payments`). A refund leaves its amount due again: take it again, or a ' +
    'manager voids the session.',
};

export function commandRoutes(bus: CommandBus): ApiRoute[] {
  const generic: ApiRoute = {
    method: 'POST',
    path: '/api/commands',
    summary: 'Run any command (the body names its type)',
    description:
      'The envelope is `{ commandId, type, payload, expectedVersion? }`. The command id is made by the client and is ' +
      'the idempotency key: sending the same id again returns the first result and changes nothing.',
    tags: ['commands'],
    roles: STAFF_ROLES,
    // The bus decides per command type which a kitchen screen may run (start, bump, recall).
    devices: ['KDS'],
    request: commandSchema,
    response: commandResultSchema,
    errors: [
      'INVALID',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'PAYLOAD_TOO_LARGE',
      'UNAVAILABLE',
    ],
    handler: (req, actor) => run(bus, req, actor!, req.body),
  };
  // Commands only the hub itself runs (the print worker's reports) get no route of their own.
  const typed = COMMAND_TYPES.filter(
    (type) => PERMISSIONS[type].roles.length > 0 || PERMISSIONS[type].public,
  ).map((type): ApiRoute => {
    const rule = PERMISSIONS[type];
    return {
      method: 'POST',
      path: `/api/commands/${type}`,
      summary: `${type}`,
      description:
        `Body: \`{ commandId, payload }\`. Allowed: ${rule.roles.join(', ')}` +
        (rule.sectorScoped ? ' (waiters only in their own sectors)' : '') +
        (rule.diner ? '; diners on their own table' : '') +
        (rule.kds ? '; a paired kitchen screen (KDS device token)' : '') +
        '.' +
        (COMMAND_NOTES[type] ? `\n\n${COMMAND_NOTES[type]}` : ''),
      tags: ['commands'],
      roles: rule.roles,
      ...(rule.kds ? { devices: ['KDS'] } : {}),
      request: typedBodySchema(type),
      response: commandResultSchema,
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE'],
      handler: (req, actor) => {
        const body = parseWith(z.object({}).passthrough(), req.body ?? {}, 'command');
        // The route names the command; a body that names another is a client mix-up, not a choice.
        if (body.type !== undefined && body.type !== type)
          throw new AppError(
            'INVALID',
            `this route runs ${type}; the body says type ${JSON.stringify(body.type)}`,
          );
        return run(bus, req, actor!, { ...body, type });
      },
    };
  });
  return [generic, ...typed];
}
