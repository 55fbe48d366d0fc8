import { describe, expect, it } from 'vitest';
import type { PrintedLine } from './escpos-decoder.js';
import { formatTicketForTerminal } from './terminal-ticket.js';

const line = (text: string, style: Partial<PrintedLine> = {}): PrintedLine => ({
  text,
  bold: false,
  large: false,
  wide: false,
  inverted: false,
  ...style,
});

describe('formatTicketForTerminal', () => {
  it('draws the ticket in a box as wide as the paper and says whether it was cut', () => {
    const out = formatTicketForTerminal(
      { lines: [line('hola')], cut: true, commands: [] },
      { columns: 10, color: false },
    );
    expect(out).toEqual(['┌──────────┐', '│hola      │', '└── cut ───┘']);
  });

  it('spreads double-width letters over two cells, as on paper', () => {
    const out = formatTicketForTerminal(
      { lines: [line('MESA 1', { wide: true, large: true, bold: true })], cut: false, commands: [] },
      { columns: 12, color: false },
    );
    expect(out[1]).toBe('│M E S A   1 │');
    expect(out[2]).toContain(' not cut ');
  });

  it('styles bold and inverted lines with ANSI when colour is on', () => {
    const out = formatTicketForTerminal(
      { lines: [line('a', { bold: true }), line(' b ', { inverted: true })], cut: true, commands: [] },
      { columns: 4, color: true },
    );
    expect(out[1]).toBe('│\u001b[1ma\u001b[0m   │');
    expect(out[2]).toBe('│\u001b[7m b  \u001b[0m│');
  });
});
