// The shell's windows: the admin window (the hub's own admin app, with the typed bridge) and
// the small LAN-addresses window. Web content is sandboxed, isolated and without Node; links
// that leave the hub open in the system browser instead of inside the app.
import { BrowserWindow, shell, type WebPreferences } from 'electron';

export interface ShellWindows {
  /** Shows the admin window on a "starting" page until the hub is ready. */
  showStarting(): void;
  /** Shows (or focuses) the admin window on `url`. */
  showAdmin(url: string): void;
  showLanAddresses(html: string): void;
  /** After a hub restart: reloads the admin app if a load failed while the hub was down, or if
   *  the window went back to the "starting" page meanwhile. */
  recoverAdmin(): void;
}

const dataUrl = (html: string): string => `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;

const startingPage = dataUrl(`<!doctype html><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Comanda</title>
<body style="font:16px system-ui,sans-serif;display:grid;place-items:center;height:90vh;color:#1f6f5c">
<p>Starting Comanda…</p>`);

export function createShellWindows(options: { preloadPath: string }): ShellWindows {
  const webPreferences: WebPreferences = {
    preload: options.preloadPath,
    contextIsolation: true,
    nodeIntegration: false,
    sandbox: true,
  };
  let admin: BrowserWindow | undefined;
  let lan: BrowserWindow | undefined;
  let adminLoadFailed = false;
  let adminUrl: string | undefined;

  const adminWindow = (): BrowserWindow => {
    if (admin && !admin.isDestroyed()) return admin;
    const window = new BrowserWindow({
      width: 1280,
      height: 820,
      title: 'Comanda',
      show: false,
      webPreferences,
    });
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => (admin = undefined));
    const contents = window.webContents;
    contents.on('did-fail-load', (_event, errorCode, _description, _url, isMainFrame) => {
      // -3 is ERR_ABORTED: a navigation replaced by another, not a failure.
      if (isMainFrame && errorCode !== -3) adminLoadFailed = true;
    });
    contents.on('did-finish-load', () => (adminLoadFailed = false));
    const isHubUrl = (url: string): boolean =>
      adminUrl !== undefined && URL.canParse(url) && new URL(url).origin === new URL(adminUrl).origin;
    const openOutside = (url: string): void => {
      if (/^https?:/.test(url)) void shell.openExternal(url);
    };
    contents.setWindowOpenHandler(({ url }) => {
      if (isHubUrl(url)) return { action: 'allow', overrideBrowserWindowOptions: { webPreferences } };
      openOutside(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (isHubUrl(url)) return;
      event.preventDefault();
      openOutside(url);
    });
    admin = window;
    return window;
  };

  const focus = (window: BrowserWindow): void => {
    if (window.isMinimized()) window.restore();
    if (window.isVisible()) window.focus();
  };

  return {
    showStarting() {
      void adminWindow().loadURL(startingPage);
    },
    showAdmin(url) {
      const window = adminWindow();
      if (adminUrl !== url || window.webContents.getURL().startsWith('data:')) {
        adminUrl = url;
        void window.loadURL(url);
      }
      focus(window);
    },
    showLanAddresses(html) {
      if (!lan || lan.isDestroyed()) {
        lan = new BrowserWindow({
          width: 760,
          height: 560,
          title: 'Comanda: LAN addresses',
          // Static HTML with data: images: no scripts, no preload, no bridge.
          webPreferences: {
            sandbox: true,
            contextIsolation: true,
            nodeIntegration: false,
            javascript: false,
          },
        });
        lan.setMenuBarVisibility(false);
        lan.on('closed', () => (lan = undefined));
      }
      void lan.loadURL(dataUrl(html));
      focus(lan);
    },
    recoverAdmin() {
      if (!admin || admin.isDestroyed() || adminUrl === undefined) return;
      if (adminLoadFailed || admin.webContents.getURL().startsWith('data:')) void admin.loadURL(adminUrl);
    },
  };
}
