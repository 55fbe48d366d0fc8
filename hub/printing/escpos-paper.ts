// A thin layer over the ESC/POS encoder that lays text out on the paper: our own word wrapping (so
// continuation lines keep their indent), sizes that halve the columns, left/right amount rows and
// inverted blocks padded edge to edge. Both renderers (kitchen ticket, check) write through it.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { codePageCovers, type PrinterCodePage } from './escpos-code-pages.js';
import { printWidth, sanitizePrintText, wrapText, wrapWithHangingIndent } from './printer-text.js';

export interface EscPosRenderOptions {
  paperWidthMm: 58 | 80;
  /** A fixed code page, or 'auto' (default): cp858 for Western European text, others only when needed. */
  codepage?: PrinterCodePage | 'auto';
}

/** Font A columns: 32 on 58 mm paper, 48 on 80 mm. */
export function columnsForPaper(paperWidthMm: 58 | 80): 32 | 48 {
  return paperWidthMm === 58 ? 32 : 48;
}

// cp858 first: it holds every Spanish letter and the euro sign, so a ticket normally selects one
// code page once. The others only cover symbols cp858 lacks; all of them are pages the decoder reads.
const AUTO_CANDIDATES: readonly PrinterCodePage[] = ['cp858', 'cp437', 'windows1252', 'iso8859-15'];

/** normal = 1×1; tall = double height (same columns, easy to read); big = double width and height. */
export type TextSize = 'normal' | 'tall' | 'big';

export interface LineStyle {
  bold?: boolean;
  size?: TextSize;
  inverted?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface Paper {
  readonly columns: number;
  /** Character cells per line at a size: big letters are twice as wide. */
  widthAt(size: TextSize): number;
  /** Prints text word-wrapped to the paper. Every text argument is sanitised here, whoever wrote it. */
  text(text: string, style?: LineStyle): void;
  /** A first-line prefix ("2x ", "  + ") with continuation lines indented under the text. */
  hanging(opts: { prefix: string; text: string; style?: LineStyle }): void;
  /**
   * Label on the left, amount on the right; a long label wraps (under the optional prefix, like
   * hanging) and the amount goes on its last line.
   */
  row(opts: { prefix?: string; left: string; right: string; style?: LineStyle }): void;
  /** One line of fixed-width cells (a table row); a cell too long for its width pushes the rest right. */
  cells(cells: Array<{ text: string; width: number; align?: 'left' | 'right' }>, style?: LineStyle): void;
  /** Inverted text padded to the full width, so it prints as a solid black band. */
  band(text: string, style?: Omit<LineStyle, 'inverted'>): void;
  rule(char?: '-' | '='): void;
  blank(lines?: number): void;
  /** Feeds past the cutter and cuts; returns the bytes of the whole document. */
  finish(): Uint8Array;
}

const SIZE_FACTORS: Record<TextSize, [width: number, height: number]> = {
  normal: [1, 1],
  tall: [1, 2],
  big: [2, 2],
};

/** Lines fed before the cut so the last printed line clears the cutter blade. */
const FEED_BEFORE_CUT = 4;

export function createPaper(options: EscPosRenderOptions): Paper {
  const columns = columnsForPaper(options.paperWidthMm);
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    codepageMapping: 'epson',
    codepageCandidates: [...AUTO_CANDIDATES],
  });
  encoder.initialize();
  const fixedPage = options.codepage === 'auto' ? undefined : options.codepage;
  let currentPage: PrinterCodePage | 'auto' = fixedPage ?? AUTO_CANDIDATES[0] ?? 'cp858';
  encoder.codepage(currentPage);

  // The encoder's own 'auto' looks every character up in every table, which costs milliseconds a
  // line; choosing the page per line from our tables is as exact and a hundred times faster. Its
  // 'auto' stays the fallback for a line no single page covers.
  function selectPageFor(line: string): void {
    if (fixedPage !== undefined) return;
    if (currentPage !== 'auto' && codePageCovers(currentPage, line)) return;
    const next = AUTO_CANDIDATES.find((page) => codePageCovers(page, line)) ?? 'auto';
    if (next !== currentPage) encoder.codepage(next);
    currentPage = next;
  }

  const widthAt = (size: TextSize): number => Math.floor(columns / SIZE_FACTORS[size][0]);

  function printLine(line: string, style: LineStyle): void {
    const size = style.size ?? 'normal';
    const width = widthAt(size);
    const room = Math.max(0, width - printWidth(line));
    const padded =
      style.align === 'center'
        ? ' '.repeat(Math.floor(room / 2)) + line
        : style.align === 'right'
          ? ' '.repeat(room) + line
          : line;
    if (style.bold) encoder.bold(true);
    if (style.inverted) encoder.invert(true);
    if (size !== 'normal') encoder.size(...SIZE_FACTORS[size]);
    selectPageFor(padded);
    encoder.line(padded);
    if (size !== 'normal') encoder.size(1, 1);
    if (style.inverted) encoder.invert(false);
    if (style.bold) encoder.bold(false);
  }

  return {
    columns,
    widthAt,
    text(text, style = {}) {
      for (const line of wrapText(sanitizePrintText(text), widthAt(style.size ?? 'normal')))
        printLine(line, style);
    },
    hanging({ prefix, text, style = {} }) {
      const width = widthAt(style.size ?? 'normal');
      const lines = wrapWithHangingIndent({ prefix, text: sanitizePrintText(text), width });
      for (const line of lines.length > 0 ? lines : [prefix.trimEnd()]) printLine(line, style);
    },
    row({ prefix = '', left, right, style = {} }) {
      const width = widthAt(style.size ?? 'normal');
      const amount = sanitizePrintText(right);
      const rightWidth = printWidth(amount);
      const room = Math.max(printWidth(prefix) + 1, width - rightWidth - 1);
      const lines = wrapWithHangingIndent({ prefix, text: sanitizePrintText(left), width: room });
      const last = lines.pop() ?? prefix.trimEnd();
      for (const line of lines) printLine(line, style);
      const gap = Math.max(1, width - printWidth(last) - rightWidth);
      printLine(last + ' '.repeat(gap) + amount, { ...style, align: 'left' });
    },
    cells(cells, style = {}) {
      const line = cells
        .map(({ text, width, align }) => {
          const clean = sanitizePrintText(text);
          const pad = ' '.repeat(Math.max(0, width - printWidth(clean)));
          return align === 'right' ? pad + clean : clean + pad;
        })
        .join('');
      printLine(line.trimEnd(), { ...style, align: 'left' });
    },
    band(text, style = {}) {
      const width = widthAt(style.size ?? 'normal');
      for (const line of wrapText(sanitizePrintText(text), width - 2)) {
        const inner = style.align === 'left' ? line : centre(line, width - 2);
        printLine(` ${padToWidth(inner, width - 2)} `, { ...style, align: 'left', inverted: true });
      }
    },
    rule(char = '-') {
      printLine(char.repeat(columns), {});
    },
    blank(lines = 1) {
      encoder.newline(lines);
    },
    finish() {
      encoder.newline(FEED_BEFORE_CUT).cut('partial');
      return encoder.encode();
    },
  };
}

function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - printWidth(text)));
}

function centre(text: string, width: number): string {
  const room = Math.max(0, width - printWidth(text));
  return ' '.repeat(Math.floor(room / 2)) + text;
}

/** Sanitises user text and upper-cases it for headings, as the kitchen prints them. */
export function headingText(userText: string, locale: string): string {
  return sanitizePrintText(userText).toLocaleUpperCase(locale);
}
