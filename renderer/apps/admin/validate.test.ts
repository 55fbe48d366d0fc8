import { describe, expect, it } from 'vitest';
import {
  bpToPercentInput,
  centsToInput,
  isPin,
  isStationId,
  parseCents,
  parsePercentBp,
} from './validate.js';

describe('money typed by a manager', () => {
  it('reads Spanish and English decimals and thousands marks as whole cents', () => {
    expect(parseCents('12')).toBe(1200);
    expect(parseCents('12,5')).toBe(1250);
    expect(parseCents('12.50')).toBe(1250);
    expect(parseCents('9,75 €')).toBe(975);
    expect(parseCents('1.234,50')).toBe(123450);
    expect(parseCents('1,234.50')).toBe(123450);
    expect(parseCents('0,07')).toBe(7);
  });

  it('refuses what is not an amount rather than guessing', () => {
    for (const bad of ['', 'abc', '9,7x', '-3', '1,2,3,4', '12,345,6', '3.999', '1.234.50', '9,755']) {
      expect(parseCents(bad), bad).toBeNull();
    }
  });

  it('writes cents back the way each language types them', () => {
    expect(centsToInput(975, 'es')).toBe('9,75');
    expect(centsToInput(1200, 'en')).toBe('12.00');
    expect(parseCents(centsToInput(123456, 'es'))).toBe(123456);
  });
});

describe('other fields', () => {
  it('tax rates are per cent in, basis points out', () => {
    expect(parsePercentBp('21')).toBe(2100);
    expect(parsePercentBp('10,5')).toBe(1050);
    expect(parsePercentBp('100')).toBe(10_000);
    expect(parsePercentBp('101')).toBeNull();
    expect(parsePercentBp('ten')).toBeNull();
    expect(bpToPercentInput(1050, 'es')).toBe('10,5');
    expect(bpToPercentInput(2100, 'en')).toBe('21');
  });

  it('PINs are 4 to 8 digits and station codes fit a topic name', () => {
    expect(isPin('1234')).toBe(true);
    expect(isPin('123')).toBe(false);
    expect(isPin('12a4')).toBe(false);
    expect(isStationId('cocina-fria')).toBe(true);
    expect(isStationId('Cocina Fría')).toBe(false);
  });
});
