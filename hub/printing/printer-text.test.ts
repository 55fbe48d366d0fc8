import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRINTER_CODE_PAGES } from './escpos-code-pages.js';
import { decodeEscPos } from './escpos-decoder.js';
import { printWidth, sanitizePrintText, wrapText, wrapWithHangingIndent } from './printer-text.js';

const C0_AND_C1 = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i)),
];
// The DOS code pages keep these symbols at 0x01–0x1F and 0x7F: encoded naively they become commands.
const CONTROL_RANGE_GLYPHS = [...'☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼⌂'];
const SPANISH = [...'ñÑáéíóúÁÉÍÓÚüÜ¿¡€'];

/** Strings built to hurt: control bytes, control-range glyphs, Spanish letters, any Unicode at all. */
const hostileText = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...C0_AND_C1, ...CONTROL_RANGE_GLYPHS, ...SPANISH, 'a', ' ', '@', 'V', '\t'),
  }),
  fc.string({ unit: 'binary' }),
);

// C0, DEL and C1 are exactly the Unicode category Cc.
const CONTROL = /\p{Cc}/u;

describe('sanitizePrintText', () => {
  it('never leaves a control character, whatever the input', () => {
    fc.assert(
      fc.property(hostileText, (input) => {
        expect(sanitizePrintText(input)).not.toMatch(CONTROL);
      }),
    );
  });

  it('encodes to text only: through every code page the encoder emits no command but a code page switch', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('auto' as const, ...PRINTER_CODE_PAGES), (input, codepage) => {
        const encoder = new ReceiptPrinterEncoder({
          language: 'esc-pos',
          columns: 48,
          codepageCandidates: ['cp858', 'cp437', 'windows1252', 'iso8859-15'],
        });
        const bytes = encoder.codepage(codepage).text(sanitizePrintText(input)).encode();
        for (const ticket of decodeEscPos(bytes).tickets) {
          for (const command of ticket.commands) expect(command).toMatch(/^ESC t \d+$/);
        }
        expect(decodeEscPos(bytes).statusRequests).toEqual([]);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(hostileText, (input) => {
        const once = sanitizePrintText(input);
        expect(sanitizePrintText(once)).toBe(once);
      }),
    );
  });

  it('keeps Spanish letters, inverted marks and the euro sign', () => {
    expect(sanitizePrintText('¿Año? ¡Sí! Ñandú, pingüino, 12 €')).toBe('¿Año? ¡Sí! Ñandú, pingüino, 12 €');
  });

  it('drops ESC, GS, DLE and FS but keeps the harmless letters around them', () => {
    expect(sanitizePrintText('sin\u001b@ sal\u001dV\u0000 \u0010\u0004\u0001ya\u001c.')).toBe(
      'sin@ salV ya.',
    );
  });

  it('turns arrows and bullets that would encode as ESC or GS into ASCII', () => {
    expect(sanitizePrintText('← poco hecho ↔ • sin sal → ya')).toBe('<- poco hecho <-> * sin sal -> ya');
  });

  it('collapses every kind of whitespace into single spaces and trims', () => {
    expect(sanitizePrintText('  bien\t\thecho\r\n\u00a0sin\u2028sal\u0085 ')).toBe('bien hecho sin sal');
  });

  it('composes decomposed accents so the code page has them', () => {
    expect(sanitizePrintText('jamo\u0301n')).toBe('jamón');
  });

  it('straightens curly quotes and long dashes', () => {
    expect(sanitizePrintText('“sin” ‘sal’ – ya…')).toBe('"sin" \'sal\' - ya...');
  });

  it('removes invisible format characters such as zero-width joiners and bidi overrides', () => {
    expect(sanitizePrintText('me\u200bsa\u202e 4\ufeff')).toBe('mesa 4');
  });
});

describe('wrapText', () => {
  const words = fc.array(fc.stringMatching(/^[a-zñ]{1,12}$/), { maxLength: 30 });

  it('never makes a line wider than asked and loses no word', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 12, max: 48 }), (ws, width) => {
        const lines = wrapText(ws.join(' '), width);
        for (const line of lines) expect(printWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join(' ').split(' ').filter(Boolean)).toEqual(ws);
      }),
    );
  });

  it('breaks a word longer than the line', () => {
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('indents continuation lines under the text after the prefix', () => {
    expect(wrapWithHangingIndent({ prefix: '2x ', text: 'milanesa con papas fritas', width: 16 })).toEqual([
      '2x milanesa con',
      '   papas fritas',
    ]);
  });
});
