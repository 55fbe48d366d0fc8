import { describe, expect, it } from 'vitest';
import { ALLERGENS } from '../../protocol/menu-values.js';
import { allergenEs } from './allergen-texts.js';

describe('allergen texts', () => {
  it('name exactly the allergens the protocol knows', () => {
    expect(Object.keys(allergenEs).sort()).toEqual(ALLERGENS.map((a) => `allergen.${a}`).sort());
  });
});
