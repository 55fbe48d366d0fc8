// The live LAN protocol: every frame a client may send on /ws and every frame the hub sends back.
// One zod schema per message, gathered into two discriminated unions on `type`. docs/PROTOCOL.md is
// checked against these schemas by a test, so third-party kitchen screens can rely on it.
import { z } from 'zod';
import { commandResultSchema } from './commands/command.js';
import { errorCodeSchema } from './errors.js';
import { eventEnvelopeSchema } from './events/event.js';
import { stationIdSchema } from './domain-values.js';

/** The path of the WebSocket endpoint, on the hub's HTTP port. */
export const WS_PATH = '/ws';

/**
 * Topic names. What each may carry and who may read it is in docs/PROTOCOL.md ("Topics").
 *   admin              every event of the branch (ADMIN, MANAGER)
 *   expo               every kitchen ticket of every station
 *   kitchen:<station>  kitchen tickets of one station
 *   sector:<sectorId>  tables, sessions, rounds, tickets and calls of one floor sector
 *   session:<id>       one table session (what its diners see)
 *   menu               catalog, prices, availability (86) and branch settings; everyone
 */
export const topicSchema = z.union([
  z.literal('admin'),
  z.literal('expo'),
  z.literal('menu'),
  z.templateLiteral(['kitchen:', z.string().regex(/^[a-z0-9_-]{1,32}$/)]),
  z.templateLiteral(['sector:', z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]),
  z.templateLiteral(['session:', z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]),
]);
export type Topic = z.infer<typeof topicSchema>;

export const TOPIC_KINDS = ['admin', 'expo', 'menu', 'kitchen', 'sector', 'session'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export const topic = {
  admin: 'admin',
  expo: 'expo',
  menu: 'menu',
  kitchen: (station: string) => `kitchen:${station}` as const,
  sector: (sectorId: string) => `sector:${sectorId}` as const,
  session: (sessionId: string) => `session:${sessionId}` as const,
} as const;

export function topicKind(t: string): TopicKind | undefined {
  const kind = t.split(':', 1)[0];
  return (TOPIC_KINDS as readonly string[]).includes(kind ?? '') ? (kind as TopicKind) : undefined;
}

// ---------- client → hub ----------

/** Start (or change) the live feed. `afterSeq`: the last sequence seen; the hub replays what came after. */
export const subscribeMessageSchema = z
  .object({
    type: z.literal('subscribe'),
    /** Omitted: the default topics of whoever is connected (its station, its sectors, its session). */
    topics: z.array(topicSchema).min(1).max(64).optional(),
    /** Omitted: live from now, no replay. */
    afterSeq: z.number().int().min(0).optional(),
  })
  .strict();

/** A command, the same envelope as `POST /api/commands`; the reply carries the same `commandId`. */
export const commandMessageSchema = z
  .object({
    type: z.literal('command'),
    command: z.unknown(),
  })
  .strict();

/** Application-level heartbeat for clients that cannot see WebSocket pings (browsers). */
export const pingMessageSchema = z
  .object({ type: z.literal('ping'), id: z.string().max(64).optional() })
  .strict();

/**
 * A fresh token for this open socket (in-band re-auth): sent before the old one expires, it keeps the
 * socket, its feed and its place in the stream; no reconnect. It must name the same staff member,
 * diner or device.
 */
export const authMessageSchema = z
  .object({ type: z.literal('auth'), token: z.string().min(1).max(4096) })
  .strict();

export const clientMessageSchema = z.discriminatedUnion('type', [
  subscribeMessageSchema,
  commandMessageSchema,
  pingMessageSchema,
  authMessageSchema,
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

// ---------- hub → client ----------

export const principalViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    staffId: z.string(),
    role: z.enum(['ADMIN', 'MANAGER', 'WAITER', 'KITCHEN']),
    sectorIds: z.array(z.string()),
  }),
  z.object({ kind: z.literal('diner'), sessionId: z.string(), dinerId: z.string() }),
  z.object({
    kind: z.literal('device'),
    deviceId: z.string(),
    deviceKind: z.string(),
    station: stationIdSchema.nullable(),
  }),
]);

