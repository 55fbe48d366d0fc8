// Reads ESC/POS bytes the way a printer would and reports what ended up on paper: lines of text in
// the selected code page with their style, where the paper was cut, which real-time status requests
// arrived, and every command seen (so a test can prove user text injected none). It is streaming —
// the virtual printer feeds it TCP chunks as they come — and it never throws on garbage.
import { codePageForNumber, highByteChar, type PrinterCodePage } from './escpos-code-pages.js';
import {
  DLE,
  ESC,
  FS,
  GS,
  describeCommand,
  measureCommand,
  type MeasuredCommand,
} from './escpos-command-table.js';

export interface PrintedLine {
  text: string;
  /** Some visible character on the line was emphasised (ESC E, ESC G or ESC !). */
  bold: boolean;
  /** Some visible character was printed double width or height (GS ! or ESC !). */
  large: boolean;
  /** Some visible character was printed (at least) double width: the line holds half the columns. */
  wide: boolean;
  /** Some character, spaces included, was printed white on black (GS B). */
  inverted: boolean;
}

export interface DecodedTicket {
  lines: PrintedLine[];
  /** False when the stream ended (or the connection dropped) before a cut. */
  cut: boolean;
  /** Every command in the ticket in order ("ESC t 19", "GS ! 17", "GS V 1"); line feeds left out. */
  commands: string[];
}

export interface DecodedStream {
  tickets: DecodedTicket[];
  /** n of each DLE EOT n, in arrival order. */
  statusRequests: number[];
}

export type DecoderEvent = { type: 'ticket'; ticket: DecodedTicket } | { type: 'status-request'; n: number };

// A printer wraps long lines itself; we only bound memory against a stream that never sends LF.
const MAX_LINE_CHARS = 4096;
const TAB_STOP = 8;

interface PrintState {
  bold: boolean;
  width: number;
  height: number;
  inverted: boolean;
  codePage: PrinterCodePage | null;
}

const initialState = (): PrintState => ({
  bold: false,
  width: 1,
  height: 1,
  inverted: false,
  codePage: 'cp437',
});

export class EscPosStreamDecoder {
  #state = initialState();
  #lines: PrintedLine[] = [];
  #commands: string[] = [];
  #line = { text: '', bold: false, large: false, wide: false, inverted: false };
  /** Header bytes of a command split across chunks. */
  #carry: Uint8Array = new Uint8Array(0);
  /** Data bytes of a command (an image, say) still to arrive and be skipped. */
  #skip = 0;
  #events: DecoderEvent[] = [];

