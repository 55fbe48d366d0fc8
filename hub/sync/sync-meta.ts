// What the hub remembers about its cloud in hub_meta: the pairing (URL, hub id, key), the catalog cursor
// and the relay's last success and error (so the CLI, a separate process, can show them too).
import { z } from 'zod';
import type Database from 'better-sqlite3';
import { stmt } from '../store/statements.js';

const PAIRING_KEY = 'sync_pairing';
const CATALOG_KEY = 'sync_catalog_cursor';
const STATE_KEY = 'sync_relay_state';

export const pairingInputSchema = z.object({
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must be an http:// or https:// URL')
    .transform((u) => u.replace(/\/+$/, '')),
  hubId: z.string().min(1).max(64),
  keyId: z.string().min(1).max(128),
  secret: z.string().min(16).max(512),
});
export type PairingInput = z.input<typeof pairingInputSchema>;

export interface Pairing {
  url: string;
  hubId: string;
  keyId: string;
  secret: string;
  pairedAt: string;
}

const pairingSchema = z.object({
  url: z.string(),
  hubId: z.string(),
  keyId: z.string(),
  secret: z.string(),
  pairedAt: z.string(),
});

const catalogCursorSchema = z.object({ version: z.number().int().min(0), appliedAt: z.string() });
export type CatalogCursor = z.infer<typeof catalogCursorSchema>;

const relayStateSchema = z.object({
  lastSuccessAt: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type RelayState = z.infer<typeof relayStateSchema>;

function readJson<T>(db: Database.Database, key: string, schema: z.ZodType<T>): T | null {
  const row = stmt(db, 'SELECT value FROM hub_meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  const parsed = schema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

function writeJson(db: Database.Database, key: string, value: unknown): void {
  stmt(
    db,
    'INSERT INTO hub_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function readPairing(db: Database.Database): Pairing | null {
  return readJson(db, PAIRING_KEY, pairingSchema);
}

/** Stores a new pairing (replacing any); a re-pair with a rotated key keeps the outbox and the cursor. */
export function writePairing(db: Database.Database, input: PairingInput, now: Date): Pairing {
  const parsed = pairingInputSchema.parse(input);
  const pairing: Pairing = { ...parsed, pairedAt: now.toISOString() };
  writeJson(db, PAIRING_KEY, pairing);
  return pairing;
}

/** Forgets the cloud. The outbox keeps filling, so a later pairing ships everything. */
export function deletePairing(db: Database.Database): boolean {
  return stmt(db, 'DELETE FROM hub_meta WHERE key = ?').run(PAIRING_KEY).changes > 0;
}

export function readCatalogCursor(db: Database.Database): CatalogCursor | null {
  return readJson(db, CATALOG_KEY, catalogCursorSchema);
}

/** Runs inside the transaction that applied the changes up to `version`. */
export function writeCatalogCursor(db: Database.Database, cursor: CatalogCursor): void {
  writeJson(db, CATALOG_KEY, cursor);
}

export function readRelayState(db: Database.Database): RelayState {
  return (
    readJson(db, STATE_KEY, relayStateSchema) ?? { lastSuccessAt: null, lastErrorAt: null, lastError: null }
  );
}

export function writeRelayState(db: Database.Database, state: RelayState): void {
  writeJson(db, STATE_KEY, state);
}
