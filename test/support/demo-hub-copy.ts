// Fresh demo hubs in milliseconds: the demo branch is built once per test process through the real write
// path, then each run gets its own copy of that SQLite file with a new CommandBus on top.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandSchema, type CommandResult } from '../../protocol/commands/command.js';
import type { Actor } from '../../protocol/events/event.js';
import { bootstrapBranch } from '../../hub/app/bootstrap.js';
import { CommandBus } from '../../hub/app/command-bus.js';
import type { IdSource } from '../../hub/app/decide-context.js';
import { prepareCommand } from '../../hub/app/prepare-command.js';
import { silentLogger } from '../../hub/observability/logger.js';
import { openDatabase, type HubDatabase, type SynchronousMode } from '../../hub/store/database.js';

export interface DemoHubCopy {
  db: HubDatabase;
  bus: CommandBus;
  /** Parses like the gateway does, then runs through the bus. */
  execute(
    actor: Actor,
    command: { commandId: string; type: string; payload: unknown },
  ): Promise<CommandResult>;
  close(): void;
}

let template: { dir: string; file: string } | undefined;

/** Builds the demo branch once (argon2 PIN hashing makes this the slow part) and returns its file. */
async function demoTemplate(): Promise<string> {
  if (template) return template.file;
  const dir = mkdtempSync(join(tmpdir(), 'comanda-demo-template-'));
  const file = join(dir, 'demo.db');
  const db = openDatabase({ file });
  const bus = new CommandBus({ db, logger: silentLogger(), prepare: prepareCommand });
  await bootstrapBranch(bus, { demo: true });
  // Everything into the main file, so a plain file copy is the whole database.
  db.checkpoint();
  db.close();
  template = { dir, file };
  return file;
}

export function disposeDemoTemplate(): void {
  if (template) rmSync(template.dir, { recursive: true, force: true });
  template = undefined;
}

/** Ids and a clock that do not depend on the machine, so a failing run replays exactly. */
export function deterministicSources(): { ids: IdSource; now: () => Date } {
  let id = 0;
  let code = 0;
  let tick = 0;
  const start = Date.parse('2026-11-27T19:00:00.000Z');
  return {
    ids: {
      newId: () => `id-${String(++id).padStart(6, '0')}`,
      newJoinCode: () => `Z${String(++code).padStart(5, '0')}`,
    },
    now: () => new Date(start + ++tick * 1000),
  };
}

export async function openDemoHubCopy(
  options: { synchronous?: SynchronousMode; deterministic?: boolean } = {},
): Promise<DemoHubCopy> {
  const source = await demoTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'comanda-run-'));
  const file = join(dir, 'hub.db');
  copyFileSync(source, file);
  const db = openDatabase({ file, synchronous: options.synchronous ?? 'FULL' });
  const sources = options.deterministic ? deterministicSources() : {};
  const bus = new CommandBus({ db, logger: silentLogger(), prepare: prepareCommand, ...sources });
  return {
    db,
    bus,
    execute: (actor, c) => bus.execute(commandSchema.parse(c), { actor, requestId: null }),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
