// "Start at login": Electron's login items on Windows and macOS, an XDG autostart entry on
// Linux (where app.setLoginItemSettings does nothing).
import { app } from 'electron';
import path from 'node:path';
import { isXdgAutostartEnabled, setXdgAutostart, xdgAutostartFile } from './xdg-autostart.js';

const autostartFile = (): string => xdgAutostartFile('comanda.desktop');

/** What starts this app: the AppImage file itself (its mount point changes every run), the
 *  installed executable, or in development Electron with the bundled main script. */
function launchCommand(): string[] {
  if (app.isPackaged) return [process.env.APPIMAGE ?? process.execPath];
  return [process.execPath, path.resolve(process.argv[1] ?? app.getAppPath())];
}

export function startsAtLogin(): boolean {
  if (process.platform === 'linux') return isXdgAutostartEnabled(autostartFile());
  const [executable, ...args] = launchCommand();
  return app.getLoginItemSettings({ path: executable, args }).openAtLogin;
}

export function setStartAtLogin(enabled: boolean): void {
  if (process.platform === 'linux') {
    setXdgAutostart(autostartFile(), enabled, { name: 'Comanda', command: launchCommand() });
    return;
  }
  const [executable, ...args] = launchCommand();
  app.setLoginItemSettings({ openAtLogin: enabled, path: executable, args });
}
