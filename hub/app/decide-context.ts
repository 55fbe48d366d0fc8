// Builds the context a decision gets: time, business day, fresh ids and join codes.
import { randomInt } from 'node:crypto';
import { newUuidV7 } from '../store/uuid.js';
import type { Actor } from '../../protocol/events/event.js';
import type { BranchSettings } from '../../protocol/domain-values.js';
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
 * late service still counts for the day before when the day starts at 05:00.
 */
export function businessDayOf(
  at: Date,
  settings: Pick<BranchSettings, 'timeZone' | 'businessDayStartsAtHour'>,
): string {
  // The answer can only change on a minute boundary, and every command asks: remember the last one.
  const minute = Math.floor(at.getTime() / 60_000);
  const key = `${settings.timeZone}|${settings.businessDayStartsAtHour}|${minute}`;
  if (lastDay?.key === key) return lastDay.day;
  const day = computeBusinessDay(at, settings);
  lastDay = { key, day };
  return day;
}

let lastDay: { key: string; day: string } | undefined;

function computeBusinessDay(
  at: Date,
  settings: Pick<BranchSettings, 'timeZone' | 'businessDayStartsAtHour'>,
): string {
  const shifted = new Date(at.getTime() - settings.businessDayStartsAtHour * 3_600_000);
  const parts = dayFormatter(settings.timeZone).formatToParts(shifted);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

// Building an Intl formatter costs far more than using one, and this runs for every command.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
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
