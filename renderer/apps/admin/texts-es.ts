// Spanish texts of the admin app: the reference dictionary, composed from each section's texts file.
import { sharedEs } from '../../shared/shared-texts.js';
import { catalogEs } from './catalog/texts.js';
import { commonEs } from './common-texts.js';
import { devicesEs } from './devices/texts.js';
import { floorEs } from './floor/texts.js';
import { maintenanceEs } from './maintenance/texts.js';
import { settingsEs } from './settings/texts.js';
import { cashupEs } from './cashup/texts.js';
import { httpsEs } from './security/texts.js';
import { staffEs } from './staff/texts.js';
import { syncEs } from './sync/texts.js';

export const es = {
  ...sharedEs,
  ...commonEs,
  ...catalogEs,
  ...floorEs,
  ...staffEs,
  ...devicesEs,
  ...syncEs,
  ...httpsEs,
  ...maintenanceEs,
  ...settingsEs,
  ...cashupEs,
};
