// Test helpers: a supervisor over a real hub process, with every event it emits recorded,
// torn down (stopped, data folder removed) after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import {
  createHubSupervisor,
  type HubExitReport,
  type HubState,
  type HubSupervisor,
  type HubSupervisorOptions,
} from '../hub-supervisor.js';
import { httpStatus } from '../hub-readiness.js';
import type { HubLaunch } from './hubs-under-test.js';

export interface Recorded {
  readonly supervisor: HubSupervisor;
  readonly states: HubState[];
  readonly exits: HubExitReport[];
  /** Restart delays in the order the supervisor planned them. */
  readonly delays: number[];
  readonly lines: string[];
}

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export function supervise(hub: HubLaunch, overrides: Partial<HubSupervisorOptions> = {}): Recorded {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'comanda-supervisor-'));
  const supervisor = createHubSupervisor({
    command: hub.command,
    args: hub.args,
    cwd: hub.cwd,
    dataDir,
    host: '127.0.0.1',
    readyTimeoutMs: 20_000,
    readyPollMs: 25,
    stopGraceMs: 8_000,
    backoff: { initialMs: 50, maxMs: 400 },
    ...overrides,
  });
  const recorded: Recorded = { supervisor, states: [], exits: [], delays: [], lines: [] };
  supervisor.on('state', ({ state }) => recorded.states.push(state));
  supervisor.on('exit', (exit) => recorded.exits.push(exit));
  supervisor.on('restart-scheduled', ({ delayMs }) => recorded.delays.push(delayMs));
  supervisor.on('log', ({ stream, line }) => recorded.lines.push(`${stream}: ${line}`));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => supervisor.stop());
  return recorded;
}

export function untilState(supervisor: HubSupervisor, wanted: HubState): Promise<void> {
  return new Promise((resolve) => {
    const off = supervisor.on('state', ({ state }) => {
      if (state !== wanted) return;
      off();
      resolve();
    });
  });
}

export function untilDelays(recorded: Recorded, count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (recorded.delays.length < count) return;
      off();
      resolve();
    };
    // Checked after the recording listener has run for the same event.
    const off = recorded.supervisor.on('restart-scheduled', () => queueMicrotask(check));
    check();
  });
}

/** The status of a GET, or null when nothing answers; closes its connection first, as the supervisor does. */
export function getStatus(url: string): Promise<number | null> {
  return httpStatus(url, 5_000);
}
