// The live LAN feed, independent of the socket library: connections, feeds, the replay ring, the
// post-commit publish, backpressure → resync, revocation and device presence.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Command, CommandResult } from '../../../protocol/commands/command.js';
import type { EventEnvelope } from '../../../protocol/events/event.js';
import { WS_CLOSE } from '../../../protocol/ws-messages.js';
import type { CommandMeta } from '../../app/command-bus.js';
import type { HubDatabase } from '../../store/database.js';
import { topicsOf } from '../../store/event-topics.js';
import { sectorOfSession } from '../../store/live-lookups.js';
import type { HubMetrics } from '../../observability/metrics.js';
import { EventRing } from './event-ring.js';
import { FeedIndex, type Feed } from './feed-index.js';
import { mayRead, principalKeys, type Principal, type PrincipalKind } from './principal.js';
import { LiveConnection } from './ws-connection.js';
import { DEFAULT_LIVE_LIMITS, type LiveLimits } from './ws-options.js';
import type { FeedPublisher, WsTransport } from './ws-transport.js';
import { eventFrame } from './wire-event.js';

export interface LiveBus {
  subscribe(listener: (events: readonly EventEnvelope[]) => void): () => void;
  execute(command: Command, meta: CommandMeta): Promise<CommandResult>;
  readonly accepting: boolean;
}

export interface LiveCoreOptions {
  db: HubDatabase;
  bus: LiveBus;
  logger: Logger;
  metrics?: HubMetrics;
  publisher: FeedPublisher;
  limits?: Partial<LiveLimits>;
  /** Told of every revocation key, before the matching sockets close (the upgrade cache forgets it). */
  onRevoke?: (key: string) => void;
  /** Resolves a token as the upgrade does; without it, in-band re-auth (`auth` frames) is refused. */
  authenticate?: (token: string) => Promise<Principal>;
}

const SESSION_ENDS = new Set(['SessionClosed', 'SessionVoided']);

