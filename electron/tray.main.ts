// The tray icon: the hub's status at a glance and the few things a manager does from it
// (tray-menu.ts decides what the menu says). The hub keeps serving tablets while the window
// is closed, so the tray is how the app stays visible.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { fetchAdminStatus, unknownAdminStatus, type HubAdminStatus } from './admin-status.js';
import type { HubSupervisor } from './hub-supervisor.js';
import { setStartAtLogin, startsAtLogin } from './start-at-login.main.js';
import { trayMenu, type TrayAction, type TrayMenuItem } from './tray-menu.js';

export type TrayActions = Record<Exclude<TrayAction, 'toggle-start-at-login'>, () => void>;

// Embedded rather than read from disk, so the tray never depends on a path inside app.asar.
const iconDataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAABRUlEQVR42mNgGIyAW1MpXtjVcr54sOt+amCQWSAzCVrMKiKoL50YcF8+P+Y/LTDIbJAdOC2XzQh7TyvLYRhkB1ZH0NLn2EICI85JNcS6seB/+OQWMAaxSdWPkiZAiYQYTZ5dVf9Xnzz4/+O3L//RAUgMJAdSQ4xZIDvhDgClVHyKdSvSwIYTC0BqQXrwmQmykygHgAy6+uTBf1IBSA/FDsBnOUgc5FMQxqameOlMyh2ALdh3XjqDNdGBxEByxFhOlANAiYlUX8EcQkwiJOgAdN+DfEfNsoCgA9CzGrrPLMvD/3dM8ABjEJuqDgBZhi9Fgyx8ssbs/6eNJmAMYpPqCLwOAJVu6PkaWR7ka5jlMAwSGz4OGPAoGPBEOCiy4YAXRANeFA+KymjAq2O6NUgGvEk24I3SAW+WD4qOyYB3zQZF53QgAACZFYNcCJAFQwAAAABJRU5ErkJggg==';

const statusPollMs = 5_000;

export function createHubTray(supervisor: HubSupervisor, actions: TrayActions): { dispose(): void } {
  const tray = new Tray(nativeImage.createFromDataURL(iconDataUrl));
  let status: HubAdminStatus = unknownAdminStatus;

  const run = (action: TrayAction, checked: boolean): void => {
    if (action === 'toggle-start-at-login') {
      setStartAtLogin(checked);
      render();
    } else {
      actions[action]();
    }
  };

  const toElectron = (item: TrayMenuItem): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'info':
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => run(item.action, false) };
      case 'checkbox':
        return {
          label: item.label,
          type: 'checkbox',
          checked: item.checked,
          click: (menuItem) => run(item.action, menuItem.checked),
        };
    }
  };

  const render = (): void => {
    const menu = trayMenu({
      state: supervisor.state,
      port: supervisor.port,
      restarts: supervisor.restarts,
      status,
      startsAtLogin: startsAtLogin(),
    });
    tray.setToolTip(menu.tooltip);
    // Linux only shows a changed menu when it is set again.
    tray.setContextMenu(Menu.buildFromTemplate(menu.items.map(toElectron)));
  };

  let polling = false;
  const poll = async (): Promise<void> => {
    const baseUrl = supervisor.baseUrl;
    if (polling || supervisor.state !== 'ready' || baseUrl === undefined) return;
    polling = true;
    try {
      const next = await fetchAdminStatus(baseUrl);
      if (next.devicesConnected !== status.devicesConnected || next.syncState !== status.syncState) {
        status = next;
        render();
      }
    } finally {
      polling = false;
    }
  };

  const offState = supervisor.on('state', ({ state }) => {
    if (state !== 'ready') status = unknownAdminStatus;
    render();
    void poll();
  });
  const timer = setInterval(() => void poll(), statusPollMs);
  tray.on('click', () => actions['open-admin']()); // Windows: a left click on the icon opens the admin app
  render();

  return {
    dispose() {
      clearInterval(timer);
      offState();
      tray.destroy();
    },
  };
}
