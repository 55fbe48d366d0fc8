// The kitchen display's board: open tickets, held courses and the event sequence, read in one
// snapshot so a screen that subscribes with afterSeq = lastSeq misses nothing and doubles nothing.
import type Database from 'better-sqlite3';
import type { KitchenBoardView, KitchenHeldGroup } from '../../../protocol/kitchen-board-api.js';
import { kitchenTicketsView } from './read-models.js';

type Row = Record<string, unknown>;

/** Held items of live sessions, grouped by (round, station, course), oldest round first. */
export function kitchenHeldView(db: Database.Database, options: { station?: string }): KitchenHeldGroup[] {
  const params: unknown[] = [];
  let where = "i.status = 'HELD' AND s.status IN ('OPEN','CHECK_REQUESTED','PAYING')";
  if (options.station) {
    where += ' AND i.station = ?';
    params.push(options.station);
  }
  const rows = db
    .prepare(
      `SELECT i.*, r.number AS round_number, r.submitted_at AS submitted_at, r.session_id AS session_id,
              t.label AS table_label, st.name AS waiter_name
         FROM round_item i JOIN round r ON r.id = i.round_id
         JOIN table_session s ON s.id = r.session_id JOIN dining_table t ON t.id = s.table_id
         LEFT JOIN staff st ON st.id = r.submitted_by
        WHERE ${where} ORDER BY r.submitted_at, r.id, i.position`,
    )
    .all(...params) as Row[];
  const groups = new Map<string, KitchenHeldGroup>();
  for (const i of rows) {
    const key = `${String(i.round_id)}|${String(i.station)}|${String(i.course)}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        roundId: i.round_id as string,
        sessionId: i.session_id as string,
        station: i.station as string,
        course: i.course as string,
        tableLabel: i.table_label as string,
        roundNumber: i.round_number as number,
        waiterName: (i.waiter_name as string | null) ?? null,
        submittedAt: (i.submitted_at as string | null) ?? null,
        items: [],
      };
      groups.set(key, group);
    }
    group.items.push({
      id: i.id as string,
      name: { es: i.name_es as string, en: i.name_en as string },
      qty: i.qty as number,
      modifiers: JSON.parse(i.modifiers as string) as Array<{ name: string }>,
      notes: i.notes as string,
      allergens: JSON.parse(i.allergens as string) as string[],
      seat: (i.seat as number | null) ?? null,
    });
  }
  return [...groups.values()];
}

export function kitchenBoardView(db: Database.Database, station: string | null): KitchenBoardView {
  // One read transaction: the tickets, the held items and lastSeq come from the same snapshot.
  return db.transaction(() => {
    const seq = db.prepare('SELECT max(seq) AS s FROM event').get() as { s: number | null };
    const filter = station ? { station } : {};
    return {
      lastSeq: seq.s ?? 0,
      station,
      stations: db
        .prepare('SELECT id, name FROM station WHERE active = 1 ORDER BY position, id')
        .all() as Array<{
        id: string;
        name: string;
      }>,
      tickets: kitchenTicketsView(db, filter) as KitchenBoardView['tickets'],
      held: kitchenHeldView(db, filter),
    };
  })();
}
