// The staff and diner apps the hub serves on the LAN, each from its own folder of renderer/dist.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { HttpServer } from './http-types.js';

/** App folder → URL prefix. The diner app answers /t/<join code> (the table's QR code). */
export const HUB_APPS: ReadonlyArray<{ app: string; prefix: string; title: string }> = [
  { app: 'waiter', prefix: '/waiter/', title: 'Camareros / Waiters' },
  { app: 'kitchen', prefix: '/kitchen/', title: 'Cocina / Kitchen display' },
  { app: 'admin', prefix: '/admin/', title: 'Administración / Admin' },
  { app: 'table', prefix: '/t/', title: 'Mesa (QR) / Diners' },
];

export interface BuiltApp {
  app: string;
  prefix: string;
  title: string;
  dir: string;
}

/** The apps that have been built into `appsDir` (an app without index.html is not served). */
export function builtApps(appsDir: string): BuiltApp[] {
  return HUB_APPS.map((a) => ({ ...a, dir: path.join(appsDir, a.app) })).filter((a) =>
    existsSync(path.join(a.dir, 'index.html')),
  );
}

export function serveApps(http: HttpServer, apps: readonly BuiltApp[]): void {
  for (const { prefix, dir } of apps) http.serveStatic({ prefix, dir, spaFallback: true });
}
