// English texts of the admin app, composed from each section's texts file; each section's English is
// typed against its Spanish, and this whole dictionary against texts-es.ts.
import { sharedEn } from '../../shared/shared-texts.js';
import { catalogEn } from './catalog/texts.js';
import { commonEn } from './common-texts.js';
import { devicesEn } from './devices/texts.js';
import { floorEn } from './floor/texts.js';
import { maintenanceEn } from './maintenance/texts.js';
import { settingsEn } from './settings/texts.js';
import { cashupEn } from './cashup/texts.js';
import { httpsEn } from './security/texts.js';
import { staffEn } from './staff/texts.js';
import { syncEn } from './sync/texts.js';
import type { es } from './texts-es.js';

export const en: Record<keyof typeof es, string> = {
  ...sharedEn,
  ...commonEn,
  ...catalogEn,
  ...floorEn,
  ...staffEn,
  ...devicesEn,
  ...syncEn,
  ...httpsEn,
  ...maintenanceEn,
  ...settingsEn,
  ...cashupEn,
};
