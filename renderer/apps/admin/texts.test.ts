import { describe, expect, it } from 'vitest';
import { sharedEn, sharedEs } from '../../shared/shared-texts.js';
import { overlappingKeys } from '../../shared/texts-overlap.js';
import { catalogEn, catalogEs } from './catalog/texts.js';
import { commonEn, commonEs } from './common-texts.js';
import { devicesEn, devicesEs } from './devices/texts.js';
import { floorEn, floorEs } from './floor/texts.js';
import { maintenanceEn, maintenanceEs } from './maintenance/texts.js';
import { settingsEn, settingsEs } from './settings/texts.js';
import { cashupEn, cashupEs } from './cashup/texts.js';
import { httpsEn, httpsEs } from './security/texts.js';
import { staffEn, staffEs } from './staff/texts.js';
import { syncEn, syncEs } from './sync/texts.js';

describe('admin texts', () => {
  it('defines each Spanish key in one section only', () => {
    const es = {
      sharedEs,
      commonEs,
      catalogEs,
      floorEs,
      staffEs,
      devicesEs,
      syncEs,
      httpsEs,
      maintenanceEs,
      settingsEs,
      cashupEs,
    };
    expect(overlappingKeys(es)).toEqual([]);
  });
  it('defines each English key in one section only', () => {
    const en = {
      sharedEn,
      commonEn,
      catalogEn,
      floorEn,
      staffEn,
      devicesEn,
      syncEn,
      httpsEn,
      maintenanceEn,
      settingsEn,
      cashupEn,
    };
    expect(overlappingKeys(en)).toEqual([]);
  });
});
