// Our hand on the wire between a device and the hub. Chromium's offline emulation fails HTTP (a service
// worker's fetches included) but lets WebSockets through, so the device's sockets are routed here:
// dropped and refused while unplugged. Route before the page opens its socket (or reload it after).
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { expect } from 'vitest';

export interface Wire {
  /** Cuts HTTP and every live socket, and proves from the page that the hub no longer answers. */
  unplug(page: Page): Promise<void>;
  plugIn(): Promise<void>;
}

export async function wire(context: BrowserContext, hubBase: string): Promise<Wire> {
  let offline = false;
  const sockets: WebSocketRoute[] = [];
  await context.routeWebSocket(/\/ws/, (ws) => {
    if (offline) return void ws.close({ code: 1011, reason: 'offline' });
    ws.connectToServer();
    sockets.push(ws);
  });
  return {
    unplug: async (page) => {
      offline = true;
      await context.setOffline(true);
      for (const ws of sockets.splice(0)) await ws.close({ code: 1011, reason: 'offline' });
      // Prove it from the page rather than trust the emulation.
      const reachable = await page.evaluate(async (base) => {
        try {
          await fetch(`${base}/healthz`, { cache: 'no-store' });
          return true;
        } catch {
          return false;
        }
      }, hubBase);
      expect(reachable).toBe(false);
    },
    plugIn: async () => {
      offline = false;
      await context.setOffline(false);
    },
  };
}
