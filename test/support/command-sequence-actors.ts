// Who sends each command of the random sequences, and what the permission table alone says about it.
// Commands mostly go to an actor allowed to run them, sometimes to anyone, so refusals get exercised;
// `forbidden` predicts those refusals independently of the handlers, which the test holds to it.
import { DEMO_STAFF } from '../../hub/app/demo-branch.js';
import { PERMISSIONS } from '../../hub/domain/permissions.js';
import type { Actor } from '../../protocol/events/event.js';
import { STAFF } from './command-sequence-fixture.js';
import type { World } from './command-sequence-world.js';
import { WAITER_SALON, WAITER_TERRAZA } from './hub-fixture.js';

export const waiterOf = (sectorId: string | undefined): Actor =>
  sectorId === 'sector-terraza' ? WAITER_TERRAZA : WAITER_SALON;
export const dinerActor = (d: { id: string; sessionId: string }): Actor => ({
  kind: 'diner',
  sessionId: d.sessionId,
  dinerId: d.id,
});

/** Four in five times one of the right actors, else anyone (another sector's waiter, the cook, a diner). */
export function actorFor(world: World, pick: number, right: Actor[]): Actor {
  if (pick % 5 !== 0 && right.length > 0) return right[pick % right.length]!;
  const everyone = [...STAFF, ...world.diners.map(dinerActor)];
  return everyone[pick % everyone.length]!;
}

export const SECTORS_OF: Record<string, readonly string[]> = Object.fromEntries(
  DEMO_STAFF.map((s) => [s.staffId, s.sectors as readonly string[]]),
);

/** The reason `forbidden` gives when only the waiter's sector stands in the way. */
export const SECTOR_REASON = 'a waiter outside their sector';

/** The reason the permission table refuses this actor here, or null if it may (as far as roles go). */
export function forbidden(
  actor: Actor,
  type: string,
  scope: { sectors: string[]; sessions: string[] },
): string | null {
  const rule = PERMISSIONS[type as keyof typeof PERMISSIONS];
  if (rule.public) return null;
  if (actor.kind === 'diner') {
    if (!rule.diner) return `a diner may not run ${type}`;
    if (scope.sessions.some((s) => s !== actor.sessionId)) return 'a diner acting on another table';
    return null;
  }
  if (actor.kind === 'system') {
    return rule.system || rule.roles.includes('ADMIN') ? null : `the hub itself may not run ${type}`;
  }
  if (actor.kind !== 'staff') return `${actor.kind} may not run ${type}`;
  if (!rule.roles.includes(actor.role)) return `${actor.role} may not run ${type}`;
  if (actor.role === 'WAITER' && rule.sectorScoped) {
    const mine = SECTORS_OF[actor.staffId] ?? [];
    if (scope.sectors.some((s) => !mine.includes(s))) return SECTOR_REASON;
  }
  return null;
}
