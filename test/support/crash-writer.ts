// A hub writer meant to be killed (test/crash.test.ts): opens the hub database file given on the command
// line with synchronous=FULL, bootstraps the demo branch, then streams a dinner service through the
// CommandBus until it is SIGKILLed. It prints one line per command only after the command's promise
// resolved, i.e. after its transaction committed: "ACK {commandId, result}". Those lines are what the
// parent holds the reopened file to. WAL checkpoints run from a worker thread, as in the hub. With
// --wait it loads everything, then waits for a line on stdin before touching the file, so the parent
// can start the next writer while the previous one is still running.
//   node --import tsx test/support/crash-writer.ts <db file> <run id> [--wait]
import { commandSchema, type CommandResult } from '../../protocol/commands/command.js';
import type { Actor } from '../../protocol/events/event.js';
import { bootstrapBranch } from '../../hub/app/bootstrap.js';
import { CommandBus } from '../../hub/app/command-bus.js';
import { prepareCommand } from '../../hub/app/prepare-command.js';
import { checkOf } from '../../hub/domain/check-decide.js';
import { netPaid } from '../../hub/domain/check/payment-rules.js';
import { silentLogger } from '../../hub/observability/logger.js';
import { openDatabase } from '../../hub/store/database.js';
import { startBackgroundCheckpoints } from '../../hub/store/background-checkpoints.js';
import {
  loadBranch,
  loadDiscounts,
  loadPayments,
  loadRoundsOfSession,
  loadSession,
} from '../../hub/store/queries/view-loaders.js';

const [file, runId] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file || !runId) throw new Error('usage: crash-writer.ts <db file> <run id>');

const WAITER: Actor = { kind: 'staff', staffId: 'staff-marta', role: 'MANAGER' };
const COOK: Actor = { kind: 'staff', staffId: 'staff-jorge', role: 'KITCHEN' };
const TABLES = Array.from({ length: 14 }, (_, i) => `table-${i + 1}`);
const DISHES = [
  'prod-agua',
  'prod-cana',
  'prod-croquetas',
  'prod-bravas',
  'prod-flan',
  'prod-ensalada',
  'prod-cafe',
];
const LANES = 4;

if (process.argv.includes('--wait')) {
  process.stdout.write('LOADED\n');
  await new Promise((go) => process.stdin.once('data', go));
}

const db = openDatabase({ file, synchronous: 'FULL' });
// As in the hub: checkpoints run from a worker thread, so a kill can land in the middle of one, and a
// short interval makes sure many do.
startBackgroundCheckpoints(db.write, db.file, { intervalMs: 20 });
const bus = new CommandBus({ db, logger: silentLogger(), prepare: prepareCommand });
const random = (n: number) => Math.floor(Math.random() * n);
let sent = 0;

async function send(actor: Actor, type: string, payload: Record<string, unknown>): Promise<CommandResult> {
  const commandId = `${runId}-${++sent}`;
  const result = await bus.execute(commandSchema.parse({ commandId, type, payload }), {
    actor,
    requestId: null,
  });
  // Written only now: the promise resolves after the commit, so a printed line is a durable promise.
  process.stdout.write(`ACK ${JSON.stringify({ commandId, result })}\n`);
  return result;
}

/** What is still due on a session, read from committed state (the read connection). */
function dueOn(sessionId: string): number {
  const session = loadSession(db.read, sessionId);
  const branch = loadBranch(db.read);
  if (!session || !branch) return 0;
  const check = checkOf({
    session,
    rounds: loadRoundsOfSession(db.read, sessionId),
    discounts: loadDiscounts(db.read, sessionId),
    settings: branch.settings,
  });
  return check.totalCents - netPaid(loadPayments(db.read, sessionId));
}

/** Seats a table (or picks up the session a crash left there), orders, cooks, pays and closes. */
async function serveTable(tableId: string): Promise<void> {
  const opened = await send(WAITER, 'OpenSession', { tableId, guests: 1 + random(6) });
  const leftOver = !opened.ok && (opened.error.details as { sessionId?: string } | undefined)?.sessionId;
  const sessionId = opened.ok ? (opened.data.sessionId as string) : leftOver;
  if (!sessionId) return;
  if (loadSession(db.read, sessionId)?.status === 'OPEN') {
    const items = Array.from({ length: 1 + random(3) }, () => ({
      productId: DISHES[random(DISHES.length)],
      qty: 1 + random(2),
    }));
    const placed = await send(WAITER, 'PlaceRound', { sessionId, items });
    if (placed.ok) {
      for (const ticketId of placed.data.ticketIds as string[]) {
        if (random(2) === 0) await send(COOK, 'StartTicket', { ticketId });
        await send(COOK, 'BumpTicket', { ticketId });
      }
      await send(WAITER, 'MarkServed', { roundId: placed.data.roundId });
    }
  }
  if (random(3) === 0 && loadSession(db.read, sessionId)?.status !== 'PAYING') {
    const split = await send(WAITER, 'SplitCheck', { sessionId, split: { mode: 'EQUAL', parts: 2 } });
    if (split.ok) {
      for (const share of split.data.shares as Array<{ key: string; amountCents: number }>) {
        if (share.amountCents > 0) {
          await send(WAITER, 'RecordPayment', {
            sessionId,
            shareKey: share.key,
            method: 'CARD',
            amountCents: share.amountCents,
          });
        }
      }
    }
  }
  const due = dueOn(sessionId);
  if (due > 0)
    await send(WAITER, 'RecordPayment', {
      sessionId,
      method: 'CASH',
      amountCents: due,
      tenderedCents: due + random(500),
    });
  await send(WAITER, 'CloseSession', { sessionId });
}

/** Each lane keeps its own tables, so lanes run side by side and their commands share group commits. */
async function lane(k: number): Promise<never> {
  const mine = TABLES.filter((_, i) => i % LANES === k);
  for (;;) await serveTable(mine[random(mine.length)]!);
}

await bootstrapBranch(bus, { demo: true });
process.stdout.write('READY\n');
await Promise.all(Array.from({ length: LANES }, (_, k) => lane(k)));
