// Draws a decoded ticket in a terminal as it would look on the paper roll: a box as wide as the
// paper, double-size text spread over two cells per letter, bold and white-on-black via ANSI.
import type { DecodedTicket, PrintedLine } from './escpos-decoder.js';

const BOLD = '\u001b[1m';
const INVERSE = '\u001b[7m';
const RESET = '\u001b[0m';

export interface TerminalTicketOptions {
  columns: number;
  /** ANSI styling; off gives plain text (pipes, NO_COLOR). */
  color: boolean;
}

/** The ticket as lines of terminal text, box included. */
export function formatTicketForTerminal(ticket: DecodedTicket, opts: TerminalTicketOptions): string[] {
  const top = `┌${'─'.repeat(opts.columns)}┐`;
  const bottomLabel = ticket.cut ? ' cut ' : ' not cut ';
  const left = Math.max(0, Math.floor((opts.columns - bottomLabel.length) / 2));
  const bottom = `└${'─'.repeat(left)}${bottomLabel}${'─'.repeat(Math.max(0, opts.columns - left - bottomLabel.length))}┘`;
  return [top, ...ticket.lines.map((line) => `│${formatLine(line, opts)}│`), bottom];
}

function formatLine(line: PrintedLine, opts: TerminalTicketOptions): string {
  // Double-width letters take two cells on paper; spacing them out keeps the layout true to the roll.
  const cells = line.wide ? Array.from(line.text, (c) => `${c} `).join('') : line.text;
  const padded = cells + ' '.repeat(Math.max(0, opts.columns - Array.from(cells).length));
  if (!opts.color) {
    const mark = line.inverted ? '▌' : '';
    return mark === '' ? padded : padded.replace(/^ /, mark);
  }
  const styles = (line.bold || line.large ? BOLD : '') + (line.inverted ? INVERSE : '');
  if (styles === '') return padded;
  // Inverted bands run to the edge of the paper; other styles stop where the text does.
  const styledPart = line.inverted ? padded : cells;
  return `${styles}${styledPart}${RESET}${line.inverted ? '' : padded.slice(cells.length)}`;
}
