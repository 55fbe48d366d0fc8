// `npm run dev`: the hub restarting on changes to its code (node --watch, through tsx), and each staff
// and diner app on a Vite dev server with hot reload that proxies /api and /ws to that hub. One command
// for someone working on the apps; `npm start` stays the production path (the hub serving the built apps).
//
//   COMANDA_DEV_APPS=waiter,kitchen   only these apps (default: waiter, kitchen, admin, table)
//   COMANDA_HUB_URL=http://host:8080  use a hub already running elsewhere instead of starting one
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type ViteDevServer } from 'vite';
import { APP_BASES, appConfig } from '../renderer/vite.config.js';

const FIRST_PORT = 5173;
const apps = (process.env.COMANDA_DEV_APPS ?? 'waiter,kitchen,admin,table').split(',').filter(Boolean);
const external = process.env.COMANDA_HUB_URL;
const hubUrl = external ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;

let hub: ChildProcess | null = null;
if (!external) {
  hub = spawn(process.execPath, ['--import', 'tsx', '--watch', 'hub/main.ts'], { stdio: 'inherit' });
  hub.on('exit', (code) => {
    // The hub gone for good (not a watch restart, which keeps this child): nothing left to develop against.
    console.error(`dev: the hub exited (${code}); stopping`);
    void stop(code ?? 1);
  });
}

const servers: ViteDevServer[] = [];
async function stop(code: number): Promise<void> {
  hub?.removeAllListeners('exit');
  hub?.kill('SIGTERM');
  await Promise.allSettled(servers.map((s) => s.close()));
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

for (const [i, app] of apps.entries()) {
  if (!(app in APP_BASES)) throw new Error(`unknown app ${app}; known: ${Object.keys(APP_BASES).join(', ')}`);
  const config = appConfig(app, hubUrl);
  const server = await createServer({
    ...config,
    configFile: false,
    server: { ...config.server, port: FIRST_PORT + i, strictPort: false, host: '0.0.0.0' },
  });
  await server.listen();
  servers.push(server);
  const url = server.resolvedUrls?.local[0] ?? `http://localhost:${FIRST_PORT + i}${APP_BASES[app]}`;
  console.log(`dev: ${app.padEnd(8)} ${url}  (hot reload; /api and /ws → ${hubUrl})`);
}
