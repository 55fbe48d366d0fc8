// Run as a separate process by the kill test: a hub with one printer that places one round, says which
// ticket it made, and then waits to be killed (SIGKILL) while the printer holds the job's connection.
import { FAST_PRINTING, startPrintHub } from './print-hub.js';

const [dir, port] = process.argv.slice(2);
if (!dir || !port) throw new Error('usage: print-hub-child <dataDir> <printerPort>');
const t = await startPrintHub({
  dir,
  synchronous: 'FULL',
  // A send that never ends on its own: the printer stalls, and the kill comes first.
  printing: { ...FAST_PRINTING, tuning: { ...FAST_PRINTING.tuning, sendTimeoutMs: 120_000 } },
});
await t.addPrinter({ name: 'Parrilla', port: Number(port), stations: ['grill'] });
const sessionId = await t.openTable('table-8');
const { ticketIds } = await t.placeRound(sessionId, [
  { productId: 'prod-entrecot', qty: 1, modifiers: [{ groupId: 'doneness', optionId: 'rare' }] },
]);
process.stdout.write(`${JSON.stringify({ ticketId: ticketIds[0] })}\n`);
setInterval(() => {}, 60_000);