  /** Feeds the next chunk; returns the tickets completed and status requests seen in it. */
  push(chunk: Uint8Array): DecoderEvent[] {
    let data = chunk;
    if (this.#skip > 0) {
      const skipped = Math.min(this.#skip, data.length);
      this.#skip -= skipped;
      data = data.subarray(skipped);
    }
    const buf = this.#carry.length > 0 ? concat(this.#carry, data) : data;
    this.#carry = new Uint8Array(0);
    let i = 0;
    while (i < buf.length) {
      const byte = buf[i] ?? 0;
      if (byte >= 0x20) {
        this.#print(byte >= 0x7f ? highByteChar(this.#state.codePage, byte) : String.fromCharCode(byte));
        i += 1;
        continue;
      }
      if (byte !== ESC && byte !== GS && byte !== FS && byte !== DLE) {
        this.#control(byte);
        i += 1;
        continue;
      }
      const measured = measureCommand(buf, i);
      if (measured === 'need-more') {
        this.#carry = buf.slice(i);
        break;
      }
      let end = i + measured.header.length;
      if (measured.untilNul !== undefined) {
        const limit = Math.min(buf.length, end + measured.untilNul);
        const nul = buf.subarray(end, limit).indexOf(0);
        if (nul === -1 && limit === buf.length && limit - end < measured.untilNul) {
          this.#carry = buf.slice(i);
          break;
        }
        end = nul === -1 ? limit : end + nul + 1;
      }
      const dataEnd = end + measured.dataLength;
      this.#skip = Math.max(0, dataEnd - buf.length);
      i = Math.min(dataEnd, buf.length);
      this.#apply(measured);
    }
    return this.#drain();
  }

  /**
   * The stream is over. A command cut short is dropped, and so is text with no line feed after it:
   * a printer keeps that in its buffer unprinted (and the next job's ESC @ clears it). Lines already
   * printed but not cut form a last ticket.
   */
  end(): DecoderEvent[] {
    this.#carry = new Uint8Array(0);
    this.#skip = 0;
    this.#line = { text: '', bold: false, large: false, wide: false, inverted: false };
    // The feed after the last cut is not a ticket; anything with ink on it is, cut or not.
    if (this.#lines.some((line) => line.text.trim() !== '')) this.#endTicket(false);
    return this.#drain();
  }

  #drain(): DecoderEvent[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }

  #print(char: string): void {
    const s = this.#state;
    const visible = char !== ' ';
    this.#line.text += char;
    this.#line.bold ||= visible && s.bold;
    this.#line.large ||= visible && (s.width > 1 || s.height > 1);
    this.#line.wide ||= visible && s.width > 1;
    this.#line.inverted ||= s.inverted;
    if (this.#line.text.length >= MAX_LINE_CHARS) this.#endLine();
  }

  #control(byte: number): void {
    switch (byte) {
      case 0x0a: // LF: print the line and feed
        this.#endLine();
        return;
      case 0x0d: // CR: ignored when auto line feed is off, as on network printers
        return;
      case 0x09: // HT: to the next tab stop
        this.#commands.push('HT');
        do this.#print(' ');
        while (this.#line.text.length % TAB_STOP !== 0);
        return;
      default:
        this.#commands.push(`0x${byte.toString(16).padStart(2, '0')}`);
    }
  }

  #apply(cmd: MeasuredCommand): void {
    const [prefix, fn = 0, p1 = 0] = cmd.header;
    const s = this.#state;
    if (prefix === DLE && fn === 0x04) {
      // Real-time: answered by the printer at once, not part of any ticket.
      this.#events.push({ type: 'status-request', n: p1 });
      return;
    }
    this.#commands.push(describeCommand(cmd));
    const is = (c: string): boolean => fn === c.charCodeAt(0);
    if (prefix === ESC) {
      if (is('@')) {
        // Initialise: clears the print buffer and every mode, code page back to page 0.
        this.#state = initialState();
        this.#line = { text: '', bold: false, large: false, wide: false, inverted: false };
      } else if (is('E') || is('G')) s.bold = (p1 & 1) === 1;
      else if (is('!')) {
        s.bold = (p1 & 0x08) !== 0;
        s.height = p1 & 0x10 ? 2 : 1;
        s.width = p1 & 0x20 ? 2 : 1;
      } else if (is('t')) s.codePage = codePageForNumber(p1);
      else if (is('d')) this.#feed(p1);
      else if (is('J') && this.#line.text.length > 0) this.#endLine();
      else if (is('i') || is('m')) this.#cut();
    } else if (prefix === GS) {
      if (is('!')) {
        s.width = ((p1 >> 4) & 0x07) + 1;
        s.height = (p1 & 0x07) + 1;
      } else if (is('B')) s.inverted = (p1 & 1) === 1;
      else if (is('V')) this.#cut();
    }
  }

  /** ESC d n prints what is buffered and feeds n lines. */
  #feed(n: number): void {
    let blanks = n;
    if (this.#line.text.length > 0) {
      this.#endLine();
      blanks -= 1;
    }
    for (let k = 0; k < blanks; k++) this.#endLine();
  }

  #endLine(): void {
    this.#lines.push(this.#line);
    this.#line = { text: '', bold: false, large: false, wide: false, inverted: false };
  }

  #cut(): void {
    // A cut happens at the start of a line: anything buffered is printed first.
    if (this.#line.text.length > 0) this.#endLine();
    this.#endTicket(true);
  }

  #endTicket(cut: boolean): void {
    this.#events.push({ type: 'ticket', ticket: { lines: this.#lines, cut, commands: this.#commands } });
    this.#lines = [];
    this.#commands = [];
  }
}

/** Decodes a whole byte stream at once. */
export function decodeEscPos(bytes: Uint8Array): DecodedStream {
  const decoder = new EscPosStreamDecoder();
  const events = [...decoder.push(bytes), ...decoder.end()];
  const result: DecodedStream = { tickets: [], statusRequests: [] };
  for (const event of events) {
    if (event.type === 'ticket') result.tickets.push(event.ticket);
    else result.statusRequests.push(event.n);
  }
  return result;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
