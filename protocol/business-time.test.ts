// The branch's business day and hour for a moment: local date, start hour, daylight-saving days. Pure.
import { describe, expect, it } from 'vitest';
import { businessTimeOf, isKnownTimeZone } from './business-time.js';

const MADRID = { timeZone: 'Europe/Madrid', businessDayStartsAtHour: 5 };
const MEXICO = { timeZone: 'America/Mexico_City', businessDayStartsAtHour: 5 };

describe('businessTimeOf', () => {
  it('counts a table closed at 00:30 on Saturday in Madrid for Friday, at local hour 0', () => {
    expect(businessTimeOf('2026-03-07T00:30:00+01:00', MADRID)).toEqual({ day: '2026-03-06', hour: 0 });
    expect(businessTimeOf('2026-03-06T23:30:00.000Z', MADRID)).toEqual({ day: '2026-03-06', hour: 0 });
  });

  it('changes day at the start hour, local time', () => {
    expect(businessTimeOf('2026-03-07T03:59:59.000Z', MADRID)).toEqual({ day: '2026-03-06', hour: 4 });
    expect(businessTimeOf('2026-03-07T04:00:00.000Z', MADRID)).toEqual({ day: '2026-03-07', hour: 5 });
    expect(businessTimeOf('2026-03-07T04:00:00.000Z', { ...MADRID, businessDayStartsAtHour: 0 })).toEqual({
      day: '2026-03-07',
      hour: 5,
    });
  });

  it('uses the branch zone: the same instant is an earlier day and hour in Mexico City', () => {
    // 10:00 UTC is 11:00 in Madrid (Saturday) and 04:00 in Mexico City (still Friday's service).
    expect(businessTimeOf('2026-03-07T10:00:00.000Z', MADRID)).toEqual({ day: '2026-03-07', hour: 11 });
    expect(businessTimeOf('2026-03-07T10:00:00.000Z', MEXICO)).toEqual({ day: '2026-03-06', hour: 4 });
  });

  it('takes the start hour off the wall clock on the day clocks go forward', () => {
    // Madrid, 29 March 2026: 02:00 CET became 03:00 CEST. 05:30 local (03:30 UTC) is after the start:
    // subtracting 5 h from the instant instead would land at 23:30 of the 28th.
    expect(businessTimeOf('2026-03-29T03:30:00.000Z', MADRID)).toEqual({ day: '2026-03-29', hour: 5 });
    expect(businessTimeOf('2026-03-29T02:30:00.000Z', MADRID)).toEqual({ day: '2026-03-28', hour: 4 });
    expect(businessTimeOf('2026-03-29T01:30:00.000Z', MADRID)).toEqual({ day: '2026-03-28', hour: 3 });
  });

  it('takes the start hour off the wall clock on the day clocks go back', () => {
    // Madrid, 25 October 2026: 03:00 CEST became 02:00 CET, so 02:xx happens twice.
    expect(businessTimeOf('2026-10-25T00:30:00.000Z', MADRID)).toEqual({ day: '2026-10-24', hour: 2 });
    expect(businessTimeOf('2026-10-25T01:30:00.000Z', MADRID)).toEqual({ day: '2026-10-24', hour: 2 });
    expect(businessTimeOf('2026-10-25T03:59:00.000Z', MADRID)).toEqual({ day: '2026-10-24', hour: 4 });
    expect(businessTimeOf('2026-10-25T04:00:00.000Z', MADRID)).toEqual({ day: '2026-10-25', hour: 5 });
  });

  it('steps back across a month and a year boundary', () => {
    expect(businessTimeOf('2027-01-01T02:00:00.000Z', MADRID)).toEqual({ day: '2026-12-31', hour: 3 });
    expect(businessTimeOf('2026-03-01T01:00:00.000Z', MADRID)).toEqual({ day: '2026-02-28', hour: 2 });
  });
});

describe('businessTimeOf, remembered per quarter hour', () => {
  it('turns the day at the start hour in zones offset by half and three quarters of an hour', () => {
    const kolkata = { timeZone: 'Asia/Kolkata', businessDayStartsAtHour: 5 }; // +05:30
    const kathmandu = { timeZone: 'Asia/Kathmandu', businessDayStartsAtHour: 5 }; // +05:45
    // Asked in order within one quarter hour first, so a remembered answer would leak across the turn.
    expect(businessTimeOf('2026-01-01T23:20:00.000Z', kolkata)).toEqual({ day: '2026-01-01', hour: 4 });
    expect(businessTimeOf('2026-01-01T23:29:59.999Z', kolkata)).toEqual({ day: '2026-01-01', hour: 4 });
    expect(businessTimeOf('2026-01-01T23:30:00.000Z', kolkata)).toEqual({ day: '2026-01-02', hour: 5 });
    expect(businessTimeOf('2026-01-01T23:14:59.999Z', kathmandu)).toEqual({ day: '2026-01-01', hour: 4 });
    expect(businessTimeOf('2026-01-01T23:15:00.000Z', kathmandu)).toEqual({ day: '2026-01-02', hour: 5 });
  });

  it('gives the same answers as a fresh computation for every minute of a daylight-saving night', () => {
    const fresh = (ms: number) => {
      const local = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/Madrid',
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
      }).formatToParts(new Date(ms));
      const get = (t: string) => Number(local.find((p) => p.type === t)?.value);
      const day = new Date(Date.UTC(get('year'), get('month') - 1, get('day') - (get('hour') < 5 ? 1 : 0)));
      return { day: day.toISOString().slice(0, 10), hour: get('hour') };
    };
    for (let ms = Date.parse('2026-03-28T22:00:00Z'); ms < Date.parse('2026-03-29T06:00:00Z'); ms += 60_000)
      expect(businessTimeOf(ms, MADRID)).toEqual(fresh(ms));
  });
});

describe('isKnownTimeZone', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('America/Mexico_City')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
