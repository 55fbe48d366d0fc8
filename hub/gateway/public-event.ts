// What of an event may leave the hub to a device or an API client: everything but secrets. The live feed
// (ws/wire-event.ts) and GET /api/events both send events through here.
import type { EventEnvelope } from '../../protocol/events/event.js';

/** Fields that must never leave the hub, whatever the reader's role (PIN hashes in staff events). */
const SECRET_FIELDS = new Set(['pinHash']);

function redact(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(data)) {
    if (SECRET_FIELDS.has(key)) {
      out ??= { ...(data as Record<string, unknown>) };
      delete out[key];
    }
  }
  return out ?? data;
}

/** The envelope with its secrets removed (the same object when it holds none). */
export function publicEvent(e: EventEnvelope): EventEnvelope {
  const data = redact(e.data);
  return data === e.data ? e : ({ ...e, data } as EventEnvelope);
}
