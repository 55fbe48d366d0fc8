// Migration folders cut at any point of the history, as drizzle's migrator reads them: it applies the
// entries of meta/_journal.json in order, each from <tag>.sql, and records each in __drizzle_migrations.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../../hub/store/database.js';

export interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

interface Journal {
  entries: JournalEntry[];
  [key: string]: unknown;
}

export function readJournal(folder = MIGRATIONS_DIR): Journal {
  return JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** A temporary migrations folder holding only the first `count` migrations of the real history. */
export function migrationsUpTo(count: number, parent: string): string {
  const journal = readJournal();
  const folder = mkdtempSync(join(parent, `migrations-${count}-`));
  mkdirSync(join(folder, 'meta'));
  const entries = journal.entries.slice(0, count);
  for (const e of entries) copyFileSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
  return folder;
}
