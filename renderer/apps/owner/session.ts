// Who is signed in, for the whole app: unknown while /me is asked, then the account or null.
import type { OwnerMe } from '../../../protocol/owner-api.js';
import { createStore } from '../../shared/use-store.js';

export type SessionState = { status: 'checking' } | { status: 'out' } | { status: 'in'; me: OwnerMe };

export const session = createStore<SessionState>({ status: 'checking' });

export function signedOut(): void {
  session.set({ status: 'out' });
}
