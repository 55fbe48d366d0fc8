// Drives a running hub's service through its command bus (as the HTTP and WS edges do) and reads the
// hub's own event log, so live-feed tests can compare what a socket got with what the log says.
import { commandSchema, type CommandResult } from '../../protocol/commands/command.js';
import type { Actor } from '../../protocol/events/event.js';
import type { RunningHub } from '../../hub/hub-runtime.js';

export const ACTORS = {
  ADMIN: { kind: 'staff', staffId: 'staff-ana', role: 'ADMIN' },
  MANAGER: { kind: 'staff', staffId: 'staff-marta', role: 'MANAGER' },
  LUIS: { kind: 'staff', staffId: 'staff-luis', role: 'WAITER' },
  SOFIA: { kind: 'staff', staffId: 'staff-sofia', role: 'WAITER' },
  COOK: { kind: 'staff', staffId: 'staff-jorge', role: 'KITCHEN' },
} as const satisfies Record<string, Actor>;

let counter = 0;
export const newCommandId = (tag = 'c') => `${tag}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

export async function run(
  hub: RunningHub,
  actor: Actor,
  type: string,
  payload: unknown,
): Promise<Record<string, unknown>> {
  const command = commandSchema.parse({ commandId: newCommandId(type), type, payload });
  const r: CommandResult = await hub.bus.execute(command, { actor, requestId: null });
  if (!r.ok) throw new Error(`${type} failed: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** Opens a table and places one round (a grill dish and a drink): a handful of events on several topics. */
export async function serveTable(
  hub: RunningHub,
  tableId: string,
  actor: Actor = ACTORS.ADMIN,
): Promise<string> {
  const { sessionId } = (await run(hub, actor, 'OpenSession', { tableId, guests: 2 })) as {
    sessionId: string;
  };
  await run(hub, actor, 'PlaceRound', {
    sessionId,
    items: [
      { productId: 'prod-bravas', qty: 1 },
      { productId: 'prod-cana', qty: 2 },
    ],
  });
  return sessionId;
}

export function lastSeq(hub: RunningHub): number {
  return (hub.db.read.prepare('SELECT max(seq) AS s FROM event').get() as { s: number }).s;
}

/** The seqs after `afterSeq` that a subscriber to `topics` must get, straight from the log. */
export function expectedSeqs(
  hub: RunningHub,
  topics: readonly string[],
  afterSeq: number,
  upTo = Infinity,
): number[] {
  const wanted = new Set(topics);
  const rows = hub.db.read
    .prepare('SELECT seq, topics FROM event WHERE seq > ? ORDER BY seq')
    .all(afterSeq) as Array<{
    seq: number;
    topics: string;
  }>;
  return rows
    .filter((r) => r.seq <= upTo && (JSON.parse(r.topics) as string[]).some((t) => wanted.has(t)))
    .map((r) => r.seq);
}

export function joinCodeOf(hub: RunningHub, tableId: string): string {
  return (
    hub.db.read.prepare('SELECT join_code AS c FROM dining_table WHERE id = ?').get(tableId) as { c: string }
  ).c;
}
