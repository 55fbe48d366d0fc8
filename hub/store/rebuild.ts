// Rebuilds every read table from the event log, and dumps them for comparison.
import type Database from 'better-sqlite3';
import { readEventsAfter } from './event-log.js';
import { project, READ_TABLES } from './projections/project.js';

/** Empties the read tables and replays the whole log through the projectors, in one transaction. */
export function rebuildReadModels(db: Database.Database): { events: number } {
  let events = 0;
  // Iterating and writing on one connection is not allowed, so the log is read in pages.
  db.transaction(() => {
    for (const table of READ_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    const pageSize = 2000;
    let after = 0;
    for (;;) {
      const page = readEventsAfter(db, after, pageSize);
      if (page.length === 0) break;
      for (const event of page) {
        project(db, event);
        events++;
        after = event.seq;
      }
    }
  })();
  return { events };
}

/** Every read table's rows as sorted JSON lines, so two databases can be compared exactly. */
export function dumpReadModels(db: Database.Database): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const table of READ_TABLES) {
    out[table] = (db.prepare(`SELECT * FROM ${table}`).all() as unknown[])
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return out;
}
