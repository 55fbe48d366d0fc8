// SQL for paired-device tokens: only a sha256 of each token is kept, with its device and revocation mark.
// Operational rows like refresh tokens: never events, never synced.
import type Database from 'better-sqlite3';
import type { WriteDb } from './database.js';
import { stmt } from './statements.js';

export interface PairedDevice {
  tokenId: string;
  deviceId: string;
  kind: string;
  name: string;
  station: string | null;
}

export function insertDeviceToken(
  db: WriteDb,
  row: { id: string; deviceId: string; tokenHash: string; createdAt: string },
): void {
  stmt(
    db,
    'INSERT INTO device_token (id, device_id, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, NULL)',
  ).run(row.id, row.deviceId, row.tokenHash, row.createdAt);
}

/** Pairing a device again retires its earlier tokens: one live token per device. */
export function revokeDeviceTokens(db: WriteDb, deviceId: string, nowIso: string): number {
  return stmt(db, 'UPDATE device_token SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL').run(
    nowIso,
    deviceId,
  ).changes;
}

/** The device a live token belongs to, joined with its registration. */
export function findPairedDevice(db: Database.Database, tokenHash: string): PairedDevice | undefined {
  return stmt(
    db,
    `SELECT t.id AS tokenId, d.id AS deviceId, d.kind AS kind, d.name AS name, d.station AS station
       FROM device_token t JOIN device d ON d.id = t.device_id
      WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
  ).get(tokenHash) as PairedDevice | undefined;
}

/** The kind of a registered device that holds a live token; undefined once unpaired or unknown. */
export function pairedDeviceKind(db: Database.Database, deviceId: string): string | undefined {
  const row = stmt(
    db,
    `SELECT d.kind AS kind FROM device d
      WHERE d.id = ? AND EXISTS (SELECT 1 FROM device_token t WHERE t.device_id = d.id AND t.revoked_at IS NULL)`,
  ).get(deviceId) as { kind: string } | undefined;
  return row?.kind;
}
