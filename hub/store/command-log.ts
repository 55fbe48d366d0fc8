// The result of every command id ever accepted, so a resend gets the first answer back.
import type Database from 'better-sqlite3';
import type { CommandResult } from '../../protocol/commands/command.js';
import { stmt } from './statements.js';

export interface LoggedCommand {
  type: string;
  payloadHash: string;
  result: CommandResult;
}

export function findCommand(db: Database.Database, commandId: string): LoggedCommand | undefined {
  const row = stmt(db, 'SELECT type, payload_hash, result FROM command_log WHERE command_id = ?').get(
    commandId,
  ) as { type: string; payload_hash: string; result: string } | undefined;
  return (
    row && { type: row.type, payloadHash: row.payload_hash, result: JSON.parse(row.result) as CommandResult }
  );
}

export interface RecordCommandInput {
  commandId: string;
  type: string;
  payloadHash: string;
  actor: unknown;
  result: CommandResult;
  requestId: string | null;
  createdAt: string;
}

export function recordCommand(db: Database.Database, input: RecordCommandInput): void {
  stmt(
    db,
    `INSERT INTO command_log (command_id, type, payload_hash, actor, result, ok, last_seq, request_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    input.commandId,
    input.type,
    input.payloadHash,
    JSON.stringify(input.actor),
    JSON.stringify(input.result),
    input.result.ok ? 1 : 0,
    input.result.ok ? input.result.seq : null,
    input.requestId,
    input.createdAt,
  );
}
