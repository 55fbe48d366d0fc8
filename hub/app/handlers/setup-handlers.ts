// Handlers for the menu, the floor, staff, devices and settings.
import {
  decideSetAvailability,
  decideSetBranchPrice,
  decideUpsertCategory,
  decideUpsertProduct,
  decideUpsertStation,
} from '../../domain/catalog-decide.js';
import {
  decideAssignSectors,
  decideCreateStaff,
  decideRegisterDevice,
  decideResetPin,
  decideRotateJoinCode,
  decideUpdateSettings,
  decideUpdateStaff,
  decideUpsertSector,
  decideUpsertTable,
} from '../../domain/floor-decide.js';
import { fail } from '../../domain/result.js';
import {
  exists,
  loadProduct,
  loadStaff,
  loadTable,
  tableIdByLabel,
} from '../../store/queries/view-loaders.js';
import { allowed, type HandlerMap } from './handler-types.js';

type SetupCommands =
  | 'UpsertCategory'
  | 'UpsertStation'
  | 'UpsertProduct'
  | 'SetProductAvailability'
  | 'SetBranchPrice'
  | 'UpsertSector'
  | 'UpsertTable'
  | 'RotateJoinCode'
  | 'CreateStaff'
  | 'UpdateStaff'
  | 'ResetStaffPin'
  | 'AssignSectors'
  | 'UpdateBranchSettings'
  | 'RegisterDevice';

export const setupHandlers: HandlerMap<SetupCommands> = {
  UpsertCategory: (env, p) => {
    const can = allowed(env, 'UpsertCategory');
    return can.ok ? decideUpsertCategory({ catalogVersion: env.branch.catalogVersion }, p, env.ctx) : can;
  },
  UpsertStation: (env, p) => {
    const can = allowed(env, 'UpsertStation');
    return can.ok ? decideUpsertStation({ catalogVersion: env.branch.catalogVersion }, p) : can;
  },
  UpsertProduct: (env, p) => {
    const can = allowed(env, 'UpsertProduct');
    if (!can.ok) return can;
    return decideUpsertProduct(
      {
        catalogVersion: env.branch.catalogVersion,
        categoryExists: exists(env.db, 'category', p.categoryId),
        stationExists: exists(env.db, 'station', p.station),
      },
      p,
      env.ctx,
    );
  },
  SetProductAvailability: (env, p) => {
    const can = allowed(env, 'SetProductAvailability');
    return can.ok ? decideSetAvailability({ product: loadProduct(env.db, p.productId) }, p) : can;
  },
  SetBranchPrice: (env, p) => {
    const can = allowed(env, 'SetBranchPrice');
    if (!can.ok) return can;
    return decideSetBranchPrice(
      { product: loadProduct(env.db, p.productId), catalogVersion: env.branch.catalogVersion },
      p,
    );
  },
  UpsertSector: (env, p) => {
    const can = allowed(env, 'UpsertSector');
    return can.ok ? decideUpsertSector(p, env.ctx) : can;
  },
  UpsertTable: (env, p) => {
    const can = allowed(env, 'UpsertTable');
    if (!can.ok) return can;
    return decideUpsertTable(
      {
        existing: p.tableId ? loadTable(env.db, p.tableId) : undefined,
        sectorExists: exists(env.db, 'sector', p.sectorId),
        labelTakenBy: tableIdByLabel(env.db, p.label),
      },
      p,
      env.ctx,
    );
  },
  RotateJoinCode: (env, p) => {
    const can = allowed(env, 'RotateJoinCode');
    return can.ok ? decideRotateJoinCode({ table: loadTable(env.db, p.tableId) }, env.ctx) : can;
  },
  CreateStaff: (env, p) => {
    const can = allowed(env, 'CreateStaff');
    if (!can.ok) return can;
    if (!env.prepared.pinHash) return fail('INTERNAL', 'PIN was not hashed before the transaction');
    if (p.staffId && loadStaff(env.db, p.staffId))
      return fail('CONFLICT', `staff ${p.staffId} already exists`);
    return decideCreateStaff({ pinHash: env.prepared.pinHash }, p, env.ctx);
  },
  UpdateStaff: (env, p) => {
    const can = allowed(env, 'UpdateStaff');
    return can.ok ? decideUpdateStaff({ staff: loadStaff(env.db, p.staffId) }, p, env.ctx) : can;
  },
  ResetStaffPin: (env, p) => {
    const can = allowed(env, 'ResetStaffPin');
    if (!can.ok) return can;
    if (!env.prepared.pinHash) return fail('INTERNAL', 'PIN was not hashed before the transaction');
    return decideResetPin({ staff: loadStaff(env.db, p.staffId), pinHash: env.prepared.pinHash }, p, env.ctx);
  },
  AssignSectors: (env, p) => {
    const can = allowed(env, 'AssignSectors');
    if (!can.ok) return can;
    const unknownSectorIds = p.sectorIds.filter((id) => !exists(env.db, 'sector', id));
    return decideAssignSectors({ staff: loadStaff(env.db, p.staffId), unknownSectorIds }, p);
  },
  UpdateBranchSettings: (env, p) => {
    const can = allowed(env, 'UpdateBranchSettings');
    return can.ok ? decideUpdateSettings({ branchId: env.branch.id, settings: env.branch.settings }, p) : can;
  },
  RegisterDevice: (env, p) => {
    const can = allowed(env, 'RegisterDevice');
    return can.ok ? decideRegisterDevice(p, env.ctx) : can;
  },
};
