import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRINTER_CODE_PAGES, type PrinterCodePage } from './escpos-code-pages.js';
import { EscPosStreamDecoder, decodeEscPos, type DecoderEvent } from './escpos-decoder.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;

// Letters each page has beyond ASCII, to prove the decoder reads the page the encoder selected.
const SAMPLES: Record<PrinterCodePage, string> = {
  cp437: 'ñÑáéíóú¿¡üÜ░▒▓',
  cp850: 'ñÑáéíóúÁÍÓÚ¿¡ü',
  cp858: 'ñÑáéíóúÁÉÍÓÚ¿¡ü€',
  cp857: 'ğĞıİşŞñ€',
  cp860: 'ãõÃÕçÇ',
  cp863: 'ÂÊÎÔÛ',
  cp865: 'øØæÆ',
  windows1252: 'ñÑ€‰Œœ',
  'iso8859-15': '€ŠšŽžŒœŸ',
};

describe('decodeEscPos', () => {
  it('reads back text in every code page the encoder can select', () => {
    for (const page of PRINTER_CODE_PAGES) {
      const encoded = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: 48 })
        .initialize()
        .codepage(page)
        .line(SAMPLES[page])
        .cut()
        .encode();
      expect(decodeEscPos(encoded).tickets[0]?.lines[0]?.text, page).toBe(SAMPLES[page]);
    }
  });

  it('notes bold, double size and inverted printing per line', () => {
    const { tickets } = decodeEscPos(
      bytes(
        [ESC, 0x45, 1],
        'bold',
        [ESC, 0x45, 0],
        '\n',
        [GS, 0x21, 0x11],
        'big',
        [GS, 0x21, 0],
        '\n',
        [GS, 0x21, 0x01],
        'tall',
        '\n',
        [GS, 0x21, 0, GS, 0x42, 1],
        ' band ',
        [GS, 0x42, 0],
        '\nplain\n',
      ),
    );
    expect(tickets[0]?.lines).toEqual([
      { text: 'bold', bold: true, large: false, wide: false, inverted: false },
      { text: 'big', bold: false, large: true, wide: true, inverted: false },
      { text: 'tall', bold: false, large: true, wide: false, inverted: false },
      { text: ' band ', bold: false, large: false, wide: false, inverted: true },
      { text: 'plain', bold: false, large: false, wide: false, inverted: false },
    ]);
  });

  it('reads ESC ! print modes as bold and double size', () => {
    const line = decodeEscPos(bytes([ESC, 0x21, 0x38], 'X\n')).tickets[0]?.lines[0];
    expect(line).toMatchObject({ bold: true, large: true, wide: true });
  });

  it('ends a ticket at each cut and keeps what follows the last cut as an uncut ticket', () => {
    const { tickets } = decodeEscPos(bytes('one\n', [GS, 0x56, 0], 'two\n', [GS, 0x56, 65, 3], 'three\n'));
    expect(tickets.map((t) => [t.lines.map((l) => l.text), t.cut])).toEqual([
      [['one'], true],
      [['two'], true],
      [['three'], false],
    ]);
  });

  it('collects real-time status requests without printing them', () => {
    const decoded = decodeEscPos(bytes([DLE, 4, 1, DLE, 4, 2], 'hola\n', [DLE, 4, 4]));
    expect(decoded.statusRequests).toEqual([1, 2, 4]);
    expect(decoded.tickets[0]?.lines.map((l) => l.text)).toEqual(['hola']);
  });

  it('steps over image and barcode data instead of printing it', () => {
    const raster = [GS, 0x76, 0x30, 0, 2, 0, 2, 0, ...Buffer.from('ABCD')];
    const barcode = [GS, 0x6b, 4, ...Buffer.from('12345'), 0];
    const qr = [GS, 0x28, 0x6b, 5, 0, ...Buffer.from('hello')];
    const { tickets } = decodeEscPos(bytes(raster, barcode, qr, 'after\n'));
    expect(tickets[0]?.lines.map((l) => l.text)).toEqual(['after']);
    expect(tickets[0]?.commands).toEqual([
      'GS v 48 0 2 0 2 0 (+4 bytes)',
      'GS k 4',
      'GS ( 107 5 0 (+5 bytes)',
    ]);
  });

  it('goes back to code page 0 on ESC @', () => {
    const { tickets } = decodeEscPos(bytes([ESC, 0x74, 19, 0xd5], '\n', [ESC, 0x40, 0xd5], '\n'));
    expect(tickets[0]?.lines.map((l) => l.text)).toEqual(['€', '╒']);
  });

  it('logs stray control bytes as commands, so injected ones are visible', () => {
    expect(decodeEscPos(bytes('a', [0x01, 0x07], 'b\n')).tickets[0]?.commands).toEqual(['0x01', '0x07']);
  });

  it('never throws on garbage, and decodes the same however the stream is chunked', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.nat({ max: 600 }), { maxLength: 8 }),
        (data, cuts) => {
          const whole = decodeEscPos(data);
          const decoder = new EscPosStreamDecoder();
          const events: DecoderEvent[] = [];
          let from = 0;
          for (const at of [...cuts].sort((a, b) => a - b)) {
            events.push(...decoder.push(data.subarray(from, Math.max(from, at))));
            from = Math.max(from, at);
          }
          events.push(...decoder.push(data.subarray(from)), ...decoder.end());
          expect(events.filter((e) => e.type === 'ticket').map((e) => e.ticket)).toEqual(whole.tickets);
          expect(events.filter((e) => e.type === 'status-request').map((e) => e.n)).toEqual(
            whole.statusRequests,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on command-dense garbage', () => {
    const commandish = fc
      .uint8Array({ maxLength: 400 })
      .map((a) => a.map((b) => [ESC, GS, 0x1c, DLE, 0x28, 0x76, 0x38, b][b % 8] ?? b));
    fc.assert(
      fc.property(commandish, (data) => {
        expect(() => decodeEscPos(data)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
