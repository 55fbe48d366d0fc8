// Rounds this device sent that the hub has not confirmed yet, read straight from the command queue: the
// optimistic lines shown (marked "pending") on the table until the hub's own round replaces them.
import type { PendingCommand } from '../../shared/pending-store.js';
import type { Course } from './hub-types.js';

export interface PendingRoundLine {
  productId: string;
  qty: number;
  notes: string;
  seat: number | null;
  course: Course | undefined;
  modifiers: Array<{ groupId: string; optionId: string }>;
}

export interface PendingRound {
  commandId: string;
  state: PendingCommand['state'];
  error?: { code: string; message: string };
  lines: PendingRoundLine[];
}

interface PlaceRoundPayload {
  sessionId?: string;
  items?: PendingRoundLine[];
}

export function pendingRoundsOf(pending: readonly PendingCommand[], sessionId: string): PendingRound[] {
  return pending
    .filter((p) => p.type === 'PlaceRound' && (p.payload as PlaceRoundPayload).sessionId === sessionId)
    .map((p) => ({
      commandId: p.commandId,
      state: p.state,
      ...(p.error ? { error: p.error } : {}),
      lines: (p.payload as PlaceRoundPayload).items ?? [],
    }));
}

/** Tables being opened from this device (OpenSession still queued), by table id. */
export function pendingOpensOf(pending: readonly PendingCommand[]): Set<string> {
  return new Set(
    pending
      .filter((p) => p.type === 'OpenSession' && p.state !== 'failed')
      .map((p) => String((p.payload as { tableId?: string }).tableId)),
  );
}
