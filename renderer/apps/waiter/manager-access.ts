// Who may void dishes, give discounts and refund payments: the hub allows only ADMIN and MANAGER
// (hub/domain/permissions.ts), so the app shows those actions to them alone rather than offer a
// button that would always be refused.
import { useSyncExternalStore } from 'react';
import type { StaffRole } from '../../shared/staff-session.js';
import { useRuntime } from './runtime-context.js';

export function canManage(role: StaffRole | null | undefined): boolean {
  return role === 'ADMIN' || role === 'MANAGER';
}

/** True while the person signed in on this device is a manager or an admin. */
export function useCanManage(): boolean {
  const rt = useRuntime();
  const signedIn = useSyncExternalStore(rt.sessions.subscribe, rt.sessions.current);
  return canManage(signedIn?.staff.role);
}

/**
 * Voids and discounts change the total, so the hub allows them only until the first payment freezes
 * the check (session lifecycle `edit`: OPEN and CHECK_REQUESTED).
 */
export function checkEditable(status: string): boolean {
  return status === 'OPEN' || status === 'CHECK_REQUESTED';
}
