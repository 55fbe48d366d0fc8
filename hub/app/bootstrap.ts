// First start: the branch row, and on request the demo restaurant, written through the normal write path.
import { commandSchema, type CommandResult } from '../../protocol/commands/command.js';
import type { CommandBus } from './command-bus.js';
import { DEMO_BRANCH, demoCommands } from './demo-branch.js';

export interface BootstrapOptions {
  demo: boolean;
}

/** Idempotent: the demo's command ids are fixed, so a second run finds every command already done. */
export async function bootstrapBranch(
  bus: CommandBus,
  options: BootstrapOptions,
): Promise<{ created: boolean }> {
  const created = bus.initializeBranch(DEMO_BRANCH).length > 0;
  if (options.demo) {
    const results: CommandResult[] = await Promise.all(
      demoCommands().map((c) =>
        bus.execute(commandSchema.parse(c), {
          actor: { kind: 'system', name: 'setup' },
          requestId: 'demo-setup',
        }),
      ),
    );
    const failed = results.find((r) => !r.ok);
    if (failed && !failed.ok)
      throw new Error(`demo setup failed: ${failed.error.code} ${failed.error.message}`);
  }
  return { created };
}
