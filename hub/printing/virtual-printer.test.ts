// The virtual printer as a network printer: several jobs, buffered jobs while it is in trouble,
// power cycles on the same port and injected faults — all over real TCP.
import { afterEach, describe, expect, it } from 'vitest';
import type { DecodedTicket } from './escpos-decoder.js';
import { sendToPrinter } from './printer-transport.js';
import { startVirtualPrinter, type VirtualPrinter } from './virtual-printer.js';

const printers: VirtualPrinter[] = [];
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.stop()));
});

async function printer(
  options: Partial<Parameters<typeof startVirtualPrinter>[0]> = {},
): Promise<VirtualPrinter> {
  const p = await startVirtualPrinter({ port: 0, ...options });
  printers.push(p);
  return p;
}

const ticket = (text: string): number[] => [
  0x1b,
  0x40,
  ...Buffer.from(`${text}\n`, 'latin1'),
  0x1d,
  0x56,
  0x01,
];
const send = (p: VirtualPrinter, ...tickets: string[]) =>
  sendToPrinter({
    host: p.host,
    port: p.port,
    data: Uint8Array.from(tickets.flatMap(ticket)),
    timeoutMs: 2_000,
  });
const printed = (tickets: readonly DecodedTicket[]): string[] =>
  tickets.map((t) => t.lines.map((l) => l.text).join('|'));

describe('virtual printer', () => {
  it('prints several tickets sent on one connection, in order, each cut', async () => {
    const p = await printer();
    await send(p, 'uno', 'dos', 'tres');
    expect(printed(p.tickets)).toEqual(['uno', 'dos', 'tres']);
    expect(p.tickets.every((t) => t.cut)).toBe(true);
    expect(p.rawJobs).toHaveLength(1);
  });

  it('tells listeners about each ticket as it prints', async () => {
    const p = await printer();
    const seen: string[] = [];
    p.on('ticket', (t) => seen.push(t.lines[0]?.text ?? ''));
    await send(p, 'a');
    await send(p, 'b');
    expect(seen).toEqual(['a', 'b']);
  });

  it('holds what arrives while the cover is open and prints it once the cover is closed', async () => {
    const p = await printer({ status: 'cover-open' });
    await send(p, 'esperando');
    expect(p.tickets).toHaveLength(0);
    p.setStatus('ok');
    expect(printed(p.tickets)).toEqual(['esperando']);
  });

  it('prints nothing while out of paper, then everything held, once, when paper is loaded', async () => {
    const p = await printer();
    p.setStatus('paper-out');
    await send(p, 'uno');
    await send(p, 'dos');
    p.setStatus('paper-out');
    expect(p.tickets).toHaveLength(0);
    p.setStatus('ok');
    p.setStatus('ok');
    expect(printed(p.tickets)).toEqual(['uno', 'dos']);
  });

  it('is unreachable while switched off and prints again on the same port when back on', async () => {
    const p = await printer();
    const { port } = p;
    await p.goOffline();
    await expect(send(p, 'perdido')).rejects.toMatchObject({ kind: 'unreachable' });
    await p.goOnline();
    expect(p.port).toBe(port);
    await send(p, 'de vuelta');
    expect(printed(p.tickets)).toEqual(['de vuelta']);
  });

  it('drops jobs mid-way while the fault is on and prints whole jobs once it is cleared', async () => {
    const p = await printer({ dropAfterBytes: 8 });
    await expect(send(p, 'cortado por la mitad')).rejects.toMatchObject({ kind: 'reset' });
    p.setDropAfterBytes(null);
    await send(p, 'entero');
    expect(p.tickets.filter((t) => t.cut).map((t) => t.lines[0]?.text)).toEqual(['entero']);
    expect(p.rawJobs[0]).toHaveLength(8);
  });

  it('answers status requests that arrive in the middle of a print job', async () => {
    const p = await printer({ status: 'paper-near-end' });
    const replies: Array<[number, number | null]> = [];
    p.on('status-request', (n, reply) => replies.push([n, reply]));
    const data = Uint8Array.from([...ticket('uno'), 0x10, 0x04, 4, ...ticket('dos')]);
    await sendToPrinter({ host: p.host, port: p.port, data, timeoutMs: 2_000 });
    expect(replies).toEqual([[4, 0x1e]]);
    expect(printed(p.tickets)).toEqual(['uno', 'dos']);
  });
});
