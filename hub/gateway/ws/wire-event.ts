// The `event` frame for one envelope, serialized once and shared by every subscriber and replay.
import type { EventEnvelope } from '../../../protocol/events/event.js';
import { publicEvent } from '../public-event.js';

export function eventFrame(e: EventEnvelope): string {
  const event = publicEvent(e);
  return `{"type":"event","seq":${e.seq},"event":${JSON.stringify(event)}}`;
}
