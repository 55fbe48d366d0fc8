// How each table state looks on the floor: one colour per state, in service order, for tiles and legend.
import type { TableState } from './hub-types.js';

export const TABLE_STATE_ORDER: readonly TableState[] = [
  'FREE',
  'SEATED',
  'ORDERED',
  'FOOD_READY',
  'CHECK_REQUESTED',
  'PAYING',
];

/** Tables the waiter can act on: all for managers, their own sectors for a waiter. */
export function visibleSectors<T extends { id: string }>(
  sectors: readonly T[],
  staff: { role: string; sectorIds: readonly string[] },
): T[] {
  if (staff.role !== 'WAITER') return [...sectors];
  return sectors.filter((s) => staff.sectorIds.includes(s.id));
}

/** Minutes since the table was seated, for "45 min" on a tile. */
export function minutesSince(iso: string | null, now: number): number | null {
  if (!iso) return null;
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}
