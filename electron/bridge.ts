// The typed bridge between the Electron main process and the pages it shows (the hub's admin
// app). The preload exposes an object that `satisfies ComandaBridge` as `window.comanda`; the
// admin app can import these types to use it when it runs inside the desktop shell.
import type { HubState } from './hub-supervisor.js';
import type { LanAddressWithQr } from './lan-addresses.js';

export interface HubStateSnapshot {
  readonly state: HubState;
  readonly port: number | null;
  readonly restarts: number;
}

export interface ComandaBridge {
  getHubState(): Promise<HubStateSnapshot>;
  /** Calls `listener` on every state change; returns the function that stops it. */
  onHubState(listener: (snapshot: HubStateSnapshot) => void): () => void;
  /** The LAN addresses tablets can use, each with a QR code to scan. */
  getLanAddresses(): Promise<LanAddressWithQr[]>;
  /** Opens an http(s) URL in the system browser. */
  openExternal(url: string): Promise<void>;
}

/** IPC channel names, shared by main and preload so neither can drift from the other. */
export const bridgeChannels = {
  getHubState: 'comanda:get-hub-state',
  hubState: 'comanda:hub-state',
  getLanAddresses: 'comanda:get-lan-addresses',
  openExternal: 'comanda:open-external',
} as const;
