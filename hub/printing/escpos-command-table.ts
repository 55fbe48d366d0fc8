// How many bytes each ESC/POS command occupies, so the decoder can step over any command — even
// ones it does not act on (images, barcodes, NV graphics) — without printing their data as text.
// Lengths follow Epson's ESC/POS reference. Anything unknown is stepped over by its prefix and
// function byte only: that is what a printer does, and it can never stall or crash the decoder.

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;

/** A command found at some offset: its header bytes, then `dataLength` bytes to skip. */
export interface MeasuredCommand {
  /** prefix, function byte(s) and parameters */
  header: number[];
  dataLength: number;
  /** For data ending in NUL (barcodes, tab stops): scan up to this many bytes for it. */
  untilNul?: number;
}

export type Measure = MeasuredCommand | 'need-more';

const ch = (s: string): number => s.charCodeAt(0);

// Parameter bytes after "ESC x" for the fixed-length commands.
const ESC_PARAMS = new Map<number, number>([
  ...[...'@2<iLmSv\f'].map((c) => [ch(c), 0] as const),
  ...[...'!EG-M4at dJe3 VRU{r=%T?uK'].map((c) => [ch(c), 1] as const),
  [ch('$'), 2],
  [ch('\\'), 2],
  [ch('c'), 2],
  [ch('&'), 3],
  [ch('p'), 3],
  [ch('W'), 8],
]);

const GS_PARAMS = new Map<number, number>([
  ...[...':cE'].map((c) => [ch(c), 0] as const),
  ...[...'!BHfhw/IrabTj'].map((c) => [ch(c), 1] as const),
  ...[...'LWP$\\'].map((c) => [ch(c), 2] as const),
  [ch('^'), 3],
]);

const FS_PARAMS = new Map<number, number>([
  ...[...'.&'].map((c) => [ch(c), 0] as const),
  ...[...'!-CW'].map((c) => [ch(c), 1] as const),
  ...[...'Sp'].map((c) => [ch(c), 2] as const),
]);

/** Measures the command starting at buf[i] (which holds ESC, GS, FS or DLE). */
export function measureCommand(buf: Uint8Array, i: number): Measure {
  const available = buf.length - i;
  const at = (k: number): number => buf[i + k] ?? 0;
  const fixed = (total: number, dataLength = 0): Measure =>
    available < total ? 'need-more' : { header: Array.from(buf.subarray(i, i + total)), dataLength };

  if (available < 2) return 'need-more';
  const prefix = at(0);
  const fn = at(1);

  if (prefix === DLE) return measureDle(fn, fixed, at);

  // "x pL pH data": the length-prefixed families (ESC ( x, GS ( x, FS ( x).
  if (fn === ch('(')) return available < 5 ? 'need-more' : fixed(5, at(3) + at(4) * 256);

  if (prefix === ESC) {
    if (fn === ch('*'))
      return available < 5 ? 'need-more' : fixed(5, (at(3) + at(4) * 256) * (at(2) <= 1 ? 1 : 3));
    if (fn === ch('D')) return { header: [ESC, fn], dataLength: 0, untilNul: 33 };
    return fixed(2 + (ESC_PARAMS.get(fn) ?? 0));
  }
  if (prefix === GS) {
    if (fn === ch('V'))
      return available < 3 ? 'need-more' : fixed([65, 66, 97, 98, 103, 104].includes(at(2)) ? 4 : 3);
    if (fn === ch('*')) return available < 4 ? 'need-more' : fixed(4, at(2) * at(3) * 8);
    if (fn === ch('v')) {
      return available < 8 ? 'need-more' : fixed(8, (at(4) + at(5) * 256) * (at(6) + at(7) * 256));
    }
    if (fn === ch('8')) {
      // GS 8 L p1 p2 p3 p4: a four-byte length for large graphics.
      return available < 7
        ? 'need-more'
        : fixed(7, at(3) + at(4) * 2 ** 8 + at(5) * 2 ** 16 + at(6) * 2 ** 24);
    }
    if (fn === ch('k')) {
      if (available < 3) return 'need-more';
      // Symbologies 0–6 end in NUL; 65 and up carry a length byte.
      if (at(2) <= 6) return { header: [GS, fn, at(2)], dataLength: 0, untilNul: 256 };
      return available < 4 ? 'need-more' : fixed(4, at(3));
    }
    return fixed(2 + (GS_PARAMS.get(fn) ?? 0));
  }
  if (prefix === FS) {
    if (fn === ch('2')) return fixed(4, 72);
    return fixed(2 + (FS_PARAMS.get(fn) ?? 0));
  }
  return fixed(1);
}

function measureDle(fn: number, fixed: (total: number) => Measure, at: (k: number) => number): Measure {
  // The real-time commands: DLE EOT n and DLE ENQ n (EOT 7 / 8 carry one more byte), DLE DC4 fn …
  if (fn === 0x04 || fn === 0x05)
    return fixed(3) === 'need-more' ? 'need-more' : fixed(at(2) === 7 || at(2) === 8 ? 4 : 3);
  if (fn === 0x14) {
    const extra: Record<number, number> = { 1: 2, 2: 2, 7: 1, 8: 7 };
    return fixed(3) === 'need-more' ? 'need-more' : fixed(3 + (extra[at(2)] ?? 0));
  }
  // A lone DLE is not a command; step over it and let what follows print.
  return fixed(1);
}

/** A readable name for the command log: "ESC t 19", "GS V 1", "GS v 0 (+512 bytes)". */
export function describeCommand(cmd: MeasuredCommand): string {
  const [prefix = 0, fn = 0, ...params] = cmd.header;
  const prefixName = prefix === ESC ? 'ESC' : prefix === GS ? 'GS' : prefix === FS ? 'FS' : 'DLE';
  const fnName = fn > 0x20 && fn < 0x7f ? String.fromCharCode(fn) : `0x${fn.toString(16).padStart(2, '0')}`;
  const data = cmd.dataLength > 0 ? ` (+${cmd.dataLength} bytes)` : '';
  return [prefixName, fnName, ...params.map(String)].join(' ') + data;
}
