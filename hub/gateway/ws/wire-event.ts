// The `event` frame for one envelope, serialized once and shared by every subscriber and replay.
import type { EventEnvelope } from '../../../protocol/events/event.js';

/** Fields that must never leave the hub, whatever the topic (PIN hashes in staff events). */
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

export function eventFrame(e: EventEnvelope): string {
  const event = { ...e, data: redact(e.data) };
  return `{"type":"event","seq":${e.seq},"event":${JSON.stringify(event)}}`;
}
