// The admin app's connections to the hub, made once per page: the HTTP client with the signed-in
// manager's token, the offline-first command queue (every write keeps its command id across retries)
// and the sign-in itself. Screens reach them through AdminContext so tests can hand in their own.
import { createContext, useContext } from 'react';
import { createApiClient, type ApiClient } from '../../shared/api-client.js';
import { createCommandQueue, httpTransport, type CommandQueue } from '../../shared/command-queue.js';
import { openPendingStore } from '../../shared/pending-store.js';
import { createSessionStore, type SessionStore } from '../../shared/staff-session.js';

export interface AdminServices {
  api: ApiClient;
  /** The client StaffLogin uses; see loginClient(). */
  loginApi: ApiClient;
  commands: CommandQueue;
  sessions: SessionStore;
}

export function createAdminServices(): AdminServices {
  const sessions = createSessionStore('admin');
  // A 401 means the access token expired between refreshes: trade the refresh token once.
  const refreshApi = createApiClient();
  const api = createApiClient({
    getToken: () => sessions.token(),
    onUnauthorized: () => void sessions.refresh(refreshApi),
  });
  const commands = createCommandQueue(openPendingStore('admin'), httpTransport(api.post));
  return { api, loginApi: loginClient(api), commands, sessions };
}

/**
 * GET /api/auth/staff lists only active staff and so sends no `active` field, while the shared
 * StaffLogin keeps entries with `active` true: mark them active here, so the list is not empty.
 */
export function loginClient(api: ApiClient): ApiClient {
  return {
    ...api,
    get: async <T>(path: string): Promise<T> => {
      const body = await api.get<T>(path);
      if (path !== '/api/auth/staff' || !Array.isArray(body)) return body;
      return body.map((s: Record<string, unknown>) => ({ active: true, sectorIds: [], ...s })) as T;
    },
  };
}

export const AdminContext = createContext<AdminServices | null>(null);

export function useAdmin(): AdminServices {
  const services = useContext(AdminContext);
  if (!services) throw new Error('useAdmin outside <AdminContext.Provider>');
  return services;
}
