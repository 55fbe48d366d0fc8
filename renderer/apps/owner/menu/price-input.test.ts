import { describe, expect, it } from 'vitest';
import { parsePriceCents, priceText } from './price-input.js';

describe('price input', () => {
  it('reads prices the way people type them, in cents', () => {
    expect(parsePriceCents('12,50')).toBe(1250);
    expect(parsePriceCents('12.5')).toBe(1250);
    expect(parsePriceCents(' 7 ')).toBe(700);
    expect(parsePriceCents('0,05')).toBe(5);
    expect(parsePriceCents('19.99 €')).toBe(1999);
  });
  it('refuses what is not a price', () => {
    for (const bad of ['', 'abc', '-3', '1.234', '12,5,0', '1e3']) expect(parsePriceCents(bad)).toBeNull();
  });
  it('writes cents back in the page language', () => {
    expect(priceText(1250, 'es')).toBe('12,50');
    expect(priceText(5, 'en')).toBe('0.05');
  });
});
