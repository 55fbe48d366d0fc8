// What changed on the floor between two fetches that a waiter must hear about even when looking at
// another table: food that became ready, and tables that started calling.
import type { FloorView, TableView } from './hub-types.js';

export interface FloorAlert {
  kind: 'ready' | 'call';
  tableId: string;
  label: string;
  sessionId: string | null;
}

function tablesOf(floor: FloorView | null, sectorIds: ReadonlySet<string> | null): Map<string, TableView> {
  const out = new Map<string, TableView>();
  for (const s of floor?.sectors ?? []) {
    if (sectorIds && !sectorIds.has(s.id)) continue;
    for (const t of s.tables) out.set(t.id, t);
  }
  return out;
}

/** Alerts for the tables in `sectorIds` (null: all); nothing on the first fetch, which is not news. */
export function floorAlerts(
  prev: FloorView | null,
  next: FloorView | null,
  sectorIds: ReadonlySet<string> | null,
): FloorAlert[] {
  if (!prev || !next) return [];
  const before = tablesOf(prev, sectorIds);
  const alerts: FloorAlert[] = [];
  for (const t of tablesOf(next, sectorIds).values()) {
    const old = before.get(t.id);
    if (!old) continue;
    const base = { tableId: t.id, label: t.label, sessionId: t.sessionId };
    if (t.state === 'FOOD_READY' && old.state !== 'FOOD_READY') alerts.push({ kind: 'ready', ...base });
    if (t.serviceCall && !old.serviceCall) alerts.push({ kind: 'call', ...base });
  }
  return alerts;
}
