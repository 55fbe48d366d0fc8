// `npm run desktop`: runs the desktop shell in development, on a machine that can download
// Electron. `npm install` never downloads the Electron binary (package.json denies electron's
// install script in "allowScripts", so a fresh clone installs offline); this script runs
// electron's own install.js on demand (it downloads once, then finds the binary already
// there), bundles the shell, and starts Electron on it. Arguments are passed on to the app.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildShell } from './build-shell.js';

const require = createRequire(import.meta.url);
const electronPackage = path.dirname(require.resolve('electron/package.json'));

// The download is what was asked for here, whatever the shell's defaults say.
const installEnv = { ...process.env };
delete installEnv.ELECTRON_SKIP_BINARY_DOWNLOAD;
const install = spawnSync(process.execPath, [path.join(electronPackage, 'install.js')], {
  cwd: electronPackage,
  env: installEnv,
  stdio: 'inherit',
});
if (install.status !== 0) {
  console.error(
    'Could not download the Electron binary. This needs access to github.com (or a mirror set in ' +
      'ELECTRON_MIRROR); the hub itself runs without it: `npm start`.',
  );
  process.exit(install.status ?? 1);
}

// electron's index.js answers with the path of the binary that install.js just put in place.
const electronBinary = require('electron') as string;
const { main } = await buildShell();

const appEnv = { ...process.env };
delete appEnv.ELECTRON_RUN_AS_NODE; // set by some tools; it would make Electron act as plain Node
// The bundle's folder is the app directory, as in the packaged app (its package.json names the main).
const app = spawn(electronBinary, [path.dirname(main), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: appEnv,
});

// Ctrl+C reaches Electron too (same process group) and it quits gently, stopping the hub
// first; this launcher just waits for it. A SIGTERM sent to the launcher alone is passed on.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => app.kill('SIGTERM'));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
