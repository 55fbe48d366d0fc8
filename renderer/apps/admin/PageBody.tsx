// Which page the route shows.
import type { Route } from './routes.js';
import { CatalogPage } from './catalog/CatalogPage.js';
import { FloorPage } from './floor/FloorPage.js';
import { StaffPage } from './staff/StaffPage.js';
import { DevicesPage } from './devices/DevicesPage.js';
import { SyncPage } from './sync/SyncPage.js';
import { HttpsPage } from './security/HttpsPage.js';
import { MaintenancePage } from './maintenance/MaintenancePage.js';
import { SettingsPage } from './settings/SettingsPage.js';
import { DayReportPage } from './cashup/DayReportPage.js';

export function PageBody(props: { route: Route }) {
  switch (props.route.page) {
    case 'catalog':
      return <CatalogPage />;
    case 'floor':
      return <FloorPage />;
    case 'staff':
      return <StaffPage />;
    case 'cashup':
      return <DayReportPage />;
    case 'devices':
      return <DevicesPage />;
    case 'sync':
      return <SyncPage />;
    case 'settings':
      return <SettingsPage />;
    case 'https':
      return <HttpsPage />;
    case 'maintenance':
      return <MaintenancePage />;
  }
}