export class LiveCore {
  readonly limits: LiveLimits;
  readonly ring: EventRing;
  readonly logger: Logger;
  readonly metrics: HubMetrics | undefined;
  private readonly feeds = new FeedIndex<LiveConnection>();
  private readonly connections = new Set<LiveConnection>();
  private readonly byKey = new Map<string, Set<LiveConnection>>();
  private readonly deviceSeen = new Map<string, string>();
  private readonly unsubscribe: () => void;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: LiveCoreOptions) {
    this.limits = { ...DEFAULT_LIVE_LIMITS, ...options.limits };
    this.logger = options.logger.child({ component: 'ws' });
    this.metrics = options.metrics;
    this.ring = new EventRing(this.limits.ringCapacity);
    this.ring.loadFrom(options.db.read);
    this.unsubscribe = options.bus.subscribe((events) => this.onCommitted(events));
    this.sweeper = setInterval(() => this.sweepExpired(), this.limits.sweepMs);
    this.sweeper.unref();
  }

  // ---------- connections ----------

  open(transport: WsTransport, principal: Principal, remoteAddress: string): LiveConnection {
    const conn = new LiveConnection(this, transport, principal, remoteAddress);
    this.connections.add(conn);
    for (const key of this.keysOf(principal)) this.index(key, conn);
    if (principal.kind === 'device') this.deviceSeen.set(principal.deviceId, new Date().toISOString());
    this.metrics?.wsConnections.inc({ kind: principal.kind });
    conn.welcome();
    return conn;
  }

  forget(conn: LiveConnection): void {
    if (!this.connections.delete(conn)) return;
    this.leaveFeed(conn);
    for (const key of this.keysOf(conn.principal)) {
      const set = this.byKey.get(key);
      set?.delete(conn);
      if (set?.size === 0) this.byKey.delete(key);
    }
    if (conn.principal.kind === 'device')
      this.deviceSeen.set(conn.principal.deviceId, new Date().toISOString());
    this.metrics?.wsConnections.dec({ kind: conn.principal.kind });
  }

  /** In-band re-auth: the same socket now answers to a fresh token (its revocation keys move with it). */
  reauthenticate(token: string): Promise<Principal> {
    if (!this.options.authenticate) return Promise.reject(new Error('re-auth is not available here'));
    return this.options.authenticate(token);
  }

  rekey(conn: LiveConnection, before: Principal): void {
    if (!this.connections.has(conn)) return;
    for (const key of this.keysOf(before)) {
      const set = this.byKey.get(key);
      set?.delete(conn);
      if (set?.size === 0) this.byKey.delete(key);
    }
    for (const key of this.keysOf(conn.principal)) this.index(key, conn);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  countByKind(): Record<PrincipalKind, number> {
    const out = { staff: 0, diner: 0, device: 0 };
    for (const c of this.connections) out[c.principal.kind]++;
    return out;
  }

  private keysOf(p: Principal): string[] {
    return principalKeys(p);
  }

  private index(key: string, conn: LiveConnection): void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(conn);
  }

  private closeAll(key: string, code: number, reason: string): number {
    this.options.onRevoke?.(key);
    const set = this.byKey.get(key);
    if (!set) return 0;
    const victims = [...set];
    for (const c of victims) c.close(code, reason);
    return victims.length;
  }

  // ---------- feeds ----------

  mayRead(p: Principal, t: string): boolean {
    return mayRead(p, t, (sessionId) => sectorOfSession(this.options.db.read, sessionId));
  }

  joinFeed(conn: LiveConnection, topics: readonly string[]): void {
    conn.feed = this.feeds.join(topics, conn);
    conn.topics = topics;
    conn.transport.subscribe(conn.feed.key);
  }

  leaveFeed(conn: LiveConnection): void {
    if (!conn.feed) return;
    if (!conn.closed) conn.transport.unsubscribe(conn.feed.key);
    this.feeds.leave(conn.feed, conn);
    conn.feed = undefined;
  }

  /** The same write path as HTTP: same schemas, same idempotency (the bus answers a resend from its log). */
  execute(command: Command, meta: CommandMeta): Promise<CommandResult> {
    return this.options.bus.execute(command, meta);
  }

  // ---------- publish (runs right after each commit, on the writer's thread) ----------

  private onCommitted(events: readonly EventEnvelope[]): void {
    // One commit's frames per feed, in seq order: each event serialized once, shared by every feed.
    const batches = new Map<Feed<LiveConnection>, string[]>();
    for (const e of events) {
      const topics = topicsOf(e) ?? ['admin'];
      const frame = eventFrame(e);
      this.ring.push({ seq: e.seq, topics, frame });
      for (const feed of this.feeds.feedsFor(topics)) {
        let frames = batches.get(feed);
        if (!frames) batches.set(feed, (frames = []));
        frames.push(frame);
        this.metrics?.wsMessagesOut.inc({ type: 'event' }, feed.members.size);
      }
    }
    this.publishToTopics(batches);
    this.revokeFor(events);
  }

  /**
   * One uWS publish per feed and frame. uWS queues topic messages and writes each subscriber's share of
   * a loop iteration in one syscall after the callback returns, so the JS cost per commit stays ~0.5 ms
   * for 2,000 subscribers and the HTTP ack is not held up by the sends. (Sending to each socket from JS
   * instead, corked per socket, was measured too: twice the user CPU, and the ack waits for every write.)
   */
  private publishToTopics(batches: Map<Feed<LiveConnection>, string[]>): void {
    for (const [feed, frames] of batches) {
      for (const frame of frames) this.options.publisher.publish(feed.key, frame, feed.members);
    }
    // uWS skips a subscriber over its backpressure limit without telling anyone; so look at each
    // subscriber that just got something and stop the feed of any that fell behind, before it misses one.
    for (const feed of batches.keys()) {
      for (const conn of [...feed.members]) {
        if (conn.transport.bufferedAmount() > this.limits.softBackpressureBytes) conn.resync('backpressure');
      }
    }
  }

  /** Sockets whose right to listen ended with these events; closed after the events went out. */
  private revokeFor(events: readonly EventEnvelope[]): void {
    for (const e of events) {
      if (e.type === 'StaffUpdated' || e.type === 'StaffPinReset') {
        this.closeAll(`staff:${e.data.staffId}`, WS_CLOSE.revoked, 'staff login revoked; sign in again');
      } else if (e.type === 'SectorsAssigned') {
        this.closeAll(`staff:${e.data.staffId}`, WS_CLOSE.permissionsChanged, 'sectors changed; reconnect');
      } else if (SESSION_ENDS.has(e.type)) {
        const sessionId = (e.data as { sessionId: string }).sessionId;
        this.closeAll(`session:${sessionId}`, WS_CLOSE.revoked, 'the table session has ended');
      } else if (e.type === 'SessionMerged') {
        this.closeAll(
          `session:${e.data.sessionId}`,
          WS_CLOSE.revoked,
          'the table was merged; scan the QR again',
        );
      }
    }
  }

  // ---------- revocation from outside the event stream ----------

  /** Logout: the sockets opened with this access token close now. */
  revokeAccessToken(accessToken: string): number {
    const hash = createHash('sha256').update(accessToken).digest('hex');
    return this.closeAll(`token:${hash}`, WS_CLOSE.revoked, 'signed out');
  }

  /** A device paired again (its old token retired). */
  revokeDevice(deviceId: string): number {
    return this.closeAll(`device:${deviceId}`, WS_CLOSE.revoked, 'device token replaced; pair again');
  }

  /** A device unpaired by a manager: its sockets close now and its token no longer opens one. */
  unpairDevice(deviceId: string): number {
    return this.closeAll(`device:${deviceId}`, WS_CLOSE.revoked, 'device unpaired; pair it again to use it');
  }

  private sweepExpired(): void {
    const nowSeconds = Math.floor(Date.now() / 1000);
    for (const c of this.connections) {
      if (c.principal.kind === 'staff' && c.principal.expiresAt <= nowSeconds) {
        c.close(WS_CLOSE.revoked, 'access token expired; refresh and reconnect');
      }
    }
  }

  // ---------- presence ----------

  /** Live connections per device, when each device was last seen, and screens per kitchen station. */
  presence(): {
    devices: Map<string, { connections: number; lastSeenAt: string }>;
    stationScreens: Map<string, number>;
  } {
    const devices = new Map<string, { connections: number; lastSeenAt: string }>();
    const stationScreens = new Map<string, number>();
    for (const [deviceId, lastSeenAt] of this.deviceSeen)
      devices.set(deviceId, { connections: 0, lastSeenAt });
    for (const c of this.connections) {
      if (c.principal.kind === 'device') {
        const d = devices.get(c.principal.deviceId)!;
        d.connections++;
        d.lastSeenAt = new Date().toISOString();
      }
      // A station has a screen when some socket (a paired screen or a cook's login) follows its topic.
      for (const t of c.topics) {
        if (t.startsWith('kitchen:'))
          stationScreens.set(t.slice(8), (stationScreens.get(t.slice(8)) ?? 0) + 1);
      }
    }
    return { devices, stationScreens };
  }

  /** Closes every socket (hub shutting down) and stops listening to the bus. */
  close(): void {
    clearInterval(this.sweeper);
    this.unsubscribe();
    for (const c of [...this.connections]) c.close(WS_CLOSE.goingAway, 'hub shutting down');
  }
}
