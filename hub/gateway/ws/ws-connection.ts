// One live socket: the protocol state machine from `welcome` to close — subscribe with replay, commands,
// pings, rate limits — independent of the transport it runs on.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { commandSchema } from '../../../protocol/commands/command.js';
import { AppError, invalidFromZod, type ErrorCode } from '../../../protocol/errors.js';
import { PROTOCOL_VERSION } from '../../../protocol/version.js';
import { clientMessageSchema, WS_CLOSE, type ServerMessage } from '../../../protocol/ws-messages.js';
import type { Feed } from './feed-index.js';
import type { LiveCore } from './live-core.js';
import {
  allowedTopicPatterns,
  defaultTopics,
  normalizeTopics,
  principalView,
  type Principal,
} from './principal.js';
import { TokenBucket } from './rate-limiter.js';
import type { WsTransport } from './ws-transport.js';

type ResyncReason = Extract<ServerMessage, { type: 'resync' }>['reason'];

function sameIdentity(a: Principal, b: Principal): boolean {
  if (a.kind === 'staff' && b.kind === 'staff') return a.actor.staffId === b.actor.staffId;
  if (a.kind === 'diner' && b.kind === 'diner') return a.sessionId === b.sessionId && a.dinerId === b.dinerId;
  if (a.kind === 'device' && b.kind === 'device') return a.deviceId === b.deviceId;
  return false;
}

function samePermissions(a: Principal, b: Principal): boolean {
  if (a.kind !== 'staff' || b.kind !== 'staff') return true;
  return a.role === b.role && [...a.sectorIds].sort().join() === [...b.sectorIds].sort().join();
}

let connectionCounter = 0;
/** Short, unique per hub run; quoted by support when a device misbehaves. */
const nextConnectionId = () => `${Date.now().toString(36)}-${(++connectionCounter).toString(36)}`;

export class LiveConnection {
  readonly id = nextConnectionId();
  feed: Feed<LiveConnection> | undefined;
  topics: readonly string[] = [];
  closed = false;
  private pendingResync: ResyncReason | undefined;
  private inFlight = 0;
  private strikes = 0;
  private readonly bucket: TokenBucket;
  private logger: Logger | undefined;

  constructor(
    private readonly core: LiveCore,
    readonly transport: WsTransport,
    /** Replaced (same identity, fresh token) by an in-band `auth`. */
    public principal: Principal,
    readonly remoteAddress: string,
  ) {
    this.bucket = new TokenBucket(core.limits.rate);
  }

  /** Made on first use: a pino child per idle socket would cost more than the socket itself. */
  get log(): Logger {
    return (this.logger ??= this.core.logger.child({
      connectionId: this.id,
      principal: this.principal.kind,
    }));
  }

  send(message: ServerMessage): boolean {
    if (this.closed) return false;
    this.core.metrics?.wsMessagesOut.inc({ type: message.type });
    return this.transport.send(JSON.stringify(message)) !== 'dropped';
  }

  welcome(): void {
    const { limits, ring } = this.core;
    this.send({
      type: 'welcome',
      protocolVersion: PROTOCOL_VERSION,
      connectionId: this.id,
      principal: principalView(this.principal),
      allowedTopics: allowedTopicPatterns(this.principal),
      defaultTopics: defaultTopics(this.principal),
      lastSeq: ring.lastSeq,
      heartbeatSeconds: limits.heartbeatSeconds,
      maxMessageBytes: limits.maxMessageBytes,
    });
  }

  private error(
    code: ErrorCode,
    message: string,
    extra: { details?: unknown; commandId?: string } = {},
  ): void {
    this.send({ type: 'error', code, message, ...extra });
  }

  /** `text` is undefined for a binary frame. */
  onMessage(text: string | undefined): void {
    if (this.closed) return;
    if (!this.bucket.take()) {
      this.strikes++;
      this.core.metrics?.wsMessagesIn.inc({ type: 'rate_limited' });
      if (this.strikes > this.core.limits.maxRateStrikes)
        this.close(WS_CLOSE.policyViolation, 'too many messages');
      else if (this.strikes % 50 === 1)
        this.error('RATE_LIMITED', 'too many messages; slow down (frames dropped)');
      return;
    }
    if (text !== undefined && Buffer.byteLength(text) > this.core.limits.maxMessageBytes) {
      this.core.metrics?.wsMessagesIn.inc({ type: 'too_big' });
      return this.close(WS_CLOSE.messageTooBig, `message above ${this.core.limits.maxMessageBytes} bytes`);
    }
    if (text === undefined) {
      this.core.metrics?.wsMessagesIn.inc({ type: 'invalid' });
      return this.error('INVALID', 'binary frames are not accepted: send JSON text');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.core.metrics?.wsMessagesIn.inc({ type: 'invalid' });
      return this.error('INVALID', 'frame is not valid JSON');
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) {
      this.core.metrics?.wsMessagesIn.inc({ type: 'invalid' });
      const body = invalidFromZod(parsed.error, 'message').toBody();
      return this.error(body.code, body.message, { details: body.details });
    }
    const msg = parsed.data;
    this.core.metrics?.wsMessagesIn.inc({ type: msg.type });
    switch (msg.type) {
      case 'ping':
        this.send({ type: 'pong', lastSeq: this.core.ring.lastSeq, ...(msg.id ? { id: msg.id } : {}) });
        return;
      case 'subscribe':
        return this.subscribe(msg.topics ?? defaultTopics(this.principal), msg.afterSeq);
      case 'command':
        return this.command(msg.command);
      case 'auth':
        return this.reauth(msg.token);
    }
  }

