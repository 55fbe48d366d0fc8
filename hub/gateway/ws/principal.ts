// Who is on the other end of a socket, and which topics they may read: the permission matrix of the
// live feed (docs/PROTOCOL.md "Topics"). Checked once at subscribe; events carry their topics from
// write time, so replay and live publish give the same answer.
import type { Role } from '../../../protocol/domain-values.js';
import type { Actor } from '../../../protocol/events/event.js';
import { topic, topicKind, type PrincipalView } from '../../../protocol/ws-messages.js';

export type Principal =
  | {
      kind: 'staff';
      actor: Extract<Actor, { kind: 'staff' }>;
      role: Role;
      sectorIds: readonly string[];
      /** sha256 of the access token: logout of that token closes this socket. */
      tokenHash: string;
      /** Access-token expiry (epoch seconds): the socket closes then, the client reconnects with a fresh one. */
      expiresAt: number;
    }
  | { kind: 'diner'; actor: Extract<Actor, { kind: 'diner' }>; sessionId: string; dinerId: string }
  | {
      kind: 'device';
      actor: Extract<Actor, { kind: 'device' }>;
      deviceId: string;
      deviceKind: string;
      station: string | null;
    };

export type PrincipalKind = Principal['kind'];

/** Looks up the sector of a session's table (null when unknown). */
export type SessionSectorLookup = (sessionId: string) => string | null;

const isManagerRole = (role: Role) => role === 'ADMIN' || role === 'MANAGER';

export function mayRead(p: Principal, t: string, sectorOfSession: SessionSectorLookup): boolean {
  const kind = topicKind(t);
  if (!kind) return false;
  if (kind === 'menu') return true;
  const arg = t.slice(kind.length + 1);
  switch (p.kind) {
    case 'staff':
      if (isManagerRole(p.role)) return true;
      if (p.role === 'KITCHEN') return kind === 'expo' || kind === 'kitchen';
      // WAITER: the sectors they are assigned to, and the sessions of tables in them.
      if (kind === 'sector') return p.sectorIds.includes(arg);
      if (kind === 'session') {
        const sector = sectorOfSession(arg);
        return sector !== null && p.sectorIds.includes(sector);
      }
      return false;
    case 'diner':
      return kind === 'session' && arg === p.sessionId;
    case 'device':
      // A paired kitchen screen may show any station or expo (screens get moved around a kitchen);
      // other devices see the menu until a staff member signs in on them.
      return (
        (p.deviceKind === 'KDS' || p.deviceKind === 'PRINTER') && (kind === 'expo' || kind === 'kitchen')
      );
  }
}

/** Revocation keys: by staff member, by access token, by diner session, by device. */
export function principalKeys(p: Principal): string[] {
  switch (p.kind) {
    case 'staff':
      return [`staff:${p.actor.staffId}`, `token:${p.tokenHash}`];
    case 'diner':
      return [`session:${p.sessionId}`];
    case 'device':
      return [`device:${p.deviceId}`];
  }
}

/** Topic patterns for the welcome frame. */
export function allowedTopicPatterns(p: Principal): string[] {
  switch (p.kind) {
    case 'staff':
      if (isManagerRole(p.role)) return ['admin', 'expo', 'kitchen:*', 'sector:*', 'session:*', 'menu'];
      if (p.role === 'KITCHEN') return ['expo', 'kitchen:*', 'menu'];
      return [...p.sectorIds.map(topic.sector), 'session:* (tables of your sectors)', 'menu'];
    case 'diner':
      return [topic.session(p.sessionId), 'menu'];
    case 'device':
      return p.deviceKind === 'KDS' || p.deviceKind === 'PRINTER' ? ['expo', 'kitchen:*', 'menu'] : ['menu'];
  }
}

/** What a `subscribe` without topics means for each kind of client. */
export function defaultTopics(p: Principal): string[] {
  switch (p.kind) {
    case 'staff':
      if (isManagerRole(p.role)) return [topic.admin];
      if (p.role === 'KITCHEN') return [topic.expo, topic.menu];
      return [...p.sectorIds.map(topic.sector), topic.menu];
    case 'diner':
      return [topic.session(p.sessionId), topic.menu];
    case 'device':
      return p.station ? [topic.kitchen(p.station), topic.menu] : [topic.menu];
  }
}

/** `admin` already carries every event: a set holding it collapses to it, so such clients share one feed. */
export function normalizeTopics(topics: readonly string[]): string[] {
  if (topics.includes(topic.admin)) return [topic.admin];
  return [...new Set(topics)].sort();
}

export function principalView(p: Principal): PrincipalView {
  switch (p.kind) {
    case 'staff':
      return { kind: 'staff', staffId: p.actor.staffId, role: p.role, sectorIds: [...p.sectorIds] };
    case 'diner':
      return { kind: 'diner', sessionId: p.sessionId, dinerId: p.dinerId };
    case 'device':
      return { kind: 'device', deviceId: p.deviceId, deviceKind: p.deviceKind, station: p.station };
  }
}
