// Staff as GET /api/staff lists them; roles in the order the forms offer them.
import type { StaffListEntry, StaffRole } from '../../../shared/staff-session.js';

export type StaffMember = StaffListEntry;
export type Role = StaffRole;
export const ROLES: readonly Role[] = ['WAITER', 'KITCHEN', 'MANAGER', 'ADMIN'];
