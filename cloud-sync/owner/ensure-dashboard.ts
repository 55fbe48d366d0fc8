// `npm run cloud` on a fresh clone: when the owner dashboard has never been built, build it once (as
// `npm start` does for the hub's apps) so `/` works without a separate step. A deployed cloud ships a
// prebuilt renderer/dist/owner and never gets here; if the build tools are missing, the cloud still
// starts and `/` says how to build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { OWNER_DIST_DIR } from './dashboard-static.js';

export function ensureDashboardBuilt(log: (msg: string) => void): void {
  if (existsSync(join(OWNER_DIST_DIR, 'index.html'))) return;
  const root = resolve(dirname(OWNER_DIST_DIR), '..', '..');
  const script = join(root, 'scripts', 'build-apps.ts');
  if (!existsSync(script)) return;
  log('building the owner dashboard (renderer/dist/owner is missing)…');
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, 'owner'], {
    cwd: root,
    stdio: 'inherit',
    timeout: 120_000,
  });
  if (result.status !== 0) log('the owner dashboard could not be built: run `npm run build:apps`');
}
