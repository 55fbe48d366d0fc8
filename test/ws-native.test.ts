// The live feed runs on the native uWebSockets.js binary, not the package's pure-JS fallback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { uwsIsNative } from '../hub/gateway/uws-native.js';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { wsUrl } from './support/ws-client.js';

let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.stop());

describe('native uWS', () => {
  it('the hub loaded the native binary and its /ws upgrade is answered by uWebSockets', async () => {
    expect(uwsIsNative).toBe(true);
    const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const ws = new WebSocket(wsUrl(t.hub.port, t.tokens.ADMIN));
      ws.once('upgrade', (res) => resolve(res.headers));
      ws.once('open', () => ws.close());
      ws.once('error', reject);
    });
    // uWS marks every response it writes; the fallback (and node:http) do not.
    expect(String(headers.uwebsockets ?? '')).toMatch(/\d+/);
  });
});
