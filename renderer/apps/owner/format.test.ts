// The dashboard's money axis and report presets: in the currency the API gives, from the business day.
import { describe, expect, it } from 'vitest';
import { axisMoney } from './format.js';
import { presetRange } from './reports/DateRangePicker.js';

describe('axisMoney', () => {
  it("formats whole units in the figures' currency, not always euros", () => {
    expect(axisMoney('en', 'MXN')(120_000)).toBe('MX$1,200');
    expect(axisMoney('es', 'EUR')(120_000)).toMatch(/^1200\s€$/);
    expect(axisMoney('en', 'USD')(99)).toBe('US$1');
  });
});

describe('presetRange', () => {
  it("counts back from the business day the cloud gives, whatever this device's date", () => {
    expect(presetRange('today', '2026-03-06')).toEqual({ from: '2026-03-06', to: '2026-03-06' });
    expect(presetRange('7', '2026-03-06')).toEqual({ from: '2026-02-28', to: '2026-03-06' });
    expect(presetRange('month', '2026-03-06')).toEqual({ from: '2026-03-01', to: '2026-03-06' });
  });
});
