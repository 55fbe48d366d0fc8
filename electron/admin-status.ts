// What the tray shows about the hub beyond "running": devices connected and sync state, read
// from the hub's admin API. Anything the hub does not answer (not up, not built yet, refused,
// another shape) shows as unknown rather than as a guess.
import { z } from 'zod';

export interface HubAdminStatus {
  readonly devicesConnected: number | null;
  readonly syncState: string | null;
}

export const unknownAdminStatus: HubAdminStatus = { devicesConnected: null, syncState: null };

// The part of `GET /api/admin/status` the tray reads; each part is optional on its own so a
// hub that reports only one of them still shows it.
const devicesSchema = z.object({ devices: z.object({ connected: z.number().int().nonnegative() }) });
const syncSchema = z.object({ sync: z.object({ state: z.string().min(1).max(64) }) });

export function parseAdminStatus(body: unknown): HubAdminStatus {
  const devices = devicesSchema.safeParse(body);
  const sync = syncSchema.safeParse(body);
  return {
    devicesConnected: devices.success ? devices.data.devices.connected : null,
    syncState: sync.success ? sync.data.sync.state : null,
  };
}

export async function fetchAdminStatus(baseUrl: string, timeoutMs = 2_000): Promise<HubAdminStatus> {
  try {
    const response = await fetch(`${baseUrl}/api/local/status`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      return unknownAdminStatus;
    }
    return parseAdminStatus(await response.json());
  } catch {
    return unknownAdminStatus;
  }
}
