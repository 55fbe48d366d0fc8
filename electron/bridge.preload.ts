// Preload for the admin window: exposes the typed bridge as `window.comanda`. It runs
// sandboxed with context isolation, so it only relays calls over IPC; everything that touches
// the system happens in the main process (bridge.main.ts).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeChannels, type ComandaBridge, type HubStateSnapshot } from './bridge.js';
import type { LanAddressWithQr } from './lan-addresses.js';

const bridge = {
  getHubState: () => ipcRenderer.invoke(bridgeChannels.getHubState) as Promise<HubStateSnapshot>,
  onHubState: (listener: (snapshot: HubStateSnapshot) => void) => {
    // Wrapped so the page never sees the IPC event (and through it, ipcRenderer).
    const relay = (_event: IpcRendererEvent, snapshot: HubStateSnapshot): void => listener(snapshot);
    ipcRenderer.on(bridgeChannels.hubState, relay);
    return () => {
      ipcRenderer.removeListener(bridgeChannels.hubState, relay);
    };
  },
  getLanAddresses: () => ipcRenderer.invoke(bridgeChannels.getLanAddresses) as Promise<LanAddressWithQr[]>,
  openExternal: async (url: string) => {
    await ipcRenderer.invoke(bridgeChannels.openExternal, url);
  },
} satisfies ComandaBridge;

contextBridge.exposeInMainWorld('comanda', bridge);
