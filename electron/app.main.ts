// Entry of the Electron main process. One instance per machine: it starts the hub under the
// supervisor on the Node runtime shipped with the app, waits until the hub is ready, opens the
// admin app, keeps a tray, and on quit stops the hub gently before exiting.
//
// build-shell.ts bundles this file to CommonJS (dist/electron/app.main.cjs), so `__dirname`
// is the bundle's folder, where the preload bundle sits too.
import { app, dialog } from 'electron';
import path from 'node:path';
import { lanAddressesWithQr, registerBridge } from './bridge.main.js';
import { openDesktopLogs } from './desktop-logs.js';
import { missingHubFiles, resolveHubLaunch } from './hub-launch.js';
import { createHubSupervisor } from './hub-supervisor.js';
import { renderLanAddressesPage } from './lan-addresses-page.js';
import { createHubTray } from './tray.main.js';
import { createShellWindows } from './window.main.js';

// Tablets keep the address they were paired with, so the hub asks for the same port on every
// launch (the hub's own default); COMANDA_HUB_PORT overrides it, 0 takes any free port.
const defaultHubPort = 8080;

function hubPort(): number {
  const port = Number(process.env.COMANDA_HUB_PORT ?? defaultHubPort);
  return Number.isInteger(port) && port >= 0 && port <= 65_535 ? port : defaultHubPort;
}

// Development runs keep their data apart from an installed Comanda on the same machine; this
// must happen before the single-instance lock, which lives in the user-data folder.
if (!app.isPackaged) app.setPath('userData', path.join(app.getPath('appData'), 'Comanda (development)'));

if (app.requestSingleInstanceLock()) {
  void main();
} else {
  app.quit();
}

async function main(): Promise<void> {
  const userData = app.getPath('userData');
  const logs = openDesktopLogs(path.join(userData, 'logs'));
  const { logger } = logs;
  const plan = resolveHubLaunch({
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    repoRoot: path.resolve(__dirname, '..', '..'),
    platform: process.platform,
  });
  logger.info({ command: plan.command, args: plan.args, cwd: plan.cwd, userData }, 'desktop shell starting');

  await app.whenReady();
  const missing = missingHubFiles(plan);
  if (missing.length > 0) {
    logger.error({ missing }, 'hub files missing');
    dialog.showErrorBox(
      'Comanda cannot start its hub',
      `These files are missing:\n${missing.join('\n')}\n\n` +
        (app.isPackaged
          ? 'Reinstall Comanda.'
          : 'Run the desktop shell from a checkout that has hub/main.ts.'),
    );
    app.exit(1);
    return;
  }

  const supervisor = createHubSupervisor({
    command: plan.command,
    args: plan.args,
    cwd: plan.cwd,
    env: {
      ...process.env,
      NODE_ENV: app.isPackaged ? 'production' : (process.env.NODE_ENV ?? 'development'),
    },
    dataDir: path.join(userData, 'data'),
    port: hubPort(),
    host: process.env.COMANDA_HUB_HOST ?? '0.0.0.0',
    // Generous: a first start migrates the database, and a big one takes a while.
    readyTimeoutMs: 120_000,
    backoff: { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 },
    stopGraceMs: 15_000,
    logger,
  });
  supervisor.on('log', ({ line }) => logs.writeHubLine(line));

  const windows = createShellWindows({ preloadPath: path.join(__dirname, 'bridge.preload.cjs') });
  registerBridge(supervisor);
  const openAdmin = (): void => {
    const base = supervisor.baseUrl;
    if (supervisor.state !== 'ready' || base === undefined) return;
    // A hub built without the apps (renderer/dist) has no /admin/ yet: show its status page instead.
    void fetch(`${base}/admin/`, { method: 'HEAD' })
      .then((r) => (r.ok ? `${base}/admin/` : `${base}/`))
      .catch(() => `${base}/`)
      .then((url) => windows.showAdmin(url));
  };
  const startHub = async (): Promise<void> => {
    windows.showStarting();
    try {
      await supervisor.start();
      openAdmin();
    } catch (error) {
      if (supervisor.state !== 'failed') return; // stopped because the app is quitting
      dialog.showErrorBox(
        'Comanda could not start its hub',
        `${error instanceof Error ? error.message : String(error)}\n\nThe hub's log is in ${logs.hubLogPath}. ` +
          'Use "Restart hub" in the tray icon menu to try again.',
      );
    }
  };

  const tray = createHubTray(supervisor, {
    'open-admin': openAdmin,
    'show-lan-addresses': () => {
      void lanAddressesWithQr(supervisor).then((addresses) =>
        windows.showLanAddresses(renderLanAddressesPage(addresses)),
      );
    },
    'restart-hub': () => void startHub(),
    quit: () => app.quit(),
  });
  supervisor.on('state', ({ state, previous }) => {
    if (state === 'ready' && previous === 'restarting') windows.recoverAdmin();
  });

  app.on('second-instance', () => {
    if (supervisor.state === 'ready') openAdmin();
    else if (supervisor.state === 'starting' || supervisor.state === 'restarting') windows.showStarting();
  });
  // Closing the last window leaves the hub running for the tablets; only Quit ends it.
  app.on('window-all-closed', () => undefined);

  let hubStopped = false;
  let stopping: Promise<void> | undefined;
  app.on('before-quit', (event) => {
    if (hubStopped) return;
    // Hold the quit until the hub has finished its batch and checkpointed.
    event.preventDefault();
    stopping ??= (async () => {
      const result = await supervisor.stop();
      logger.info({ ...result }, 'hub stopped; quitting');
      hubStopped = true;
      tray.dispose();
      await logs.close();
      app.quit();
    })();
  });
  // A session logout or `kill` should stop the hub as gently as the Quit menu does.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => app.quit());

  await startHub();
}
