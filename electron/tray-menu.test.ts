import { describe, expect, it } from 'vitest';
import { unknownAdminStatus } from './admin-status.js';
import { trayMenu, type TrayMenuInput, type TrayMenuItem } from './tray-menu.js';

const base: TrayMenuInput = {
  state: 'ready',
  port: 8080,
  restarts: 0,
  status: unknownAdminStatus,
  startsAtLogin: false,
};
const labels = (items: TrayMenuItem[]): string[] =>
  items.flatMap((item) => ('label' in item ? [item.label] : []));
const action = (items: TrayMenuItem[], label: string): TrayMenuItem | undefined =>
  items.find((item) => 'label' in item && item.label === label);

describe('the tray menu', () => {
  it('shows a running hub with its port, devices connected and sync state', () => {
    const { items, tooltip } = trayMenu({
      ...base,
      status: { devicesConnected: 3, syncState: 'up to date' },
    });
    expect(labels(items).slice(0, 3)).toEqual([
      'Hub: running on port 8080',
      'Devices connected: 3',
      'Sync: up to date',
    ]);
    expect(tooltip).toBe('Comanda: running on port 8080');
    expect(action(items, 'Open admin')).toMatchObject({ enabled: true });
  });

  it('says unknown for devices and sync when the admin API did not answer', () => {
    const { items } = trayMenu(base);
    expect(labels(items).slice(1, 3)).toEqual(['Devices connected: unknown', 'Sync: unknown']);
  });

  it('shows a restarting hub as restarting, with stale figures hidden and the admin closed', () => {
    const { items } = trayMenu({
      ...base,
      state: 'restarting',
      restarts: 2,
      status: { devicesConnected: 3, syncState: 'ok' },
    });
    expect(labels(items).slice(0, 3)).toEqual([
      'Hub: restarting (restarts so far: 2)',
      'Devices connected: unknown',
      'Sync: unknown',
    ]);
    expect(action(items, 'Open admin')).toMatchObject({ enabled: false });
    expect(action(items, 'Show LAN addresses')).toMatchObject({ enabled: true });
  });

  it('offers "Restart hub" only once the supervisor has given up', () => {
    expect(action(trayMenu(base).items, 'Restart hub')).toBeUndefined();
    const failed = trayMenu({ ...base, state: 'failed', port: undefined });
    expect(labels(failed.items)[0]).toBe('Hub: stopped (it could not start)');
    expect(action(failed.items, 'Restart hub')).toMatchObject({ action: 'restart-hub', enabled: true });
    expect(action(failed.items, 'Show LAN addresses')).toMatchObject({ enabled: false });
  });

  it('reflects the start-at-login setting and always offers Quit', () => {
    for (const state of ['starting', 'ready', 'restarting', 'stopping', 'stopped', 'failed'] as const) {
      const { items } = trayMenu({ ...base, state, startsAtLogin: true });
      expect(action(items, 'Start at login')).toMatchObject({ kind: 'checkbox', checked: true });
      expect(action(items, 'Quit')).toMatchObject({ action: 'quit', enabled: true });
    }
  });
});
