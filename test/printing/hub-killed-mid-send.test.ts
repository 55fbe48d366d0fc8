// The hub killed (SIGKILL, a real child process) while the printer holds a job's connection: at the
// next start the job is UNCERTAIN, the kitchen is asked, confirms it — and it is never printed twice.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { kitchenTicketsView } from '../../hub/store/queries/read-models.js';
import { startVirtualPrinter } from '../../hub/printing/virtual-printer.js';
import { COOK, copiesOf, startPrintHub, waitFor, type PrintHub } from '../support/print-hub.js';

const dir = mkdtempSync(join(tmpdir(), 'comanda-kill-'));
const stops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const s of stops.reverse()) await s();
  rmSync(dir, { recursive: true, force: true });
});

describe('the hub killed mid-send', () => {
  it('turns the job UNCERTAIN at start; the kitchen confirms it; nothing is printed twice', async () => {
    const printer = await startVirtualPrinter({ port: 0, stallJobs: true });
    stops.push(() => printer.stop());
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '../support/print-hub-child.ts'),
        dir,
        String(printer.port),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    stops.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const firstLine = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    const { ticketId } = JSON.parse(firstLine) as { ticketId: string };

    // The ticket came out, but the printer never acknowledged: the hub sits in the middle of the send.
    await printer.waitForTickets(1, { timeoutMs: 20_000 });
    const peek = new Database(join(dir, 'hub.db'), { readonly: true });
    const row = (): { id: string; status: string } =>
      peek
        .prepare("SELECT id, status FROM print_job WHERE ticket_id = ? AND kind = 'KITCHEN'")
        .get(ticketId) as {
        id: string;
        status: string;
      };
    expect(row().status).toBe('SENDING');
    const jobId = row().id;
    peek.close();

    child.kill('SIGKILL');
    await once(child, 'exit');
    printer.setStallJobs(false);

    const t: PrintHub = await startPrintHub({ dir });
    stops.push(() => t.stop({ keepDir: true }));
    expect(t.job(jobId)?.status).toBe('UNCERTAIN');
    const uncertain = t.hub.db.read
      .prepare("SELECT data FROM event WHERE type = 'PrintJobUncertain'")
      .all() as Array<{ data: string }>;
    expect(uncertain.map((e) => JSON.parse(e.data))).toMatchObject([{ jobId, ticketId, kind: 'KITCHEN' }]);
    expect(kitchenTicketsView(t.hub.db.read, {}).find((k) => k.id === ticketId)?.print).toMatchObject({
      status: 'UNCERTAIN',
      needsAttention: true,
    });

    // The cook looks at the rail, sees the ticket, and says so.
    await t.ok(COOK, 'ConfirmPrintJob', { jobId });
    expect(t.job(jobId)).toMatchObject({ status: 'PRINTED' });
    expect(await t.run(COOK, 'ConfirmPrintJob', { jobId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    // A later ticket on the same printer prints: the queue is moving, and the first one is still single.
    const sessionId = await t.openTable('table-1');
    const { ticketIds } = await t.placeRound(sessionId, [{ productId: 'prod-secreto', qty: 1 }]);
    await waitFor('the next ticket', () => copiesOf(printer.tickets, ticketIds[0]!).length === 1);
    expect(copiesOf(printer.tickets, ticketId)).toHaveLength(1);
  });
});
