// The main-process side of the bridge: answers the preload's IPC calls and pushes hub state
// changes to every window. Calls are answered only for pages served by the hub itself.
import { BrowserWindow, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { bridgeChannels, type HubStateSnapshot } from './bridge.js';
import type { HubSupervisor } from './hub-supervisor.js';
import { listLanAddresses, withQrCodes, type LanAddressWithQr } from './lan-addresses.js';

export function hubStateSnapshot(supervisor: HubSupervisor): HubStateSnapshot {
  return { state: supervisor.state, port: supervisor.port ?? null, restarts: supervisor.restarts };
}

export async function lanAddressesWithQr(supervisor: HubSupervisor): Promise<LanAddressWithQr[]> {
  return supervisor.port === undefined ? [] : withQrCodes(listLanAddresses(supervisor.port));
}

/** Registers the IPC handlers; returns the function that removes them. */
export function registerBridge(supervisor: HubSupervisor): () => void {
  // A page from anywhere else (a link followed by mistake, an injected frame) gets nothing.
  const assertFromHub = (event: IpcMainInvokeEvent): void => {
    const base = supervisor.baseUrl;
    const url = event.senderFrame?.url;
    if (base === undefined || url === undefined || new URL(url).origin !== new URL(base).origin) {
      throw new Error('the Comanda bridge answers only pages served by the hub');
    }
  };

  ipcMain.handle(bridgeChannels.getHubState, (event) => {
    assertFromHub(event);
    return hubStateSnapshot(supervisor);
  });
  ipcMain.handle(bridgeChannels.getLanAddresses, (event) => {
    assertFromHub(event);
    return lanAddressesWithQr(supervisor);
  });
  ipcMain.handle(bridgeChannels.openExternal, async (event, url: unknown) => {
    assertFromHub(event);
    if (typeof url !== 'string' || !/^https?:$/.test(new URL(url).protocol)) {
      throw new Error('openExternal takes an http or https URL');
    }
    await shell.openExternal(url);
  });

  const offState = supervisor.on('state', () => {
    const snapshot = hubStateSnapshot(supervisor);
    for (const window of BrowserWindow.getAllWindows())
      window.webContents.send(bridgeChannels.hubState, snapshot);
  });

  return () => {
    offState();
    for (const channel of [
      bridgeChannels.getHubState,
      bridgeChannels.getLanAddresses,
      bridgeChannels.openExternal,
    ]) {
      ipcMain.removeHandler(channel);
    }
  };
}