/** First frame after the upgrade: who the hub thinks you are and what you may read. */
export const welcomeMessageSchema = z.object({
  type: z.literal('welcome'),
  protocolVersion: z.number().int(),
  connectionId: z.string(),
  principal: principalViewSchema,
  /** Topics this connection may subscribe to; `kitchen:*`, `sector:*` and `session:*` are patterns. */
  allowedTopics: z.array(z.string()),
  defaultTopics: z.array(z.string()),
  lastSeq: z.number().int().min(0),
  /** The hub pings every this many seconds; a connection silent for 2 intervals is closed. */
  heartbeatSeconds: z.number().int(),
  maxMessageBytes: z.number().int(),
});

/** Replay is done; every later `event` is live. `lastSeq` is the hub's last sequence at that moment. */
export const subscribedMessageSchema = z.object({
  type: z.literal('subscribed'),
  topics: z.array(z.string()),
  afterSeq: z.number().int().min(0),
  replayed: z.number().int().min(0),
  lastSeq: z.number().int().min(0),
});

/** One event of the log. `seq` is the hub's global sequence: strictly increasing on one connection. */
export const eventMessageSchema = z.object({
  type: z.literal('event'),
  seq: z.number().int().min(1),
  event: eventEnvelopeSchema,
});

/** The reply to a `command` frame. */
export const resultMessageSchema = z.object({
  type: z.literal('result'),
  commandId: z.string(),
  result: commandResultSchema,
});

/**
 * The live feed stopped for this connection: reload state over HTTP, then subscribe again with
 * `afterSeq: lastSeq`. Sent when the client is too far behind for a replay, or fell behind live
 * (over its backpressure limit), so it never slows anyone else down.
 */
export const resyncMessageSchema = z.object({
  type: z.literal('resync'),
  reason: z.enum(['too-far-behind', 'backpressure', 'ahead-of-hub']),
  lastSeq: z.number().int().min(0),
});

export const errorMessageSchema = z.object({
  type: z.literal('error'),
  code: errorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
  /** Set when the error answers a command frame that named its id. */
  commandId: z.string().optional(),
});

export const pongMessageSchema = z.object({
  type: z.literal('pong'),
  id: z.string().optional(),
  lastSeq: z.number().int().min(0),
});

/** The answer to `auth`: the socket now runs on the new token, until `expiresAt`. */
export const authenticatedMessageSchema = z.object({
  type: z.literal('authenticated'),
  /** Epoch seconds when the new token expires; null for tokens without an expiry (diners, devices). */
  expiresAt: z.number().int().nullable(),
});

export const serverMessageSchema = z.discriminatedUnion('type', [
  welcomeMessageSchema,
  subscribedMessageSchema,
  eventMessageSchema,
  resultMessageSchema,
  resyncMessageSchema,
  errorMessageSchema,
  pongMessageSchema,
  authenticatedMessageSchema,
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type WelcomeMessage = z.infer<typeof welcomeMessageSchema>;
export type PrincipalView = z.infer<typeof principalViewSchema>;

/** WebSocket close codes the hub uses, with the reason text sent alongside. */
export const WS_CLOSE = {
  /** Standard: the hub is shutting down. */
  goingAway: 1001,
  /** Standard: a binary frame; the protocol is JSON text. */
  unsupportedData: 1003,
  /** Standard: too many messages (rate limit), after repeated warnings. */
  policyViolation: 1008,
  /** Standard: frame larger than `maxMessageBytes`. */
  messageTooBig: 1009,
  /** Token revoked or expired, staff disabled, diner's session closed: sign in again. */
  revoked: 4001,
  /** The connection's permissions changed (sectors reassigned): reconnect and resume. */
  permissionsChanged: 4010,
} as const;
