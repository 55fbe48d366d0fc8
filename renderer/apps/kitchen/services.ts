// The kitchen app's long-lived parts, made once in main.tsx: HTTP clients, the cook's session, the
// paired-device token, the command queue and the sounds.
import { createApiClient, type ApiClient } from '../../shared/api-client.js';
import { createCommandQueue, httpTransport, type CommandQueue } from '../../shared/command-queue.js';
import { openPendingStore } from '../../shared/pending-store.js';
import { createSessionStore, type SessionStore } from '../../shared/staff-session.js';
import { createBeeper, type Beeper } from './beeper.js';
import { createDeviceStore } from './kitchen-auth.js';
import { loginApi } from './login-api.js';

export interface KitchenServices {
  /** Reads and the live feed: the paired device's token when there is one (it never expires), else the cook's. */
  readApi: ApiClient;
  /** The cook's token only (sign-in refresh, commands only staff may run). */
  staffApi: ApiClient;
  /** For the shared StaffLogin (see login-api.ts). */
  loginApi: ApiClient;
  sessions: SessionStore;
  device: ReturnType<typeof createDeviceStore>;
  queue: CommandQueue;
  beeper: Beeper;
  readToken(): string | null;
}

export function createKitchenServices(): KitchenServices {
  const sessions = createSessionStore('kitchen');
  const device = createDeviceStore();
  const readToken = () => device.get() ?? sessions.token();
  const staffApi = createApiClient({
    getToken: () => sessions.token(),
    onUnauthorized: () => void sessions.refresh(staffApi),
  });
  const readApi = createApiClient({ getToken: readToken });
  // Commands go as the signed-in cook when there is one (the log names them), else as the paired screen,
  // which the hub lets start, bump and recall tickets (DEVICE_COMMANDS).
  const commandApi = createApiClient({
    getToken: () => sessions.token() ?? device.get(),
    onUnauthorized: () => {
      if (sessions.token()) void sessions.refresh(staffApi);
    },
  });
  const queue = createCommandQueue(openPendingStore('kitchen'), httpTransport(commandApi.post));
  return {
    readApi,
    staffApi,
    loginApi: loginApi(staffApi),
    sessions,
    device,
    queue,
    beeper: createBeeper(),
    readToken,
  };
}

/** What a paired screen may run without a cook signed in (the hub's `kds` permission rule). */
export const DEVICE_COMMANDS: ReadonlySet<string> = new Set([
  'StartTicket',
  'BumpTicket',
  'BumpItem',
  'RecallTicket',
]);
