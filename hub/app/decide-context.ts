// Builds the context a decision gets: time, business day, fresh ids and join codes.
import { randomInt } from 'node:crypto';
import { newUuidV7 } from '../store/uuid.js';
import type { Actor } from '../../protocol/events/event.js';
import type { BranchSettings } from '../../protocol/domain-values.js';
import { businessTimeOf } from '../../protocol/business-time.js';
import type { DecideContext } from '../domain/views.js';

/** No 0/O, 1/I/L: join codes are read off a printed QR sticker and sometimes typed. */
const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * The business day a moment belongs to, in the branch's time zone: a ticket at 01:30 after a
 * late service still counts for the day before when the day starts at 05:00. The cloud cuts the
 * owners' days with the same function (protocol/business-time.ts).
 */
export function businessDayOf(
  at: Date,
  settings: Pick<BranchSettings, 'timeZone' | 'businessDayStartsAtHour'>,
): string {
  // Every command asks; businessTimeOf remembers its answer per quarter hour.
  return businessTimeOf(at.getTime(), settings).day;
}

export interface IdSource {
  newId(): string;
  newJoinCode(): string;
}

export const randomIds: IdSource = { newId: () => newUuidV7(), newJoinCode };

export function makeDecideContext(
  actor: Actor,
  now: Date,
  settings: Pick<BranchSettings, 'timeZone' | 'businessDayStartsAtHour'>,
  ids: IdSource,
): DecideContext {
  return {
    actor,
    now: now.toISOString(),
    businessDay: businessDayOf(now, settings),
    newId: ids.newId,
    newJoinCode: ids.newJoinCode,
  };
}
