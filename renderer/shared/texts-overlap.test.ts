import { describe, expect, it } from 'vitest';
import { overlappingKeys } from './texts-overlap.js';

describe('overlappingKeys', () => {
  it('names a key that two sections define', () => {
    expect(overlappingKeys({ a: { x: '1', y: '2' }, b: { y: '3' } })).toEqual(['y (a, b)']);
  });
  it('finds nothing when each key has one section', () => {
    expect(overlappingKeys({ a: { x: '1' }, b: { y: '2' } })).toEqual([]);
  });
});
