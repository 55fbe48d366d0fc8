// `npm run dev` against a hub that is already running (COMANDA_HUB_URL): the waiter app comes from a
// Vite dev server with hot reload, and its /api calls reach the hub through the dev server's proxy.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';

let hub: HubUnderTest;
let dev: ChildProcess | undefined;

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev!.once('exit', resolve));
    dev.kill('SIGTERM');
    await exited;
  }
  await hub?.stop();
});

/** Starts scripts/dev.ts and resolves with the URL it prints for the app. */
function startDev(app: string): Promise<string> {
  return new Promise((resolve, reject) => {
    dev = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
      env: { ...process.env, COMANDA_HUB_URL: hub.base, COMANDA_DEV_APPS: app },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      const url = new RegExp(`dev: ${app}\\s+(http://\\S+)`).exec(out)?.[1];
      if (url) resolve(url);
    };
    dev.stdout!.on('data', seen);
    dev.stderr!.on('data', seen);
    dev.on('exit', (code) => reject(new Error(`dev exited (${code}): ${out}`)));
  });
}

describe('npm run dev', () => {
  it('serves the waiter app with hot reload and proxies its API calls to the hub', async () => {
    const url = await startDev('waiter');
    const page = await (await fetch(url)).text();
    expect(page).toContain('@react-refresh');
    const origin = new URL(url).origin;
    const staff = await fetch(`${origin}/api/auth/staff`);
    expect(staff.status).toBe(200);
    expect(JSON.stringify(await staff.json())).toContain('Luis');
  }, 60_000);
});
