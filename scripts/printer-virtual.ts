// The virtual network printer for people: `npm run printer:virtual -- --port 9100 [--width 80]
// [--status ok] [--host 0.0.0.0]`. Shows each ticket it receives as it would come out on paper, and a
// line per status request. Type ok / cover-open / paper-out / paper-near-end / offline / online to
// play a printer in trouble during training; Ctrl+C to quit.
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { columnsForPaper } from '../hub/printing/escpos-paper.js';
import { PRINTER_CONDITIONS, type PrinterCondition } from '../hub/printing/escpos-status-bytes.js';
import { formatTicketForTerminal } from '../hub/printing/terminal-ticket.js';
import { startVirtualPrinter } from '../hub/printing/virtual-printer.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    host: { type: 'string', default: '0.0.0.0' },
    width: { type: 'string', default: '80' },
    status: { type: 'string', default: 'ok' },
  },
});

const isCondition = (s: string): s is PrinterCondition =>
  (PRINTER_CONDITIONS as readonly string[]).includes(s);

function fail(message: string): never {
  console.error(`printer-virtual: ${message}`);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be 0–65535, got ${values.port}`);
const width = Number(values.width);
if (width !== 58 && width !== 80) fail(`--width must be 58 or 80, got ${values.width}`);
if (!isCondition(values.status)) fail(`--status must be one of ${PRINTER_CONDITIONS.join(', ')}`);

const columns = columnsForPaper(width);
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const printer = await startVirtualPrinter({ port, host: values.host, status: values.status });
let count = 0;

console.log(
  `Virtual printer on ${printer.host}:${printer.port} — ${width} mm paper, ${columns} columns, status ${printer.status}`,
);
console.log(`Commands: ${PRINTER_CONDITIONS.join(' | ')} | offline | online   (Ctrl+C quits)`);

printer.on('ticket', (ticket) => {
  count += 1;
  console.log(`\nticket ${count} — ${new Date().toLocaleTimeString()}`);
  for (const line of formatTicketForTerminal(ticket, { columns, color })) console.log(line);
});
printer.on('status-request', (n, reply) => {
  const answer = reply === null ? 'no reply' : `0x${reply.toString(16).padStart(2, '0')}`;
  console.log(`status request DLE EOT ${n} → ${answer} (${printer.status})`);
});

const input = readline.createInterface({ input: process.stdin });
input.on('line', (raw) => {
  const command = raw.trim();
  if (command === '') return;
  if (isCondition(command)) {
    printer.setStatus(command);
    console.log(`status is now ${command}`);
  } else if (command === 'offline') {
    void printer.goOffline().then(() => console.log('offline: not listening'));
  } else if (command === 'online') {
    void printer.goOnline().then(() => console.log(`online: listening on ${printer.port}`));
  } else {
    console.log(`unknown command "${command}"`);
  }
});

process.on('SIGINT', () => {
  input.close();
  void printer.stop().then(() => process.exit(0));
});
