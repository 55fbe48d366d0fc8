// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createAgeClock } from './age-clock.js';
import {
  ageLevel,
  DEFAULT_THRESHOLDS,
  formatAge,
  loadThresholds,
  saveThresholds,
  validThresholds,
} from './timer-thresholds.js';

const min = 60_000;

describe('timer thresholds', () => {
  it('is normal under 8 min, warn from 8, late from 15 by default', () => {
    expect(ageLevel(7 * min + 59_000, DEFAULT_THRESHOLDS)).toBe('ok');
    expect(ageLevel(8 * min, DEFAULT_THRESHOLDS)).toBe('warn');
    expect(ageLevel(14 * min + 59_000, DEFAULT_THRESHOLDS)).toBe('warn');
    expect(ageLevel(15 * min, DEFAULT_THRESHOLDS)).toBe('late');
  });

  it('follows the kitchen own minutes', () => {
    expect(ageLevel(5 * min, { warnMin: 4, lateMin: 6 })).toBe('warn');
    expect(ageLevel(6 * min, { warnMin: 4, lateMin: 6 })).toBe('late');
  });

  it('refuses settings where warn is not before late, or outside 1–180 whole minutes', () => {
    expect(validThresholds({ warnMin: 10, lateMin: 10 })).toBeNull();
    expect(validThresholds({ warnMin: 0, lateMin: 10 })).toBeNull();
    expect(validThresholds({ warnMin: 5.5, lateMin: 10 })).toBeNull();
    expect(validThresholds({ warnMin: 5, lateMin: 181 })).toBeNull();
    expect(validThresholds({ warnMin: 5, lateMin: 12 })).toEqual({ warnMin: 5, lateMin: 12 });
  });

  it('keeps the settings in localStorage and falls back to the defaults on anything broken', () => {
    saveThresholds({ warnMin: 6, lateMin: 11 });
    expect(loadThresholds()).toEqual({ warnMin: 6, lateMin: 11 });
    localStorage.setItem('comanda.kitchen.thresholds', '{"warnMin":9,"lateMin":3}');
    expect(loadThresholds()).toEqual(DEFAULT_THRESHOLDS);
    localStorage.setItem('comanda.kitchen.thresholds', 'not json');
    expect(loadThresholds()).toEqual(DEFAULT_THRESHOLDS);
  });

  it('shows ages as m:ss, and h:mm:ss past an hour', () => {
    expect(formatAge(0)).toBe('0:00');
    expect(formatAge(65_000)).toBe('1:05');
    expect(formatAge(3_725_000)).toBe('1:02:05');
    expect(formatAge(-500)).toBe('0:00');
  });
});

describe('age clock (one interval for every card)', () => {
  it('writes each label and colours its card on every tick, and re-colours at once when thresholds change', () => {
    let now = 1_000_000;
    const clock = createAgeClock(DEFAULT_THRESHOLDS, () => now);
    const card = document.createElement('article');
    const label = document.createElement('span');
    const late = document.createElement('span');
    clock.register(label, now - 7 * min, card);
    clock.registerText(late, (_, n) => String(n));
    expect(label.textContent).toBe('7:00');
    expect(card.dataset.level).toBe('ok');
    now += 9 * min;
    clock.tick();
    expect(label.textContent).toBe('16:00');
    expect(card.dataset.level).toBe('late');
    expect(late.textContent).toBe('1');
    clock.setThresholds({ warnMin: 10, lateMin: 30 });
    expect(card.dataset.level).toBe('warn');
  });

  it('forgets a label when its card goes', () => {
    const clock = createAgeClock(DEFAULT_THRESHOLDS);
    const off = clock.register(document.createElement('span'), Date.now(), null);
    expect(clock.size()).toBe(1);
    off();
    expect(clock.size()).toBe(0);
  });
});