  /**
   * Replay then live, in one synchronous step: the ring and the publishes both change only inside the
   * bus's post-commit listener, on this same thread, so nothing can be published between the last
   * replayed event and the subscribe — no gap — and nothing replayed is published again — no duplicate.
   */
  subscribe(requested: readonly string[], afterSeq: number | undefined): void {
    const forbidden = requested.filter((t) => !this.core.mayRead(this.principal, t));
    if (forbidden.length > 0) {
      return this.error('FORBIDDEN', `you may not read: ${forbidden.join(', ')}`, { details: { forbidden } });
    }
    const topics = normalizeTopics(requested);
    this.core.leaveFeed(this);
    this.pendingResync = undefined;
    const { ring } = this.core;
    const from = afterSeq ?? ring.lastSeq;
    if (from > ring.lastSeq) return this.resync('ahead-of-hub');
    if (from < ring.replayFloor) return this.resync('too-far-behind');
    const wanted = new Set(topics);
    let replayed = 0;
    let dropped = false;
    this.transport.cork(() => {
      for (const entry of ring.after(from)) {
        if (!entry.topics.some((t) => wanted.has(t))) continue;
        if (this.transport.send(entry.frame) === 'dropped') {
          dropped = true;
          break;
        }
        replayed++;
      }
      if (dropped) return;
      this.core.joinFeed(this, topics);
      this.send({ type: 'subscribed', topics, afterSeq: from, replayed, lastSeq: ring.lastSeq });
    });
    this.core.metrics?.wsMessagesOut.inc({ type: 'event' }, replayed);
    if (dropped) this.resync('backpressure');
  }

  /** Stops the live feed for this socket and tells the client to resubscribe (and reload if need be). */
  resync(reason: ResyncReason): void {
    this.core.leaveFeed(this);
    this.core.metrics?.wsResyncs.inc({ reason });
    this.log.info({ reason }, 'resync');
    const frame: ServerMessage = { type: 'resync', reason, lastSeq: this.core.ring.lastSeq };
    if (this.transport.send(JSON.stringify(frame)) === 'dropped') this.pendingResync = reason;
  }

  onDrain(): void {
    if (this.pendingResync && this.transport.bufferedAmount() < this.core.limits.softBackpressureBytes) {
      const reason = this.pendingResync;
      this.pendingResync = undefined;
      this.send({ type: 'resync', reason, lastSeq: this.core.ring.lastSeq });
    }
  }

  private command(raw: unknown): void {
    const commandId =
      raw && typeof raw === 'object' && typeof (raw as { commandId?: unknown }).commandId === 'string'
        ? ((raw as { commandId: string }).commandId as string).slice(0, 64)
        : undefined;
    const idField = commandId === undefined ? {} : { commandId };
    const parsed = commandSchema.safeParse(raw);
    if (!parsed.success) {
      const body = invalidFromZod(parsed.error, 'command').toBody();
      return this.error(body.code, body.message, { details: body.details, ...idField });
    }
    if (this.inFlight >= this.core.limits.maxInFlightCommands) {
      return this.error('RATE_LIMITED', 'too many commands waiting for an answer', idField);
    }
    const command = parsed.data;
    const requestId = randomUUID();
    const log = this.log.child({ requestId });
    this.inFlight++;
    this.core
      .execute(command, { actor: this.principal.actor, requestId })
      .then(
        (result) => {
          log.info(
            {
              commandId: command.commandId,
              type: command.type,
              ok: result.ok,
              ...(result.ok ? { seq: result.seq } : { code: result.error.code }),
            },
            'ws command',
          );
          this.transport.cork(() => this.send({ type: 'result', commandId: command.commandId, result }));
        },
        (err: unknown) => {
          const body =
            err instanceof AppError ? err.toBody() : { code: 'INTERNAL' as const, message: 'internal error' };
          if (!(err instanceof AppError))
            log.error({ err, commandId: command.commandId }, 'ws command failed');
          this.transport.cork(() => this.error(body.code, body.message, { commandId: command.commandId }));
        },
      )
      .finally(() => {
        this.inFlight--;
      });
  }

  /**
   * In-band re-auth: a fresh token for the same identity replaces the old one on this socket — feed,
   * stream position and pending commands untouched. A token for someone else is refused (reconnect
   * with it instead); the same staff member with other sectors or role reconnects (4010) so the new
   * `welcome` states the new permissions.
   */
  private reauth(token: string): void {
    this.core.reauthenticate(token).then(
      (next) => {
        if (this.closed) return;
        // Read now, not when the frame came: two `auth` frames in flight must not leave a stale key behind.
        const before = this.principal;
        if (!sameIdentity(before, next)) {
          return this.error('FORBIDDEN', 'that token is for someone else: open a new connection with it');
        }
        if (!samePermissions(before, next)) {
          return this.close(WS_CLOSE.permissionsChanged, 'permissions changed; reconnect');
        }
        this.principal = next;
        this.core.rekey(this, before);
        this.log.info({ expiresAt: next.kind === 'staff' ? next.expiresAt : null }, 're-authenticated');
        this.send({ type: 'authenticated', expiresAt: next.kind === 'staff' ? next.expiresAt : null });
      },
      (err: unknown) => {
        if (this.closed) return;
        const body =
          err instanceof AppError
            ? err.toBody()
            : { code: 'UNAUTHENTICATED' as const, message: 'token refused' };
        // The socket goes on with its current token until that expires.
        this.error('UNAUTHENTICATED', body.message);
      },
    );
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.transport.end(code, reason);
  }

  /** Called by the adapter once the socket is gone; the transport must not be used after this. */
  onClosed(): void {
    this.closed = true;
    this.core.forget(this);
  }
}
