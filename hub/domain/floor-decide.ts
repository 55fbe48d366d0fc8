// Decisions on the floor (sectors, tables, join codes), staff, devices and branch settings.
import type { PayloadOf } from '../../protocol/commands/command.js';
import type { BranchSettings, Role } from '../../protocol/domain-values.js';
import { decided, ev, type Decision } from './decision.js';
import { fail, type Result } from './result.js';
import type { DecideContext, StaffView, TableView } from './views.js';

export function decideUpsertSector(p: PayloadOf<'UpsertSector'>, ctx: DecideContext): Result<Decision> {
  const sectorId = p.sectorId ?? ctx.newId();
  return decided([ev('SectorUpserted', { sectorId, name: p.name, position: p.position, active: p.active })], {
    sectorId,
  });
}

export function decideUpsertTable(
  input: { existing: TableView | undefined; sectorExists: boolean; labelTakenBy: string | undefined },
  p: PayloadOf<'UpsertTable'>,
  ctx: DecideContext,
): Result<Decision> {
  if (!input.sectorExists) return fail('NOT_FOUND', `sector ${p.sectorId} not found`);
  const tableId = p.tableId ?? ctx.newId();
  if (input.labelTakenBy && input.labelTakenBy !== tableId) {
    return fail('CONFLICT', `another table is already labelled "${p.label}"`);
  }
  const joinCode = input.existing?.joinCode ?? ctx.newJoinCode();
  return decided(
    [
      ev('TableUpserted', {
        tableId,
        sectorId: p.sectorId,
        label: p.label,
        seats: p.seats,
        active: p.active,
        joinCode,
      }),
    ],
    { tableId, joinCode },
  );
}

export function decideRotateJoinCode(
  input: { table: TableView | undefined },
  ctx: DecideContext,
): Result<Decision> {
  if (!input.table) return fail('NOT_FOUND', 'table not found');
  const joinCode = ctx.newJoinCode();
  return decided([ev('JoinCodeRotated', { tableId: input.table.id, joinCode })], {
    tableId: input.table.id,
    joinCode,
  });
}

/** Managers run the floor's staff but may not create, promote or edit admins and managers. */
function mayManageRole(ctx: DecideContext, role: Role): boolean {
  if (ctx.actor.kind === 'system') return true;
  if (ctx.actor.kind !== 'staff') return false;
  return ctx.actor.role === 'ADMIN' || role === 'WAITER' || role === 'KITCHEN';
}

export function decideCreateStaff(
  input: { pinHash: string },
  p: PayloadOf<'CreateStaff'>,
  ctx: DecideContext,
): Result<Decision> {
  if (!mayManageRole(ctx, p.role)) return fail('FORBIDDEN', `only an admin may create a ${p.role}`);
  const staffId = p.staffId ?? ctx.newId();
  return decided([ev('StaffCreated', { staffId, name: p.name, role: p.role, pinHash: input.pinHash })], {
    staffId,
  });
}

export function decideUpdateStaff(
  input: { staff: StaffView | undefined },
  p: PayloadOf<'UpdateStaff'>,
  ctx: DecideContext,
): Result<Decision> {
  const s = input.staff;
  if (!s) return fail('NOT_FOUND', `staff ${p.staffId} not found`);
  const role = p.role ?? s.role;
  if (!mayManageRole(ctx, s.role) || !mayManageRole(ctx, role)) {
    return fail('FORBIDDEN', 'only an admin may change admins and managers');
  }
  if (ctx.actor.kind === 'staff' && ctx.actor.staffId === s.id && p.active === false) {
    return fail('CONFLICT', 'you cannot disable your own account');
  }
  return decided(
    [ev('StaffUpdated', { staffId: s.id, name: p.name ?? s.name, role, active: p.active ?? s.active })],
    {
      staffId: s.id,
    },
  );
}

export function decideResetPin(
  input: { staff: StaffView | undefined; pinHash: string },
  p: PayloadOf<'ResetStaffPin'>,
  ctx: DecideContext,
): Result<Decision> {
  if (!input.staff) return fail('NOT_FOUND', `staff ${p.staffId} not found`);
  if (!mayManageRole(ctx, input.staff.role)) return fail('FORBIDDEN', 'only an admin may reset this PIN');
  return decided([ev('StaffPinReset', { staffId: input.staff.id, pinHash: input.pinHash })], {
    staffId: input.staff.id,
  });
}

export function decideAssignSectors(
  input: { staff: StaffView | undefined; unknownSectorIds: string[] },
  p: PayloadOf<'AssignSectors'>,
): Result<Decision> {
  if (!input.staff) return fail('NOT_FOUND', `staff ${p.staffId} not found`);
  if (input.unknownSectorIds.length > 0) {
    return fail('NOT_FOUND', `unknown sectors: ${input.unknownSectorIds.join(', ')}`);
  }
  return decided([ev('SectorsAssigned', { staffId: input.staff.id, sectorIds: [...new Set(p.sectorIds)] })]);
}

export function decideUpdateSettings(
  input: { branchId: string; settings: BranchSettings },
  p: PayloadOf<'UpdateBranchSettings'>,
): Result<Decision> {
  const settings = { ...input.settings, ...p.settings } as BranchSettings;
  return decided([ev('BranchSettingsUpdated', { branchId: input.branchId, settings })], { settings });
}

export function decideRegisterDevice(p: PayloadOf<'RegisterDevice'>, ctx: DecideContext): Result<Decision> {
  if (p.kind === 'KDS' && !p.station) return fail('INVALID', 'a kitchen screen needs a station');
  const deviceId = p.deviceId ?? ctx.newId();
  return decided([ev('DeviceRegistered', { deviceId, kind: p.kind, name: p.name, station: p.station })], {
    deviceId,
  });
}
