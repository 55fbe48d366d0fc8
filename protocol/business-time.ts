// A branch's business day and hour for a moment, from its time zone and day start hour. One function for
// the hub (daily ticket numbers) and the cloud (the owners' figures), so both cut the day the way the
// restaurant lives it and agree with each other. Intl only (the same IANA rules in every Node), never
// SQL time zones, so PGlite and Postgres cannot disagree either.
import type { BranchSettings } from './domain-values.js';

export type BranchClock = Pick<BranchSettings, 'timeZone' | 'businessDayStartsAtHour'>;

/** The hub's defaults (branchSettingsSchema), also the branches table's column defaults. */
export const DEFAULT_BRANCH_CLOCK: BranchClock = { timeZone: 'Europe/Madrid', businessDayStartsAtHour: 5 };

export interface BusinessTime {
  /** YYYY-MM-DD: the local date, minus one day before the start hour. */
  day: string;
  /** Local wall-clock hour, 0–23. */
  hour: number;
}

// Building an Intl formatter costs far more than using one, and ingest asks for every event.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone: a hub setting the cloud could not compute with is refused at ingest. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall clock is read first and the start hour taken off the LOCAL time, not off the instant: on a
 * daylight-saving day, 05:30 local is after a 05:00 start whatever the UTC offset did overnight.
 */
export function businessTimeOf(at: string | number, clock: BranchClock): BusinessTime {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  // Every zone's offset, and every daylight-saving switch, falls on a whole quarter hour of UTC, so the
  // answer holds for the whole quarter: ingest asks for each event, and a batch spans a few minutes.
  const key = `${clock.timeZone}|${clock.businessDayStartsAtHour}|${Math.floor(ms / QUARTER_HOUR_MS)}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const parts = formatterFor(clock.timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const hour = get('hour');
  const before = hour < clock.businessDayStartsAtHour ? 1 : 0;
  const day = new Date(Date.UTC(get('year'), get('month') - 1, get('day') - before));
  const answer = Object.freeze({ day: day.toISOString().slice(0, 10), hour });
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(key, answer);
  return answer;
}

const QUARTER_HOUR_MS = 900_000;
const RECENT_MAX = 4096;
const recent = new Map<string, BusinessTime>();
