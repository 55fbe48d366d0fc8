import { describe, expect, it } from 'vitest';
import { sharedEn, sharedEs } from '../../shared/shared-texts.js';
import { overlappingKeys } from '../../shared/texts-overlap.js';
import { appEn, appEs } from './texts/app.js';
import { checkEn, checkEs } from './texts/check.js';
import { floorEn, floorEs } from './texts/floor.js';
import { managerEn, managerEs } from './texts/manager.js';
import { menuEn, menuEs } from './texts/menu.js';
import { orderEn, orderEs } from './texts/order.js';
import { sessionEn, sessionEs } from './texts/session.js';

describe('waiter texts', () => {
  it('defines each Spanish key in one section only', () => {
    const es = { sharedEs, appEs, floorEs, sessionEs, menuEs, orderEs, checkEs, managerEs };
    expect(overlappingKeys(es)).toEqual([]);
  });
  it('defines each English key in one section only', () => {
    const en = { sharedEn, appEn, floorEn, sessionEn, menuEn, orderEn, checkEn, managerEn };
    expect(overlappingKeys(en)).toEqual([]);
  });
});
