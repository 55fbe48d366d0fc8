// Orders for the kitchen display's browser tests, placed over the hub's HTTP API as the waiters'
// tablets would: open a table, send a round (PlaceRound), optionally holding a course.
import type { HubUnderTest } from '../../support/running-hub.js';

export interface SeedItem {
  productId: string;
  qty: number;
  notes?: string;
  modifiers?: Array<{ groupId: string; optionId: string }>;
}

let counter = 0;
const commandId = (type: string) => `kds-e2e-${process.pid}-${type}-${++counter}`;

export async function command(
  t: HubUnderTest,
  token: string,
  type: string,
  payload: unknown,
): Promise<Record<string, unknown>> {
  const r = await t.fetchJson(`/api/commands/${type}`, {
    token,
    body: { commandId: commandId(type), payload },
  });
  if (r.status !== 200) throw new Error(`${type} → ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { data: Record<string, unknown> }).data;
}

export async function openTable(
  t: HubUnderTest,
  token: string,
  tableId: string,
  guests = 2,
): Promise<string> {
  const data = await command(t, token, 'OpenSession', { tableId, guests });
  return data.sessionId as string;
}

export async function placeRound(
  t: HubUnderTest,
  token: string,
  sessionId: string,
  items: SeedItem[],
  holdCourses: string[] = [],
): Promise<Record<string, unknown>> {
  return command(t, token, 'PlaceRound', {
    sessionId,
    items: items.map((i) => ({ modifiers: [], notes: '', ...i })),
    holdCourses,
  });
}

export const rare = [{ groupId: 'doneness', optionId: 'rare' }];
export const medium = [{ groupId: 'doneness', optionId: 'medium' }];

/** One dish per station, so one round makes four tickets (bar, cold, grill, pastry). */
export const FOUR_STATIONS: SeedItem[] = [
  { productId: 'prod-cana', qty: 2 },
  { productId: 'prod-queso', qty: 1 },
  { productId: 'prod-croquetas', qty: 2 },
  { productId: 'prod-flan', qty: 1 },
];
