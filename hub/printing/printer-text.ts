// Text that people typed (notes, names, modifiers) made safe to send to a printer, and fitted to the paper.
//
// Two ways user text could smuggle printer commands onto the wire, and both are closed here:
//  1. raw control characters (ESC 0x1B, GS 0x1D, DLE 0x10, FS 0x1C…, C1 0x80–0x9F) — dropped;
//  2. harmless-looking symbols that the DOS code pages keep at positions 0x01–0x1F and 0x7F
//     (cp437's "←" is 0x1B = ESC, "↔" is 0x1D = GS, "►" is 0x10 = DLE): the encoder maps them
//     to those bytes, so "←@" in a note would reset the printer. They become ASCII stand-ins or go.

/** Symbols that the DOS code pages place in the control range, with a printable stand-in ('' = drop). */
const CONTROL_RANGE_GLYPHS: ReadonlyMap<string, string> = new Map([
  ['☺', ''],
  ['☻', ''],
  ['♥', ''],
  ['♦', ''],
  ['♣', ''],
  ['♠', ''],
  ['•', '*'],
  ['◘', ''],
  ['○', 'o'],
  ['◙', ''],
  ['♂', ''],
  ['♀', ''],
  ['♪', ''],
  ['♫', ''],
  ['☼', ''],
  ['►', '>'],
  ['◄', '<'],
  ['↕', ''],
  ['‼', '!!'],
  // § and ¶ do exist in the upper half of cp850/cp858, but the encoder finds their low slot first.
  ['¶', ''],
  ['§', ''],
  ['▬', '-'],
  ['↨', ''],
  ['↑', '^'],
  ['↓', 'v'],
  ['→', '->'],
  ['←', '<-'],
  ['∟', ''],
  ['↔', '<->'],
  ['▲', '^'],
  ['▼', 'v'],
  ['⌂', ''],
]);

const GLYPH_PATTERN = new RegExp(`[${[...CONTROL_RANGE_GLYPHS.keys()].join('')}]`, 'gu');

// Phone keyboards type curly quotes and long dashes; ASCII keeps the printer on one code page.
const TYPOGRAPHY: ReadonlyMap<string, string> = new Map([
  ['‘', "'"],
  ['’', "'"],
  ['‚', "'"],
  ['‛', "'"],
  ['“', '"'],
  ['”', '"'],
  ['„', '"'],
  ['‟', '"'],
  ['‐', '-'],
  ['‑', '-'],
  ['‒', '-'],
  ['–', '-'],
  ['—', '-'],
  ['―', '-'],
  ['…', '...'],
]);
const TYPOGRAPHY_PATTERN = new RegExp(`[${[...TYPOGRAPHY.keys()].join('')}]`, 'gu');

// Line and paragraph separators, NEL, NBSP and friends all print as one plain space.
const WHITESPACE_RUN = /[\s\p{Z}\u0085]+/gu;
// Controls (C0, DEL, C1), invisible format characters, lone surrogates, private use, unassigned.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;

/**
 * Makes user text safe and tidy for a receipt printer: composed (NFC, so "a" + U+0301 becomes "á",
 * which the code page has), whitespace collapsed to single spaces, controls and invisible characters
 * removed, control-range symbols and curly quotes/dashes replaced. What is left is printable; the encoder's code page turns
 * ñ á é í ó ú ü ¿ ¡ € into the right bytes and anything it lacks into "?".
 */
export function sanitizePrintText(input: string): string {
  return input
    .normalize('NFC')
    .replace(WHITESPACE_RUN, ' ')
    .replace(UNPRINTABLE, '')
    .replace(GLYPH_PATTERN, (glyph) => CONTROL_RANGE_GLYPHS.get(glyph) ?? '')
    .replace(TYPOGRAPHY_PATTERN, (mark) => TYPOGRAPHY.get(mark) ?? '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Length in printed character cells: one per code point (thermal fonts are monospaced). */
export function printWidth(text: string): number {
  return Array.from(text).length;
}

/**
 * Word-wraps text to lines of at most `width` cells, breaking a word only when it alone is wider
 * than a line. Our own wrapping (rather than the encoder's) lets continuation lines get a hanging
 * indent. Empty text gives no lines.
 */
export function wrapText(text: string, width: number): string[] {
  if (width < 1) throw new RangeError(`width must be at least 1, got ${width}`);
  const lines: string[] = [];
  let current: string[] = [];
  for (const word of text.split(' ').filter((w) => w.length > 0)) {
    let chars = Array.from(word);
    const needed = current.length === 0 ? chars.length : current.length + 1 + chars.length;
    if (needed <= width) {
      if (current.length > 0) current.push(' ');
      current.push(...chars);
      continue;
    }
    if (current.length > 0) lines.push(current.join(''));
    current = [];
    while (chars.length > width) {
      lines.push(chars.slice(0, width).join(''));
      chars = chars.slice(width);
    }
    current = chars;
  }
  if (current.length > 0) lines.push(current.join(''));
  return lines;
}

/** Wraps with a prefix on the first line and the same width of blank indent on the rest. */
export function wrapWithHangingIndent(opts: { prefix: string; text: string; width: number }): string[] {
  const indent = printWidth(opts.prefix);
  const room = Math.max(1, opts.width - indent);
  return wrapText(opts.text, room).map((line, i) => (i === 0 ? opts.prefix : ' '.repeat(indent)) + line);
}
