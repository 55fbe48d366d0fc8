// The real-time status bytes of ESC/POS printers (DLE EOT n), in Epson TM-series bit layout: what a
// printer answers in each condition, and what the hub reads from an answer. Both sides of the edge
// use this one table — the virtual printer to answer, the transport to understand.
//
// Every status byte has bit 1 and bit 4 set and bits 0 and 7 clear (the fixed 0x12 pattern), which
// is also how a reply is told apart from noise.
//   n=1 printer:        bit 3 = offline
//   n=2 offline cause:  bit 2 = cover open, bit 5 = printing stopped by paper end, bit 6 = error
//   n=3 error cause:    (no errors modelled)
//   n=4 paper sensor:   bits 2–3 = roll paper near end, bits 5–6 = roll paper end

export const DLE_EOT_PRINTER = 1;
export const DLE_EOT_OFFLINE_CAUSE = 2;
export const DLE_EOT_ERROR_CAUSE = 3;
export const DLE_EOT_PAPER_SENSOR = 4;

const FIXED = 0x12;
const FIXED_MASK = 0x93;
const OFFLINE = 0x08;
const COVER_OPEN = 0x04;
const STOPPED_BY_PAPER_END = 0x20;
const PAPER_NEAR_END = 0x0c;
const PAPER_END = 0x60;

/** What a printer can be going through, as far as Comanda cares. */
export const PRINTER_CONDITIONS = ['ok', 'cover-open', 'paper-out', 'paper-near-end'] as const;
export type PrinterCondition = (typeof PRINTER_CONDITIONS)[number];

/** The byte a printer in this condition answers to DLE EOT n, or null for an n it does not answer. */
export function statusReply(n: number, condition: PrinterCondition): number | null {
  const coverOpen = condition === 'cover-open';
  const paperOut = condition === 'paper-out';
  switch (n) {
    case DLE_EOT_PRINTER:
      return FIXED | (coverOpen || paperOut ? OFFLINE : 0);
    case DLE_EOT_OFFLINE_CAUSE:
      return FIXED | (coverOpen ? COVER_OPEN : 0) | (paperOut ? STOPPED_BY_PAPER_END : 0);
    case DLE_EOT_ERROR_CAUSE:
      return FIXED;
    case DLE_EOT_PAPER_SENSOR:
      // An empty roll has passed the near-end sensor too.
      return (
        FIXED | (paperOut || condition === 'paper-near-end' ? PAPER_NEAR_END : 0) | (paperOut ? PAPER_END : 0)
      );
    default:
      return null;
  }
}

/** True when a byte carries the fixed bits of a real-time status reply. */
export function isStatusByte(byte: number): boolean {
  return (byte & FIXED_MASK) === FIXED;
}

export interface StatusFlags {
  /** The printer answered and says it can print. */
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
}

/** Reads the replies to DLE EOT 1, 2 and 4 (in that order). */
export function readStatusReplies(replies: {
  printer: number;
  offlineCause: number;
  paperSensor: number;
}): StatusFlags {
  const paperOut =
    (replies.paperSensor & PAPER_END) !== 0 || (replies.offlineCause & STOPPED_BY_PAPER_END) !== 0;
  return {
    online: (replies.printer & OFFLINE) === 0,
    coverOpen: (replies.offlineCause & COVER_OPEN) !== 0,
    paperOut,
    paperNearEnd: paperOut || (replies.paperSensor & PAPER_NEAR_END) !== 0,
  };
}
