// A staff member's sign-in on one device: PIN login, tokens kept in localStorage (a tablet stays signed
// in across reloads), refreshed before they expire, and a sign-out that tells the hub.
import type { ApiClient } from './api-client.js';
import { ApiError } from './api-client.js';

export type StaffRole = 'ADMIN' | 'MANAGER' | 'WAITER' | 'KITCHEN';

export interface StaffSession {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  staff: { id: string; name: string; role: StaffRole; sectorIds: string[] };
}

export interface StaffListEntry {
  id: string;
  name: string;
  role: StaffRole;
  /** Absent from the login list (it holds only people who may sign in). */
  active?: boolean;
  sectorIds: string[];
}

export interface SessionStore {
  current(): StaffSession | null;
  token(): string | null;
  login(api: ApiClient, staffId: string, pin: string): Promise<StaffSession>;
  /** Trades the refresh token for new tokens; signs out when the hub refuses it. */
  refresh(api: ApiClient): Promise<StaffSession | null>;
  logout(api: ApiClient): Promise<void>;
  subscribe(listener: (s: StaffSession | null) => void): () => void;
  /** Refreshes a minute before expiry, for as long as the app runs; returns a stop function. */
  keepFresh(api: ApiClient): () => void;
}

export function createSessionStore(app: string): SessionStore {
  const key = `comanda.${app}.session`;
  let session: StaffSession | null = read();
  const listeners = new Set<(s: StaffSession | null) => void>();

  function read(): StaffSession | null {
    try {
      const raw = localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as StaffSession) : null;
    } catch {
      return null;
    }
  }
  function set(next: StaffSession | null): void {
    session = next;
    if (next) localStorage.setItem(key, JSON.stringify(next));
    else localStorage.removeItem(key);
    for (const l of listeners) l(next);
  }

  const store: SessionStore = {
    current: () => session,
    token: () => session?.accessToken ?? null,
    login: async (api, staffId, pin) => {
      const next = await api.post<StaffSession>('/api/auth/login', { staffId, pin });
      set(next);
      return next;
    },
    refresh: async (api) => {
      if (!session) return null;
      try {
        const next = await api.post<StaffSession>('/api/auth/refresh', {
          refreshToken: session.refreshToken,
        });
        set(next);
        return next;
      } catch (err) {
        // Refused (revoked, expired): sign out. Unreachable: keep the session and try again later.
        if (err instanceof ApiError && !err.retryable) set(null);
        return session;
      }
    },
    logout: async (api) => {
      const refreshToken = session?.refreshToken;
      try {
        if (session) await api.post('/api/auth/logout', refreshToken ? { refreshToken } : {});
      } catch {
        // Signing out works offline too: the tokens expire on their own.
      }
      set(null);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    keepFresh: (api) => {
      const timer = setInterval(() => {
        if (!session) return;
        const msLeft = Date.parse(session.expiresAt) - Date.now();
        if (msLeft < 60_000) void store.refresh(api);
      }, 15_000);
      return () => clearInterval(timer);
    },
  };
  return store;
}
