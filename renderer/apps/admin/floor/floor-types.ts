// The floor as the admin edits it (GET /api/admin/floor); types only, from protocol/.
import type { AdminFloorView, HubAddressesView } from '../../../../protocol/admin-api-views.js';

export type Floor = AdminFloorView;
export type Sector = Floor['sectors'][number];
export type Table = Floor['tables'][number];
export type HubAddresses = HubAddressesView;
