// Who may run which command (DOMAIN.md "Who may do what"), as one table checked before every decision.
import type { Role } from '../../protocol/domain-values.js';
import type { CommandType } from '../../protocol/commands/command.js';
import type { Actor } from '../../protocol/events/event.js';
import { fail, ok, type Result } from './result.js';

interface Rule {
  /** Staff roles allowed; WAITER is limited to its own sectors when `sectorScoped`. */
  roles: readonly Role[];
  sectorScoped: boolean;
  /** A diner may run it on their own session. */
  diner: boolean;
  /** Anyone with the table's code may run it (a diner joining); staff still need a role and sector. */
  public?: boolean;
  /** The hub's own timers may run it. */
  system?: boolean;
  /** A paired kitchen screen (KDS device token) may run it: cooks bump without typing a PIN. */
  kds?: boolean;
}

const ADMINS: readonly Role[] = ['ADMIN', 'MANAGER'];
const FLOOR: readonly Role[] = ['ADMIN', 'MANAGER', 'WAITER'];
const KITCHEN: readonly Role[] = ['ADMIN', 'MANAGER', 'KITCHEN'];
const ALL: readonly Role[] = ['ADMIN', 'MANAGER', 'WAITER', 'KITCHEN'];

const admin: Rule = { roles: ADMINS, sectorScoped: false, diner: false };
const floor: Rule = { roles: FLOOR, sectorScoped: true, diner: false };
const floorOrDiner: Rule = { roles: FLOOR, sectorScoped: true, diner: true };
const kitchen: Rule = { roles: KITCHEN, sectorScoped: false, diner: false };
// What a kitchen screen on the wall does all night; the event records the screen as the actor.
const kitchenScreen: Rule = { ...kitchen, kds: true };

export const PERMISSIONS: Record<CommandType, Rule> = {
  UpsertCategory: admin,
  UpsertStation: admin,
  UpsertProduct: admin,
  SetBranchPrice: admin,
  SetProductAvailability: { roles: ALL, sectorScoped: false, diner: false },
  UpsertSector: admin,
  UpsertTable: admin,
  RotateJoinCode: admin,
  CreateStaff: admin,
  UpdateStaff: admin,
  ResetStaffPin: admin,
  AssignSectors: admin,
  UpdateBranchSettings: admin,
  RegisterDevice: admin,
  OpenSession: floor,
  JoinSession: { roles: FLOOR, sectorScoped: true, diner: false, public: true },
  TransferSession: floor,
  MergeSessions: floor,
  UpdateGuests: floor,
  RequestCheck: floorOrDiner,
  CloseSession: floor,
  VoidSession: admin,
  AddItem: floorOrDiner,
  UpdateItem: floorOrDiner,
  RemoveItem: floorOrDiner,
  SubmitRound: floorOrDiner,
  PlaceRound: floorOrDiner,
  ConfirmRound: floor,
  CancelRound: floor,
  FireCourse: floor,
  MarkServed: floor,
  VoidItem: admin,
  StartTicket: kitchenScreen,
  BumpTicket: kitchenScreen,
  BumpItem: kitchenScreen,
  RecallTicket: kitchenScreen,
  CreateServiceCall: floorOrDiner,
  AcknowledgeServiceCall: floor,
  ResolveServiceCall: floor,
  EscalateServiceCall: { roles: ADMINS, sectorScoped: false, diner: false, system: true },
  ApplyDiscount: admin,
  RemoveDiscount: admin,
  SplitCheck: floor,
  RecordPayment: floor,
  RefundPayment: admin,
  UpsertPrinter: admin,
  RemovePrinter: admin,
  ConfirmPrintJob: kitchen,
  ReprintTicket: kitchen,
  PrintPreBill: floor,
  PrintReceipt: floor,
  // The print worker's own reports: the handlers refuse anyone but the hub itself.
  // Only the hub's print worker reports what a printer did: nobody may forge "printed".
  RecordPrintOutcome: { roles: [], sectorScoped: false, diner: false, system: true },
  RecordPrinterStatus: { roles: [], sectorScoped: false, diner: false, system: true },
};

/** Where the command lands, as far as permissions care. */
export interface PermissionScope {
  /** The sector of the table the command touches, when it touches one. */
  sectorId?: string | null;
  /** The session the command touches, when it touches one. */
  sessionId?: string | null;
  /** The actor's sectors (waiters). */
  actorSectorIds?: readonly string[];
  /** An escalated service call may be answered by any waiter. */
  anySector?: boolean;
  /** The kind of the acting device (KDS, TABLET…), read from its registration. */
  deviceKind?: string | null;
}

export function isManager(actor: Actor): boolean {
  return actor.kind === 'staff' && (actor.role === 'ADMIN' || actor.role === 'MANAGER');
}

export function authorize(actor: Actor, type: CommandType, scope: PermissionScope = {}): Result<void> {
  const rule = PERMISSIONS[type];
  if (rule.public && actor.kind !== 'staff') return ok(undefined);
  switch (actor.kind) {
    case 'system':
      // The hub's own processes (first-start setup, cloud catalog sync, timers) act with an admin's rights.
      return rule.system || rule.roles.includes('ADMIN')
        ? ok(undefined)
        : fail('FORBIDDEN', `the hub itself may not run ${type}`);
    case 'diner':
      if (!rule.diner) return fail('FORBIDDEN', `a diner may not run ${type}`);
      if (scope.sessionId !== actor.sessionId)
        return fail('FORBIDDEN', 'a diner may act only on their own table');
      return ok(undefined);
    case 'device':
      return deviceMay(rule, type, scope.deviceKind);
    case 'staff': {
      if (!rule.roles.includes(actor.role)) return fail('FORBIDDEN', `${actor.role} may not run ${type}`);
      if (rule.sectorScoped && actor.role === 'WAITER' && !scope.anySector && scope.sectorId) {
        if (!(scope.actorSectorIds ?? []).includes(scope.sectorId)) {
          return fail('FORBIDDEN', 'this table is in a sector you are not assigned to');
        }
      }
      return ok(undefined);
    }
  }
}

/**
 * The role half of `authorize`, checked before any state is read: a waiter asking for a manager's
 * command learns FORBIDDEN, not whether the thing exists.
 */
export function authorizeRole(actor: Actor, type: CommandType, deviceKind?: string | null): Result<void> {
  const rule = PERMISSIONS[type];
  if (rule.public && actor.kind !== 'staff') return ok(undefined);
  if (actor.kind === 'staff' && !rule.roles.includes(actor.role))
    return fail('FORBIDDEN', `${actor.role} may not run ${type}`);
  if (actor.kind === 'diner' && !rule.diner) return fail('FORBIDDEN', `a diner may not run ${type}`);
  if (actor.kind === 'device') return deviceMay(rule, type, deviceKind);
  return ok(undefined);
}

function deviceMay(rule: Rule, type: CommandType, deviceKind: string | null | undefined): Result<void> {
  if (rule.kds && deviceKind === 'KDS') return ok(undefined);
  return fail('FORBIDDEN', `a ${deviceKind ?? 'paired'} device may not run ${type} without a staff login`);
}
