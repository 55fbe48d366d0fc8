// What the tray menu says and offers for a given hub state, as plain data: the Electron side
// (tray.main.ts) only turns it into a Menu. Devices and sync come from the hub's admin API and
// read "unknown" whenever the hub is not up to answer.
import type { HubAdminStatus } from './admin-status.js';
import type { HubState } from './hub-supervisor.js';

export type TrayAction =
  'open-admin' | 'show-lan-addresses' | 'restart-hub' | 'toggle-start-at-login' | 'quit';

export type TrayMenuItem =
  | { readonly kind: 'info'; readonly label: string }
  | { readonly kind: 'separator' }
  | {
      readonly kind: 'action';
      readonly label: string;
      readonly action: TrayAction;
      readonly enabled: boolean;
    }
  | {
      readonly kind: 'checkbox';
      readonly label: string;
      readonly action: TrayAction;
      readonly checked: boolean;
    };

export interface TrayMenuInput {
  readonly state: HubState;
  readonly port: number | undefined;
  readonly restarts: number;
  readonly status: HubAdminStatus;
  readonly startsAtLogin: boolean;
}

const hubStatus: Record<HubState, (input: TrayMenuInput) => string> = {
  starting: () => 'starting…',
  ready: (input) => `running on port ${input.port}`,
  restarting: (input) => `restarting (restarts so far: ${input.restarts})`,
  stopping: () => 'stopping…',
  stopped: () => 'stopped',
  failed: () => 'stopped (it could not start)',
};

export function trayMenu(input: TrayMenuInput): { tooltip: string; items: TrayMenuItem[] } {
  const ready = input.state === 'ready';
  const status = hubStatus[input.state](input);
  const devices = ready ? (input.status.devicesConnected ?? 'unknown') : 'unknown';
  const sync = ready ? (input.status.syncState ?? 'unknown') : 'unknown';
  const items: TrayMenuItem[] = [
    { kind: 'info', label: `Hub: ${status}` },
    { kind: 'info', label: `Devices connected: ${devices}` },
    { kind: 'info', label: `Sync: ${sync}` },
    { kind: 'separator' },
    { kind: 'action', label: 'Open admin', action: 'open-admin', enabled: ready },
    {
      kind: 'action',
      label: 'Show LAN addresses',
      action: 'show-lan-addresses',
      enabled: input.port !== undefined,
    },
    // 'failed' is the one state the supervisor does not leave by itself.
    ...(input.state === 'failed'
      ? [{ kind: 'action', label: 'Restart hub', action: 'restart-hub', enabled: true } as const]
      : []),
    { kind: 'separator' },
    {
      kind: 'checkbox',
      label: 'Start at login',
      action: 'toggle-start-at-login',
      checked: input.startsAtLogin,
    },
    { kind: 'action', label: 'Quit', action: 'quit', enabled: true },
  ];
  return { tooltip: `Comanda: ${status}`, items };
}
