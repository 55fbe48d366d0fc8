// The waiter app's texts in Spanish (the reference) and English, composed from the area files in
// texts/; each area types its English against its Spanish, so English has every key.
import { sharedEn, sharedEs } from '../../shared/shared-texts.js';
import { appEn, appEs } from './texts/app.js';
import { checkEn, checkEs } from './texts/check.js';
import { floorEn, floorEs } from './texts/floor.js';
import { managerEn, managerEs } from './texts/manager.js';
import { menuEn, menuEs } from './texts/menu.js';
import { orderEn, orderEs } from './texts/order.js';
import { sessionEn, sessionEs } from './texts/session.js';

export const es = {
  ...sharedEs,
  ...appEs,
  ...floorEs,
  ...sessionEs,
  ...menuEs,
  ...orderEs,
  ...checkEs,
  ...managerEs,
};

export const en: Record<keyof typeof es, string> = {
  ...sharedEn,
  ...appEn,
  ...floorEn,
  ...sessionEn,
  ...menuEn,
  ...orderEn,
  ...checkEn,
  ...managerEn,
};
