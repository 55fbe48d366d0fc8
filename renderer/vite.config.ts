// One Vite config per app: each app in renderer/apps/<name>/ builds alone into renderer/dist/<name>/,
// served by the hub (or, for `owner`, the cloud) under its own URL prefix.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const rendererDir = path.dirname(fileURLToPath(import.meta.url));

/** Where each app lives on the wire. The diner app answers /t/<join code>, so its base is /t/. */
export const APP_BASES: Record<string, string> = {
  waiter: '/waiter/',
  kitchen: '/kitchen/',
  admin: '/admin/',
  table: '/t/',
  owner: '/',
};

export function appConfig(
  app: string,
  hubUrl = process.env.COMANDA_HUB_URL ?? 'http://127.0.0.1:8080',
): UserConfig {
  const base = APP_BASES[app];
  if (base === undefined) throw new Error(`unknown app ${app}; known: ${Object.keys(APP_BASES).join(', ')}`);
  return {
    root: path.join(rendererDir, 'apps', app),
    base,
    publicDir: path.join(rendererDir, 'public'),
    plugins: [react()],
    logLevel: 'warn',
    build: {
      outDir: path.join(rendererDir, 'dist', app),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 800,
    },
    // `npm run dev:apps` (COMANDA_APP=waiter) serves one app with hot reload against a running hub.
    server: {
      proxy: {
        '/api': hubUrl,
        '/ws': { target: hubUrl.replace(/^http/, 'ws'), ws: true },
      },
    },
  };
}

export default defineConfig(() => appConfig(process.env.COMANDA_APP ?? 'waiter'));
