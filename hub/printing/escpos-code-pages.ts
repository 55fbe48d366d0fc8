// The single-byte code pages Comanda prints with, and how to read their upper halves back.
// Numbers are the Epson ESC t n table, the one the encoder uses for ESC/POS; the decoder needs
// them to turn bytes back into text exactly as the printer would have printed it.
import { PRINTER_CODEPAGE_SETTINGS } from '../../protocol/printer-values.js';

/** Code pages the renderer may select and the decoder can read (the settings less 'auto'). cp858 is cp850 with €. */
export const PRINTER_CODE_PAGES = PRINTER_CODEPAGE_SETTINGS.filter(
  (c): c is Exclude<(typeof PRINTER_CODEPAGE_SETTINGS)[number], 'auto'> => c !== 'auto',
);
export type PrinterCodePage = (typeof PRINTER_CODE_PAGES)[number];

interface CodePageTable {
  /** n in ESC t n (Epson numbering). */
  escPosNumber: number;
  /** Characters for bytes 0x80–0xFF; U+FFFD where the page has no printable glyph. */
  high: string;
}

// Generated from @point-of-sale/codepage-encoder's definitions, so decoding mirrors encoding.
const TABLES: Record<PrinterCodePage, CodePageTable> = {
  cp437: {
    escPosNumber: 0,
    high: [
      'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒ',
      'áíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐',
      '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀',
      'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0',
    ].join(''),
  },
  cp850: {
    escPosNumber: 2,
    high: [
      'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒ',
      'áíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐',
      '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀',
      'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0',
    ].join(''),
  },
  cp860: {
    escPosNumber: 3,
    high: [
      'ÇüéâãàÁçêÊèÍÔìÃÂÉÀÈôõòÚùÌÕÜ¢£Ù₧Ó',
      'áíóúñÑªº¿Ò¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐',
      '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀',
      'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0',
    ].join(''),
  },
  cp863: {
    escPosNumber: 4,
    high: [
      'ÇüéâÂà¶çêëèïî‗À§ÉÈÊôËÏûù¤ÔÜ¢£ÙÛƒ',
      '¦´óú¨¸³¯Î⌐¬½¼¾«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐',
      '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀',
      'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0',
    ].join(''),
  },
  cp865: {
    escPosNumber: 5,
    high: [
      'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø₧ƒ',
      'áíóúñÑªº¿⌐¬½¼¡«¤░▒▓│┤╡╢╖╕╣║╗╝╜╛┐',
      '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀',
      'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0',
    ].join(''),
  },
  cp857: {
    escPosNumber: 13,
    high: [
      'ÇüéâäàåçêëèïîıÄÅÉæÆôöòûùİÖÜø£ØŞş',
      'áíóúñÑĞğ¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐',
      '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ºªÊËÈ€ÍÎÏ┘┌█▄¦Ì▀',
      'ÓßÔÒõÕµ\uFFFD×ÚÛÙìÿ¯´\u00AD±\uFFFD¾¶§÷¸°¨·¹³²■\u00A0',
    ].join(''),
  },
  windows1252: {
    escPosNumber: 16,
    high: [
      '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ',
      '\u00A0¡¢£¤¥¦§¨©ª«¬\u00AD®¯°±²³´µ¶·¸¹º»¼½¾¿',
      'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß',
      'àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
    ].join(''),
  },
  cp858: {
    escPosNumber: 19,
    high: [
      'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒ',
      'áíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐',
      '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀',
      'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0',
    ].join(''),
  },
  'iso8859-15': {
    escPosNumber: 40,
    high: [
      '\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD',
      '\u00A0¡¢£€¥Š§š©ª«¬\u00AD®¯°±²³Žµ¶·ž¹º»ŒœŸ¿',
      'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß',
      'àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
    ].join(''),
  },
};

const BY_NUMBER = new Map<number, PrinterCodePage>(
  PRINTER_CODE_PAGES.map((name) => [TABLES[name].escPosNumber, name] as const),
);

/** The code page ESC t n selects, or null for a page Comanda never emits. */
export function codePageForNumber(n: number): PrinterCodePage | null {
  return BY_NUMBER.get(n) ?? null;
}

/** The character a byte 0x7F–0xFF prints as; DEL, unknown pages and holes print U+FFFD. */
export function highByteChar(codePage: PrinterCodePage | null, byte: number): string {
  if (codePage === null || byte < 0x80) return '\uFFFD';
  return TABLES[codePage].high[byte - 0x80] ?? '\uFFFD';
}

const coverage = new Map<PrinterCodePage, Set<string>>();

/** True when every character of the text has a place in the code page (printable ASCII always does). */
export function codePageCovers(codePage: PrinterCodePage, text: string): boolean {
  let chars = coverage.get(codePage);
  if (chars === undefined) {
    chars = new Set([...TABLES[codePage].high].filter((c) => c !== '\uFFFD'));
    coverage.set(codePage, chars);
  }
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (!(code >= 0x20 && code < 0x7f) && !chars.has(c)) return false;
  }
  return true;
}
