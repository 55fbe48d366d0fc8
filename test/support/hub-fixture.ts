// A real hub store and write path on a temp SQLite file, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandSchema, type CommandResult } from '../../protocol/commands/command.js';
import type { Actor, EventEnvelope } from '../../protocol/events/event.js';
import { CommandBus, type CommandBusOptions } from '../../hub/app/command-bus.js';
import { bootstrapBranch } from '../../hub/app/bootstrap.js';
import { prepareCommand } from '../../hub/app/prepare-command.js';
import { openDatabase, type HubDatabase } from '../../hub/store/database.js';
import { silentLogger } from '../../hub/observability/logger.js';

export const ADMIN: Actor = { kind: 'staff', staffId: 'staff-ana', role: 'ADMIN' };
export const MANAGER: Actor = { kind: 'staff', staffId: 'staff-marta', role: 'MANAGER' };
export const WAITER_SALON: Actor = { kind: 'staff', staffId: 'staff-luis', role: 'WAITER' };
export const WAITER_TERRAZA: Actor = { kind: 'staff', staffId: 'staff-sofia', role: 'WAITER' };
export const COOK: Actor = { kind: 'staff', staffId: 'staff-jorge', role: 'KITCHEN' };

export interface HubFixture {
  dir: string;
  db: HubDatabase;
  bus: CommandBus;
  events: EventEnvelope[];
  /** Parses like the gateway does, then runs; throws on a schema error. */
  run(actor: Actor, command: { type: string; payload: unknown; commandId?: string }): Promise<CommandResult>;
  /** Like run, but fails the test unless the command succeeded; returns its data. */
  ok(
    actor: Actor,
    command: { type: string; payload: unknown; commandId?: string },
  ): Promise<Record<string, unknown>>;
  close(): void;
}

let counter = 0;

export async function createHubFixture(
  options: { demo?: boolean; bus?: Partial<CommandBusOptions>; file?: string } = {},
): Promise<HubFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'comanda-test-'));
  const db = openDatabase({ file: options.file ?? join(dir, 'hub.db') });
  const bus = new CommandBus({ db, logger: silentLogger(), prepare: prepareCommand, ...options.bus });
  const events: EventEnvelope[] = [];
  bus.subscribe((batch) => events.push(...batch));
  await bootstrapBranch(bus, { demo: options.demo ?? true });
  const run: HubFixture['run'] = (actor, c) =>
    bus.execute(
      commandSchema.parse({
        commandId: c.commandId ?? `cmd-${process.pid}-${++counter}`,
        type: c.type,
        payload: c.payload,
      }),
      {
        actor,
        requestId: null,
      },
    );
  return {
    dir,
    db,
    bus,
    events,
    run,
    ok: async (actor, c) => {
      const r = await run(actor, c);
      if (!r.ok) throw new Error(`${c.type} failed: ${r.error.code} ${r.error.message}`);
      return r.data;
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
