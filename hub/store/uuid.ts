// UUIDv7 ids (time-ordered, so B-tree inserts append) drawn from a pooled random buffer: the write
// path makes a dozen ids per command, and a syscall for each showed up in profiles.
import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;
let lastMs = 0;
let counter = 0;

/** Where `n` fresh random bytes start in the pool (read in place: no view object per id). */
function takeRandom(n: number): number {
  if (offset + n > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const at = offset;
  offset += n;
  return at;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** RFC 9562 UUIDv7: 48-bit ms timestamp, version 7, 12-bit counter for order within a millisecond, random rest. */
export function newUuidV7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    counter = (counter + 1) & 0xfff;
    if (counter === 0) lastMs++; // 4096 ids in one ms: borrow the next ms to stay ordered
  }
  const r = takeRandom(8);
  // Written straight from a byte-to-hex table: no Buffer per id, no hex string to slice up.
  const hi = Math.floor(lastMs / 0x1_0000_0000);
  const lo = lastMs >>> 0;
  return (
    HEX[(hi >>> 8) & 0xff]! +
    HEX[hi & 0xff]! +
    HEX[lo >>> 24]! +
    HEX[(lo >>> 16) & 0xff]! +
    '-' +
    HEX[(lo >>> 8) & 0xff]! +
    HEX[lo & 0xff]! +
    '-' +
    HEX[0x70 | (counter >>> 8)]! +
    HEX[counter & 0xff]! +
    '-' +
    HEX[(pool[r + 0]! & 0x3f) | 0x80]! +
    HEX[pool[r + 1]!]! +
    '-' +
    HEX[pool[r + 2]!]! +
    HEX[pool[r + 3]!]! +
    HEX[pool[r + 4]!]! +
    HEX[pool[r + 5]!]! +
    HEX[pool[r + 6]!]! +
    HEX[pool[r + 7]!]!
  );
}
