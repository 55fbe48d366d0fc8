// The hub's business day (daily ticket numbers) is the cloud's (owners' figures): the same local-clock
// rule, daylight-saving days included.
import { describe, expect, it } from 'vitest';
import { businessTimeOf } from '../../protocol/business-time.js';
import { businessDayOf } from './decide-context.js';

const MADRID = { timeZone: 'Europe/Madrid', businessDayStartsAtHour: 5 };

describe('businessDayOf', () => {
  it('counts 01:30 after a late service for the day before', () => {
    expect(businessDayOf(new Date('2026-03-07T00:30:00Z'), MADRID)).toBe('2026-03-06');
  });

  it('turns at 05:00 on the wall clock on the morning the clocks go forward', () => {
    // 2026-03-29: 02:00 → 03:00 in Madrid. 05:30 local is 03:30Z; five hours off the instant would land
    // on 23:30 the day before, but the restaurant's new day has begun.
    expect(businessDayOf(new Date('2026-03-29T03:30:00Z'), MADRID)).toBe('2026-03-29');
    expect(businessDayOf(new Date('2026-03-29T02:30:00Z'), MADRID)).toBe('2026-03-28');
  });

  it('agrees with the cloud for every hour of a year', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000 + 60_000) {
      expect(businessDayOf(new Date(t), MADRID)).toBe(businessTimeOf(t, MADRID).day);
    }
  });
});
